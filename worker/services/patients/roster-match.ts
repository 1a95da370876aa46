import { nameKey, nameKeyPart } from '../../../shared/roster/names';
import type { RosterChangeField, RosterDiff } from '../../../shared/schemas/roster-diff';
import { phoneKey } from '../leads/phone-key';
import type { CheckedPatient, RowProblem } from './roster-rows';

/** A current patient of the facility, as the comparison needs them. */
export type CurrentPatient = {
  id: string;
  firstName: string;
  lastName: string;
  nameKey: string;
  dateOfBirth: string;
  roomNumber: string | null;
  mrn: string | null;
  email: string | null;
  phone: string | null;
};

/** A roster row that did not read (a bad date, a missing name): what can still be told of it. */
export type UnreadRow = {
  row: number;
  firstName: string | null;
  lastName: string | null;
  mrn: string | null;
  errors: RowProblem[];
};

type Match = { row: number; patient: CurrentPatient; by: RosterDiff['changes'][number]['matchedBy'] };

/** Record numbers compare without case, spaces or punctuation ("mg-20417" is "MG 20417"). */
const recordKey = (mrn: string | null) => (mrn ? mrn.toUpperCase().replace(/[^A-Z0-9]/g, '') : '');

/** Two people with record numbers that differ are two people, whatever their names say. */
const recordsConflict = (a: string | null, b: string | null) =>
  !!recordKey(a) && !!recordKey(b) && recordKey(a) !== recordKey(b);

/** Edits (insert, delete, substitute, swap two neighbours) from one word to the other. */
function editDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  }
  return d[a.length]![b.length]!;
}

/**
 * One name part spelt another way: a middle initial added or dropped
 * ("Elena" / "Elena R"), or one or two letters off in a long name ("Okafor" /
 * "Okafur"), one in a short one. Anything further is another person.
 */
function similarPart(a: string, b: string): boolean {
  if (a === b) return true;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (short.length >= 3 && long.startsWith(short) && long.length - short.length <= 2) return true;
  return editDistance(a, b) <= (short.length >= 6 ? 2 : short.length >= 4 ? 1 : 0);
}

/** One name part the same and the other spelt a little differently (the birth date already agrees). */
function similarPerson(row: CheckedPatient, p: CurrentPatient): boolean {
  const [rowLast, rowFirst] = [nameKeyPart(row.lastName), nameKeyPart(row.firstName)];
  const [pLast, pFirst] = [nameKeyPart(p.lastName), nameKeyPart(p.firstName)];
  return (
    (rowLast === pLast && similarPart(rowFirst, pFirst)) ||
    (rowFirst === pFirst && similarPart(rowLast, pLast))
  );
}

/** The fields where the roster says something the CRM does not; an empty roster cell changes nothing. */
function changedFields(row: CheckedPatient, p: CurrentPatient) {
  const out: { field: RosterChangeField; from: string | null; to: string }[] = [];
  const compare = (field: RosterChangeField, to: string | null, from: string | null, same: boolean) => {
    if (to && !same) out.push({ field, from, to });
  };
  compare('firstName', row.firstName, p.firstName, row.firstName === p.firstName);
  compare('lastName', row.lastName, p.lastName, row.lastName === p.lastName);
  compare('dateOfBirth', row.dateOfBirth, p.dateOfBirth, row.dateOfBirth === p.dateOfBirth);
  compare('roomNumber', row.roomNumber, p.roomNumber, (row.roomNumber ?? '') === (p.roomNumber ?? ''));
  compare('mrn', row.mrn, p.mrn, recordKey(row.mrn) === recordKey(p.mrn));
  // The same address in other case, or the same number written another way, is no change.
  compare('email', row.email, p.email, row.email?.toLowerCase() === p.email?.toLowerCase());
  compare('phone', row.phone, p.phone, phoneKey(row.phone) === phoneKey(p.phone));
  return out;
}

/**
 * Pairs roster rows with the facility's current patients, strongest evidence
 * first: the record number (MRN or resident number) on both sides; then the
 * same name and birth date; then the same birth date and a name spelt a
 * little differently, only where that pairing is the one possible for both
 * the row and the patient. The same name with another birth date is someone
 * else. Each patient pairs with one row at most. Rows that did not read are
 * not compared; a current patient one of them seems to name (by record number
 * or name) is held back from the discharges until the row is fixed.
 */
