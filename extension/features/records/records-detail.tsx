import { useModel } from '@preact/signals';
import { useState } from 'preact/hooks';
import { formatDate } from '../../../shared/locale-dates';
import { movesFrom, STATUS_LABELS } from '../../../shared/records/statuses';
import { RecordsAuthorization } from './records-authorization';
import { RecordsAuthorizationForm } from './records-authorization-form';
import { RecordsDetailModel } from './records-detail-model';
import { RecordsDisclosures } from './records-disclosures';
import { RecordsFee } from './records-fee';
import { RecordsFiles } from './records-files';
import { DIRECTION_LABELS, daysLeftText, EVENT_LABELS, isOverdue } from './records-labels';
import { RecordsTransferModel } from './records-transfer-model';

/** A request's page: what was asked, the clock and the rule that set it, the timeline, and the moves this role may make. */
export function RecordsDetail(props: { id: string; permissions: string[]; onBack: () => void }) {
  const model = useModel(() => new RecordsDetailModel(props.id));
  const transfer = useModel(() => new RecordsTransferModel(props.id, () => model.reload()));
  const [reason, setReason] = useState('');
  const r = model.request.value;
  const error = model.error.value;
  if (!r)
    return error ? (
      <p class="alert error" role="alert">
        {error}
      </p>
    ) : (
      <p class="muted">Loading…</p>
    );
  const moves = movesFrom(r.direction, r.status).filter((m) => props.permissions.includes(m.permission));
  const canExtend =
    r.open && r.direction === 'outgoing' && !r.extendedAt && props.permissions.includes('records:edit');
  const saving = model.saving.value;
  return (
    <div data-testid="records-detail">
      <div class="row">
        <button type="button" class="link" onClick={props.onBack}>
          ← Records requests
        </button>
        {/* A recipient's download completes the request while this page is open. */}
        <button
          type="button"
          class="link"
          onClick={() => {
            model.reload();
            transfer.load();
          }}
        >
          Refresh
        </button>
      </div>
      <h2>{r.subjectName}</h2>
      <p>
        <span class="badge ok" data-testid="records-status">
          {STATUS_LABELS[r.status]}
        </span>{' '}
        {DIRECTION_LABELS[r.direction]} · {r.party.name}
        {r.party.organization ? ` (${r.party.organization})` : ''}
      </p>
      {r.statusReason ? <p class="alert">{r.statusReason}</p> : null}
      <p class={isOverdue(r) && r.open ? 'overdue' : ''} data-testid="records-due">
        Due {formatDate(r.dueOn)}
        {r.open ? ` · ${daysLeftText(r)}` : ''}
      </p>
      <p class="muted small" data-testid="records-rule">
        Set by {r.dueRule.name}: {r.dueRule.days} {r.dueRule.clock} days from receipt on{' '}
        {formatDate(r.receivedOn)} ({r.dueRule.citation})
      </p>
      {r.extendedAt ? <p class="muted small">Extended once: {r.extensionReason}</p> : null}
      {r.protectedRecords ? (
        <p class="alert">Includes psychotherapy notes: they need their own authorization.</p>
      ) : null}
      {r.open && r.missingForRelease.length ? (
        <p class="small" id="records-missing" data-testid="records-missing">
          Before approval: {r.missingForRelease.join('; ')}
        </p>
      ) : null}
      {r.direction === 'outgoing' &&
      ['received', 'authorization_check', 'on_hold'].includes(r.status) &&
      props.permissions.includes('records:edit') ? (
        <RecordsAuthorization
          request={r}
          saving={saving}
          onCheck={(check) => model.checkAuthorization(check)}
        />
      ) : null}
      {r.direction === 'outgoing' &&
      r.requesterKind === 'third_party' &&
      ['received', 'authorization_check', 'on_hold'].includes(r.status) &&
      props.permissions.includes('records:edit') ? (
        <RecordsAuthorizationForm
          request={r}
          saving={saving}
          onSend={(email) => model.sendAuthorizationForm(email)}
        />
      ) : null}
      <RecordsFee request={r} permissions={props.permissions} model={transfer} />
      <p class="small">
        {r.recordTypes.join(', ')}
        {r.dateFrom || r.dateTo ? ` · ${r.dateFrom ?? '…'} to ${r.dateTo ?? '…'}` : ''} · {r.purpose}
      </p>
      {error ? (
        <p class="alert error" role="alert">
          {error}
        </p>
      ) : null}
      {moves.length || canExtend ? (
        <div>
          <label for="records-reason">
            Reason or message (for holds, denials, withdrawals, the extension)
          </label>
          <textarea id="records-reason" value={reason} onInput={(e) => setReason(e.currentTarget.value)} />
          <div class="row-actions">
            {moves.map((m) => {
              // Approval waits for what is missing; the reason is on the page before the click.
              const blocked = m.to === 'approved' && r.missingForRelease.length > 0;
              return (
                <button
                  type="button"
                  class="secondary"
                  key={m.to}
                  disabled={saving || blocked}
                  aria-describedby={blocked ? 'records-missing' : undefined}
                  title={blocked ? `Before approval: ${r.missingForRelease.join('; ')}` : undefined}
                  onClick={async () => {
                    if (await model.moveTo(m.to, reason.trim() || undefined)) setReason('');
                  }}
                >
                  {STATUS_LABELS[m.to]}
                </button>
              );
            })}
            {canExtend ? (
              <button
                type="button"
                class="secondary"
                disabled={saving}
                onClick={async () => {
                  if (await model.extend(reason.trim())) setReason('');
                }}
              >
                Extend once
              </button>
            ) : null}
          </div>
        </div>
      ) : null}
      <RecordsFiles request={r} permissions={props.permissions} model={transfer} />
      {r.patientId ? <RecordsDisclosures patientId={r.patientId} version={r.updatedAt} /> : null}
      <h3>Timeline</h3>
      <ul class="history" aria-label="Timeline">
        {model.timeline.value.map((e) => (
          <li key={e.id} class="small">
            {e.createdAt.slice(0, 16).replace('T', ' ')} ·{' '}
            {e.kind === 'status' || e.kind === 'created'
              ? STATUS_LABELS[e.toStatus as keyof typeof STATUS_LABELS]
              : e.kind === 'escalation'
                ? `Escalation (${e.text})`
                : (EVENT_LABELS[e.kind] ?? e.kind)}
            {e.kind !== 'escalation' && e.text ? `: ${e.text}` : ''}
          </li>
        ))}
      </ul>
    </div>
  );
}
