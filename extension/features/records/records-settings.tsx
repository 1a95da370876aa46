import { useModel } from '@preact/signals';
import { useState } from 'preact/hooks';
import { RULE_STATES } from '../../../shared/records/deadline-rules';
import { type NewRule, RecordsSettingsModel } from './records-settings-model';

const STATE_NAMES: Record<(typeof RULE_STATES)[number], string> = { CA: 'California', TX: 'Texas' };

const EMPTY_RULE: NewRule = {
  name: '',
  requesters: ['patient'],
  accessKinds: ['copies'],
  days: 10,
  clock: 'business',
  citation: '',
};

/**
 * The organisation's records settings: its states, its own tighter rules and
 * the practice's periods. Everyone who sees records reads them; only full
 * access changes them. The federal floor is listed, never editable.
 */
export function RecordsSettingsView(props: { permissions: string[]; onBack: () => void }) {
  const model = useModel(() => new RecordsSettingsModel());
  const [rule, setRule] = useState<NewRule>(EMPTY_RULE);
  const s = model.settings.value;
  const canEdit = props.permissions.includes('records:full');
  const saving = model.saving.value;
  const toggle = <T,>(list: T[], item: T) =>
    list.includes(item) ? list.filter((x) => x !== item) : [...list, item];
  return (
    <div data-testid="records-settings">
      <button type="button" class="link" onClick={props.onBack}>
        ← Records requests
      </button>
      <h2>Records settings</h2>
      {!s ? <p class="muted">Loading…</p> : null}
      {s ? (
        <>
          <fieldset disabled={!canEdit || saving}>
            <legend>States the practice works in</legend>
            {RULE_STATES.map((st) => (
              <label class="check" key={st}>
                <input
                  type="checkbox"
                  checked={s.states.includes(st)}
                  onChange={() => model.save({ states: toggle(s.states, st) })}
                />{' '}
                {STATE_NAMES[st]}
              </label>
            ))}
          </fieldset>
          <h3>Rules that apply</h3>
          <ul class="history" aria-label="Legal rules">
            {s.legalRules
              .filter((r) => r.jurisdiction === 'US' || s.states.includes(r.jurisdiction as 'CA' | 'TX'))
              .map((r) => (
                <li key={r.id} class="small">
                  {r.name}: {r.days} {r.clock} days · {r.citation} · reviewed {r.lastReviewed}
                </li>
              ))}
          </ul>
          <h3>The practice's own rules</h3>
          <p class="muted small">
            They can only make a deadline earlier: the strictest rule that applies sets it.
          </p>
          {s.customRules.length === 0 ? <p class="empty">None.</p> : null}
          <ul class="list" aria-label="Practice rules">
            {s.customRules.map((r, i) => (
              <li key={r.id}>
                <div class="small">
                  {r.name}: {r.days} {r.clock} days ({r.requesters.join(', ').replace('_', ' ')};{' '}
                  {r.accessKinds.join(', ')}) · {r.citation}
                </div>
                {canEdit ? (
                  <div class="row-actions">
                    <button
                      type="button"
                      class="secondary"
                      disabled={saving}
                      onClick={() => model.save({ customRules: model.editable(s).filter((_, j) => j !== i) })}
                    >
                      Remove {r.name}
                    </button>
                  </div>
                ) : null}
              </li>
            ))}
          </ul>
          {canEdit ? (
            <fieldset disabled={saving}>
              <legend>Add a rule</legend>
              <label for="records-rule-name">Rule name</label>
              <input
                id="records-rule-name"
                value={rule.name}
                onInput={(e) => setRule({ ...rule, name: e.currentTarget.value })}
              />
              <label class="check">
                <input
                  type="checkbox"
                  checked={rule.requesters.includes('patient')}
                  onChange={() => setRule({ ...rule, requesters: toggle(rule.requesters, 'patient') })}
                />{' '}
                Patients' own requests
              </label>
              <label class="check">
                <input
                  type="checkbox"
                  checked={rule.requesters.includes('third_party')}
                  onChange={() => setRule({ ...rule, requesters: toggle(rule.requesters, 'third_party') })}
                />{' '}
                Third parties
              </label>
              <label class="check">
                <input
                  type="checkbox"
                  checked={rule.accessKinds.includes('copies')}
                  onChange={() => setRule({ ...rule, accessKinds: toggle(rule.accessKinds, 'copies') })}
                />{' '}
                Copies
              </label>
              <label class="check">
                <input
                  type="checkbox"
                  checked={rule.accessKinds.includes('inspection')}
                  onChange={() => setRule({ ...rule, accessKinds: toggle(rule.accessKinds, 'inspection') })}
                />{' '}
                Inspection
              </label>
              <label for="records-rule-days">Days</label>
              <input
                id="records-rule-days"
                type="number"
                min={1}
                max={365}
                value={rule.days}
                onInput={(e) => setRule({ ...rule, days: Number(e.currentTarget.value) })}
              />
              <label for="records-rule-clock">Counted in</label>
              <select
                id="records-rule-clock"
                value={rule.clock}
                onChange={(e) => setRule({ ...rule, clock: e.currentTarget.value as NewRule['clock'] })}
              >
                <option value="business">Business days</option>
                <option value="calendar">Calendar days</option>
              </select>
              <label for="records-rule-citation">Where the rule comes from</label>
              <input
                id="records-rule-citation"
                value={rule.citation}
                onInput={(e) => setRule({ ...rule, citation: e.currentTarget.value })}
              />
              <button
                type="button"
                class="secondary"
                onClick={async () => {
                  if (await model.save({ customRules: [...model.editable(s), rule] })) setRule(EMPTY_RULE);
                }}
              >
                Add rule
              </button>
            </fieldset>
          ) : null}
          <fieldset disabled={!canEdit || saving}>
            <legend>The practice's periods</legend>
            <PeriodInput
              id="records-third-party-days"
              label="Days given to third parties when no rule applies"
              value={s.thirdPartyDays}
              onSave={(thirdPartyDays) => model.save({ thirdPartyDays })}
            />
            <PeriodInput
              id="records-follow-up-days"
              label="Days before following up a request to a previous provider"
              value={s.followUpDays}
              onSave={(followUpDays) => model.save({ followUpDays })}
            />
          </fieldset>
        </>
      ) : null}
      {model.message.value ? (
        <p class="muted small" role="status" data-testid="records-settings-message">
          {model.message.value}
        </p>
      ) : null}
      {model.error.value ? (
        <p class="alert error" role="alert">
          {model.error.value}
        </p>
      ) : null}
    </div>
  );
}

/** A number saved when the field loses focus with a new value. */
function PeriodInput(props: { id: string; label: string; value: number; onSave: (n: number) => void }) {
  return (
    <>
      <label for={props.id}>{props.label}</label>
      <input
        id={props.id}
        type="number"
        min={1}
        max={90}
        value={props.value}
        onChange={(e) => {
          const n = Number(e.currentTarget.value);
          if (n !== props.value) props.onSave(n);
        }}
      />
    </>
  );
}