export function diffRoster(
  rows: (CheckedPatient | null)[],
  current: CurrentPatient[],
  unread: UnreadRow[] = [],
): Omit<RosterDiff, 'current' | 'readmissions'> {
  const matches: Match[] = [];
  const rowTaken = new Set<number>();
  const patientTaken = new Set<string>();
  const take = (m: Match) => {
    matches.push(m);
    rowTaken.add(m.row);
    patientTaken.add(m.patient.id);
  };
  const open = () =>
    rows.flatMap((r, i) => (r && !rowTaken.has(i) ? [{ row: r, i }] : [])) as {
      row: CheckedPatient;
      i: number;
    }[];

  const byRecord = new Map(current.filter((p) => recordKey(p.mrn)).map((p) => [recordKey(p.mrn), p]));
  for (const { row, i } of open()) {
    const p = byRecord.get(recordKey(row.mrn));
    if (row.mrn && p && !patientTaken.has(p.id)) take({ row: i, patient: p, by: 'record_number' });
  }
  // Rosters run to thousands of rows: candidates come from the birth date, never a scan of everyone.
  const byBirth = new Map<string, CurrentPatient[]>();
  for (const p of current) byBirth.set(p.dateOfBirth, [...(byBirth.get(p.dateOfBirth) ?? []), p]);
  const sameBirth = (row: CheckedPatient) =>
    (byBirth.get(row.dateOfBirth) ?? []).filter(
      (p) => !patientTaken.has(p.id) && !recordsConflict(row.mrn, p.mrn),
    );
  for (const { row, i } of open()) {
    const p = sameBirth(row).find((c) => c.nameKey === row.nameKey);
    if (p) take({ row: i, patient: p, by: 'name_and_birth_date' });
  }
  const rowsLeft = open();
  const similar = rowsLeft.map(({ row, i }) => ({
    i,
    found: sameBirth(row).filter((p) => similarPerson(row, p)),
  }));
  const claims = new Map<string, number>();
  for (const { found } of similar) for (const p of found) claims.set(p.id, (claims.get(p.id) ?? 0) + 1);
  for (const { i, found } of similar) {
    if (found.length === 1 && claims.get(found[0]!.id) === 1)
      take({ row: i, patient: found[0]!, by: 'similar_name' });
  }

  const changes: RosterDiff['changes'] = [];
  let unchanged = 0;
  for (const m of matches.sort((a, b) => a.row - b.row)) {
    const fields = changedFields(rows[m.row]!, m.patient);
    if (fields.length) changes.push({ row: m.row, patient: shown(m.patient), matchedBy: m.by, fields });
    else unchanged++;
  }
  const couldNotCompare = unread.map((u) => {
    const named = mayName(
      u,
      current.filter((c) => !patientTaken.has(c.id)),
    );
    for (const p of named) patientTaken.add(p.id);
    return {
      row: u.row,
      firstName: u.firstName,
      lastName: u.lastName,
      errors: u.errors,
      patients: named.map(shown),
    };
  });
  return {
    admissions: rows.flatMap((r, i) => (r && !rowTaken.has(i) ? [{ row: i }] : [])),
    discharges: current.filter((p) => !patientTaken.has(p.id)).map(shown),
    changes,
    unchanged,
    couldNotCompare,
  };
}

/**
 * The patients an unread row may name: the one with its record number, else
 * every one with its whole name (the birth date is what most often failed to
 * read, so two people of one name are both held back). None when the row
 * says too little.
 */
function mayName(u: UnreadRow, open: CurrentPatient[]): CurrentPatient[] {
  const record = recordKey(u.mrn);
  const byRecord = record ? open.filter((p) => recordKey(p.mrn) === record) : [];
  if (byRecord.length) return byRecord;
  if (!u.firstName || !u.lastName) return [];
  const key = nameKey(u.firstName, u.lastName);
  return open.filter((p) => p.nameKey === key && !recordsConflict(u.mrn, p.mrn));
}

const shown = (p: CurrentPatient) => ({
  patientId: p.id,
  firstName: p.firstName,
  lastName: p.lastName,
  dateOfBirth: p.dateOfBirth,
  roomNumber: p.roomNumber,
  mrn: p.mrn,
  email: p.email,
  phone: p.phone,
});
