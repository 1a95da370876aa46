import { formatDate } from '../../../shared/locale-dates';
import type { RosterDiff } from '../../../shared/schemas/roster-diff';
import { DIFF_GROUPS, type DiffGroup } from './roster-diff-choices';
import type { RosterDiffModel } from './roster-diff-model';
import type { ReviewRow } from './roster-review-rows';

type Model = InstanceType<typeof RosterDiffModel>;

const GROUP_TEXT: Record<DiffGroup, { title: string; hint: string; one: string; many: string }> = {
  admissions: {
    title: 'New on the roster',
    hint: 'Confirm to add them as patients, with their checklist.',
    one: 'admission',
    many: 'admissions',
  },
  readmissions: {
    title: 'Back on the roster',
    hint: 'Discharged before (same name and date of birth). Confirm to readmit them to their own record, history kept, instead of adding them again.',
    one: 'readmission',
    many: 'readmissions',
  },
  discharges: {
    title: 'No longer on the roster',
    hint: 'Confirm to discharge them (status Completed) and add the discharge tasks.',
    one: 'discharge',
    many: 'discharges',
  },
  changes: {
    title: 'Changed on the roster',
    hint: 'Confirm to update the record with what the roster says.',
    one: 'change',
    many: 'changes',
  },
};

const FIELD_NAMES: Record<RosterDiff['changes'][number]['fields'][number]['field'], string> = {
  firstName: 'first name',
  lastName: 'last name',
  dateOfBirth: 'date of birth',
  roomNumber: 'room',
  mrn: 'record number',
  email: 'email',
  phone: 'phone',
};

const person = (p: { lastName?: string; firstName?: string }) => `${p.lastName ?? ''}, ${p.firstName ?? ''}`;
const born = (day?: string | null) =>
  day && /^\d{4}-\d{2}-\d{2}$/.test(day) ? `born ${formatDate(day)}` : '';
const room = (r?: string | null) => (r ? `room ${r}` : '');
const facts = (...parts: string[]) => parts.filter(Boolean).join(' · ');

/** One line per item of a group: its checkbox names the action and the person. */
function items(diff: RosterDiff, rows: ReviewRow[], group: DiffGroup, offered: string[]) {
  if (group === 'admissions')
    return diff.admissions.map((a) => {
      const v = rows[a.row]?.values ?? {};
      const key = String(a.row);
      const warning = rows[a.row]?.warnings[0]?.issue;
      const why = !offered.includes(key) ? 'fix or include row first' : warning;
      return {
        key,
        action: `Admit ${person(v)}`,
        text: facts(`Row ${a.row + 1}`, born(v.dateOfBirth), room(v.roomNumber), why ?? ''),
      };
    });
  if (group === 'readmissions')
    return diff.readmissions.map((r) => {
      const v = rows[r.row]?.values ?? {};
      return {
        key: r.patient.patientId,
        action: `Readmit ${person(r.patient)}`,
        text: facts(
          `Row ${r.row + 1}`,
          born(r.patient.dateOfBirth),
          room(v.roomNumber),
          `discharged ${formatDate(r.patient.dischargedAt)}`,
        ),
      };
    });
  if (group === 'discharges')
    return diff.discharges.map((d) => ({
      key: d.patientId,
      action: `Discharge ${person(d)}`,
      text: facts(born(d.dateOfBirth), room(d.roomNumber)),
    }));
  return diff.changes.map((c) => ({
    key: c.patient.patientId,
    action: `Update ${person(c.patient)}`,
    text: c.fields.map((f) => `${FIELD_NAMES[f.field]} ${f.from ?? '(none)'} → ${f.to}`).join('; '),
  }));
}

/**
 * Rows with errors are left out of the comparison, by name and with the
 * reason, so a patient whose row only has a bad date is not taken for gone.
 */
