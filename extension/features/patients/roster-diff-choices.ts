// What the person confirmed of a roster diff, and the request that applies it.
import type { RosterApplied, RosterApply, RosterDiff } from '../../../shared/schemas/roster-diff';
import { commitRow, type ReviewRow } from './roster-review-rows';

export const DIFF_GROUPS = ['admissions', 'readmissions', 'discharges', 'changes'] as const;
export type DiffGroup = (typeof DIFF_GROUPS)[number];

/** Confirmed items per group: an admission by its row index, a readmission, discharge or change by patient id. */
export type DiffChoices = Record<DiffGroup, ReadonlySet<string>>;

export const noChoices = (): DiffChoices => ({
  admissions: new Set(),
  readmissions: new Set(),
  discharges: new Set(),
  changes: new Set(),
});

/** Nothing offered in any group (no diff yet). */
export const noOffer = (): Record<DiffGroup, string[]> => ({
  admissions: [],
  readmissions: [],
  discharges: [],
  changes: [],
});

/**
 * What each group offers: every readmission, discharge and change, and the
 * admissions on rows that are taken into the import and read without errors.
 */
export function offered(diff: RosterDiff, rows: ReviewRow[]): Record<DiffGroup, string[]> {
  return {
    admissions: diff.admissions
      .filter((a) => rows[a.row]?.include && rows[a.row]!.errors.length === 0)
      .map((a) => String(a.row)),
    readmissions: diff.readmissions.map((r) => r.patient.patientId),
    discharges: diff.discharges.map((d) => d.patientId),
    changes: diff.changes.map((c) => c.patient.patientId),
  };
}

/**
 * The rows as the review counts and lists their problems: once the roster is
 * compared, a row recognised as a current patient is that patient, so the
 * warning that it is likely already at the facility no longer asks for anything.
 */
export function withoutRecognisedWarnings(rows: ReviewRow[], diff: RosterDiff | null): ReviewRow[] {
  if (!diff) return rows;
  const admissions = new Set(diff.admissions.map((a) => a.row));
  return rows.map((r, i) =>
    r.errors.length === 0 && !admissions.has(i) && r.warnings.some((w) => w.existingPatientId)
      ? { ...r, warnings: r.warnings.filter((w) => !w.existingPatientId) }
      : r,
  );
}

export function toggled(choices: DiffChoices, group: DiffGroup, key: string): DiffChoices {
  const next = new Set(choices[group]);
  if (next.has(key)) next.delete(key);
  else next.add(key);
  return { ...choices, [group]: next };
}

/** Every item of the group confirmed, or, when all already are, none. */
export function allOrNone(choices: DiffChoices, group: DiffGroup, keys: string[]): DiffChoices {
  const all = keys.every((k) => choices[group].has(k));
  return { ...choices, [group]: new Set(all ? [] : keys) };
}

/** After the roster is checked again, only confirmations of items still offered are kept. */
export function stillOffered(choices: DiffChoices, offer: Record<DiffGroup, string[]>): DiffChoices {
  const keep = (g: DiffGroup) => new Set(offer[g].filter((k) => choices[g].has(k)));
  return {
    admissions: keep('admissions'),
    readmissions: keep('readmissions'),
    discharges: keep('discharges'),
    changes: keep('changes'),
  };
}

export const confirmedCount = (choices: DiffChoices, offer: Record<DiffGroup, string[]>) =>
  DIFF_GROUPS.reduce((n, g) => n + offer[g].filter((k) => choices[g].has(k)).length, 0);

/**
 * The apply request for what was confirmed (and offered): admitted rows as
 * the review shows them, a confirmed admission counting as the confirmation
 * of a likely duplicate it was flagged as, changes with the roster's values.
 */
export function applyRequest(
  input: Pick<RosterApply, 'facilityId' | 'source' | 'fileName'>,
  diff: RosterDiff,
  rows: ReviewRow[],
  choices: DiffChoices,
): RosterApply {
  const offer = offered(diff, rows);
  const chosen = (g: DiffGroup, key: string) => choices[g].has(key) && offer[g].includes(key);
  return {
    ...input,
    admissions: diff.admissions
      .filter((a) => chosen('admissions', String(a.row)))
      .map((a) => {
        const row = rows[a.row]!;
        return commitRow({ ...row, confirmDuplicate: row.confirmDuplicate || row.warnings.length > 0 });
      }),
    readmissions: diff.readmissions
      .filter((r) => chosen('readmissions', r.patient.patientId))
      .map((r) => {
        const room = rows[r.row]?.values.roomNumber?.trim();
        return { patientId: r.patient.patientId, ...(room ? { roomNumber: room } : {}) };
      }),
    discharges: diff.discharges
      .filter((d) => chosen('discharges', d.patientId))
      .map((d) => ({ patientId: d.patientId })),
    changes: diff.changes
      .filter((c) => chosen('changes', c.patient.patientId))
      .map((c) => ({
        patientId: c.patient.patientId,
        ...Object.fromEntries(c.fields.map((f) => [f.field, f.to])),
      })),
  };
}

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** "2 patients admitted, 1 readmitted, 1 discharged, 1 updated; 11 checklist tasks added." */
export function appliedMessage(done: RosterApplied): string {
  const parts = [
    done.admitted.length ? `${count(done.admitted.length, 'patient', 'patients')} admitted` : '',
    done.readmitted.length ? `${done.readmitted.length} readmitted` : '',
    done.discharged.length ? `${done.discharged.length} discharged` : '',
    done.changed.length ? `${done.changed.length} updated` : '',
  ].filter(Boolean);
  const tasks = done.tasksCreated
    ? `; ${count(done.tasksCreated, 'checklist task', 'checklist tasks')} added`
    : '';
  return `${parts.join(', ') || 'Nothing changed'}${tasks}.`;
}
