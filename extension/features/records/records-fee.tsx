import { useState } from 'preact/hooks';
import type { RecordsRequest } from '../../../shared/schemas/records';
import type { RecordsFeeView } from '../../../shared/schemas/records-fees';
import type { RecordsTransferModel } from './records-transfer-model';

type Model = InstanceType<typeof RecordsTransferModel>;
type Rule = RecordsFeeView['rules'][number];

/** What each input of a fee rule is called; amounts in cents are typed in dollars. */
const INPUTS: Record<string, { label: string; dollars?: boolean }> = {
  pages: { label: 'Pages' },
  laborMinutes: { label: 'Minutes of copying' },
  hourlyRateCents: { label: 'Hourly rate ($)', dollars: true },
  perPageCents: { label: 'Supplies per page ($)', dollars: true },
  mediaCents: { label: 'Electronic media ($)', dollars: true },
  postageCents: { label: 'Postage ($)', dollars: true },
  clericalQuarterHours: { label: 'Clerical quarter hours' },
  amountCents: { label: 'Amount ($)', dollars: true },
};

const money = (cents: number) => `$${(cents / 100).toFixed(2)}`;

function FeeForm(props: { rules: Rule[]; model: Model }) {
  const [ruleId, setRuleId] = useState(props.rules[0]?.id);
  const [values, setValues] = useState<Record<string, string>>({});
  const [format, setFormat] = useState<'paper' | 'electronic'>('paper');
  const rule = props.rules.find((r) => r.id === ruleId);
  if (!rule) return null;
  const submit = () => {
    const input: Record<string, number | string> = {};
    for (const key of rule.inputs) {
      if (key === 'format') input.format = format;
      else if (values[key]) {
        const n = Number(values[key]);
        input[key] = Math.round(INPUTS[key]?.dollars ? n * 100 : n);
      }
    }
    props.model.setFee({ ruleId: rule.id, input });
  };
  return (
    <fieldset>
      <legend>Compute the fee</legend>
      <label for="records-fee-rule">Fee rule</label>
      <select
        id="records-fee-rule"
        value={ruleId}
        onChange={(e) => setRuleId(e.currentTarget.value as Rule['id'])}
      >
        {props.rules.map((r) => (
          <option key={r.id} value={r.id}>
            {r.name}
          </option>
        ))}
      </select>
      <p class="muted small">{rule.citation}</p>
      {rule.inputs.map((key) =>
        key === 'format' ? (
          <div key={key}>
            <label for="records-fee-format">Copy</label>
            <select
              id="records-fee-format"
              value={format}
              onChange={(e) => setFormat(e.currentTarget.value as 'paper' | 'electronic')}
            >
              <option value="paper">Paper</option>
              <option value="electronic">Electronic</option>
            </select>
          </div>
        ) : (
          <div key={key}>
            <label for={`records-fee-${key}`}>{INPUTS[key]?.label ?? key}</label>
            <input
              id={`records-fee-${key}`}
              type="number"
              min={0}
              step={INPUTS[key]?.dollars ? 0.01 : 1}
              value={values[key] ?? ''}
              onInput={(e) => setValues({ ...values, [key]: e.currentTarget.value })}
            />
          </div>
        ),
      )}
      <button type="button" class="secondary" disabled={props.model.busy.value} onClick={submit}>
        Compute fee
      </button>
    </fieldset>
  );
}

/** The fee of an outgoing request and how it was computed, shown before approval, with payment and waiver. */
export function RecordsFee(props: { request: RecordsRequest; permissions: string[]; model: Model }) {
  const { model, permissions, request } = props;
  const [reason, setReason] = useState('');
  const view = model.fee.value;
  if (!view || request.direction !== 'outgoing') return null;
  const fee = view.fee;
  const editable = request.open && request.status !== 'sent' && permissions.includes('records:edit');
  return (
    <section aria-label="Fee">
      <h3>Fee</h3>
      {fee ? (
        <div data-testid="records-fee">
          <p>
            <strong>{money(fee.amountCents)}</strong> · {fee.ruleName} ·{' '}
            {fee.status === 'waived' ? `waived: ${fee.waiverReason}` : fee.status}
          </p>
          <ul class="history" aria-label="How the fee was computed">
            {fee.lines.map((l) => (
              <li key={l.label} class="small">
                {l.label}: {money(l.cents)}
              </li>
            ))}
          </ul>
          <p class="muted small">
            {fee.citation}
            {fee.holdsRelease ? ' · The records are sent once it is paid or waived.' : ''}
            {request.requesterKind === 'patient'
              ? " · A patient's access is never held for an unpaid fee."
              : ''}
          </p>
          {fee.status === 'unpaid' && permissions.includes('records:edit') ? (
            <button type="button" class="secondary" disabled={model.busy.value} onClick={() => model.pay()}>
              Mark paid
            </button>
          ) : null}
          {fee.status === 'unpaid' && permissions.includes('records:authorize') ? (
            <div>
              <label for="records-fee-waiver">Reason for a waiver</label>
              <input
                id="records-fee-waiver"
                value={reason}
                onInput={(e) => setReason(e.currentTarget.value)}
              />
              <button
                type="button"
                class="secondary"
                disabled={model.busy.value || !reason.trim()}
                onClick={() => model.waive(reason.trim())}
              >
                Waive fee
              </button>
            </div>
          ) : null}
        </div>
      ) : (
        <p class="empty">No fee set.</p>
      )}
      {editable ? <FeeForm rules={view.rules} model={model} /> : null}
    </section>
  );
}