function CouldNotCompare({ diff }: { diff: RosterDiff }) {
  if (!diff.couldNotCompare.length) return null;
  return (
    <fieldset data-testid="diff-could-not-compare">
      <legend>Could not compare ({diff.couldNotCompare.length})</legend>
      <p class="muted small">Fix these rows above and check again to compare them.</p>
      <ul class="diff-items">
        {diff.couldNotCompare.map((u) => (
          <li key={u.row} data-testid="diff-unread">
            <span class="diff-who">
              Row {u.row + 1}:{' '}
              {u.lastName || u.firstName
                ? person({ lastName: u.lastName ?? '', firstName: u.firstName ?? '' })
                : 'no name'}
            </span>
            <span class="muted small diff-facts">
              {u.errors.map((e) => e.issue).join('; ')}
              {u.patients.length
                ? `. May be ${u.patients.map((p) => facts(person(p), born(p.dateOfBirth))).join(' or ')}: no discharge is proposed for them meanwhile.`
                : ''}
            </span>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}

/**
 * The roster against the facility's current patients, in groups the
 * person confirms item by item or a group at once; nothing changes until
 * "Apply" and only what was confirmed.
 */
export function RosterDiffReview(props: {
  model: Model;
  rows: ReviewRow[];
  facilityName: string;
  onApply: () => void;
}) {
  const { model } = props;
  const diff = model.diff.value;
  if (!diff) return null;
  const choices = model.choices.value;
  const offer = model.offer.value;
  const confirmed = model.confirmed.value;
  return (
    <section class="roster-diff" aria-labelledby="diff-title" data-testid="roster-diff">
      <h3 id="diff-title">Compared with the {diff.current} current patients</h3>
      <p class="small">
        This roster names patients already at {props.facilityName}, so it is compared instead of imported.
        Nothing changes until you confirm. {diff.unchanged}{' '}
        {diff.unchanged === 1 ? 'patient is' : 'patients are'} on the roster as recorded.
      </p>
      <CouldNotCompare diff={diff} />
      {DIFF_GROUPS.map((group) => {
        const text = GROUP_TEXT[group];
        const list = items(diff, props.rows, group, offer[group]);
        const keys = offer[group];
        const all = keys.length > 0 && keys.every((k) => choices[group].has(k));
        // Readmissions are rare: their group shows only when there is one.
        if (group === 'readmissions' && list.length === 0) return null;
        return (
          <fieldset key={group} data-testid={`diff-${group}`}>
            <legend>
              {text.title} ({list.length})
            </legend>
            {list.length === 0 ? (
              <p class="muted small">None.</p>
            ) : (
              <>
                <p class="muted small">{text.hint}</p>
                <ul class="diff-items">
                  {list.map((item) => (
                    <li key={item.key} data-testid="diff-item">
                      <label>
                        <input
                          type="checkbox"
                          aria-label={item.action}
                          checked={choices[group].has(item.key)}
                          disabled={!keys.includes(item.key)}
                          onChange={() => model.toggle(group, item.key)}
                        />{' '}
                        <span class="diff-who">{item.action}</span>
                        <span class="muted small diff-facts">{item.text}</span>
                      </label>
                    </li>
                  ))}
                </ul>
                {keys.length > 0 ? (
                  <button type="button" class="secondary" onClick={() => model.confirmGroup(group)}>
                    {all
                      ? `Clear the ${keys.length} ${keys.length === 1 ? text.one : text.many}`
                      : `Confirm all ${keys.length} ${keys.length === 1 ? text.one : text.many}`}
                  </button>
                ) : null}
              </>
            )}
          </fieldset>
        );
      })}
      {model.error.value ? (
        <p class="alert error" role="alert" data-testid="diff-error">
          {model.error.value}
        </p>
      ) : null}
      <p class="small" role="status" data-testid="diff-confirmed">
        {confirmed} confirmed
      </p>
      <button
        type="button"
        class="primary"
        disabled={model.busy.value || confirmed === 0}
        onClick={props.onApply}
      >
        {model.busy.value ? 'Working…' : `Apply ${confirmed} confirmed`}
      </button>
    </section>
  );
}
