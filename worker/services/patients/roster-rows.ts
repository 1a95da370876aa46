import { parseHumanDate } from '../../../shared/calendar-date';
import { ROSTER_FIELD_LABELS, type RosterField } from '../../../shared/roster/columns';
import { nameKey, splitFullName, tidyName } from '../../../shared/roster/names';
import { emailSchema } from '../../../shared/schemas/common';
import { hasForbiddenCharacters } from '../../../shared/schemas/text';
import { phoneKey } from '../leads/phone-key';

export type RowProblem = { field: string; issue: string };

export type CheckedPatient = {
  firstName: string;
  lastName: string;
  nameKey: string;
  dateOfBirth: string;
  roomNumber: string | null;
  sex: string | null;
  mrn: string | null;
  /** The patient's own contact (lower-case email; phone as written). */
  email: string | null;
  phone: string | null;
  /** The phone's digits, for finding the patient by an inbound text's number. */
  phoneKey: string | null;
  emergencyContactName: string | null;
  emergencyContactRelationship: string | null;
  emergencyContactPhone: string | null;
  notes: string | null;
  /** Kept in the notes on saving: patients have no admission date field yet. */
  admitDate: string | null;
  /** Who pays and who attends, as the census says. */
  payer: string | null;
  attendingPhysician: string | null;
};

type RawRow = Partial<Record<string, string | number | null | undefined | Date>>;

const str = (v: unknown) => (v === null || v === undefined ? '' : v instanceof Date ? '' : String(v).trim());
const orNull = (v: string) => (v ? v : null);

const SEX: Record<string, string> = {
  f: 'female',
  female: 'female',
  m: 'male',
  male: 'male',
  o: 'other',
  other: 'other',
  u: 'unknown',
  unknown: 'unknown',
};

const MAX_AGE_YEARS = 125;

/**
 * Cells as the rest of the checks read them: NFC (an "é" typed two ways is one
 * name), and a line break or tab inside a one-line cell (Alt+Enter in a
 * spreadsheet) read as a space. What is still a control or text-direction
 * character after that would spoof or break the name staff read, so the row
 * says so in review, naming the column, instead of the save refusing it later.
 * A full-name cell is only read when the first or last name cell is empty.
 */
function tidyCells(row: RawRow): { cells: RawRow; errors: RowProblem[] } {
  const cells: RawRow = {};
  for (const [field, value] of Object.entries(row)) {
    if (typeof value !== 'string') cells[field] = value;
    else if (field === 'notes') cells[field] = value.normalize('NFC');
    else cells[field] = value.normalize('NFC').replace(/[ ]*[\t\r\n]+[ ]*/g, ' ');
  }
  const fullNameRead = !str(cells.firstName) || !str(cells.lastName);
  const errors: RowProblem[] = [];
  for (const [field, value] of Object.entries(cells)) {
    if (typeof value !== 'string' || (field === 'fullName' && !fullNameRead)) continue;
    if (hasForbiddenCharacters(value, field === 'notes'))
      errors.push({
        field,
        issue: `${ROSTER_FIELD_LABELS[field as RosterField] ?? field}: remove control or text-direction characters`,
      });
  }
  return { cells, errors };
}

/**
 * One roster or form row to a patient, or the problems that stop it: first
 * and last name required (a "Last, First" column is split), a real date of
 * birth, not in the future and not over 125 years ago.
 */
export function checkPatientRow(
  raw: RawRow,
  today = new Date(),
): { value: CheckedPatient | null; errors: RowProblem[]; cells: RawRow } {
  const { cells: row, errors } = tidyCells(raw);
  let first = str(row.firstName);
  let last = str(row.lastName);
  if ((!first || !last) && str(row.fullName)) {
    const split = splitFullName(str(row.fullName));
    first ||= split.firstName;
    last ||= split.lastName;
  }
  if (!first) errors.push({ field: 'firstName', issue: 'First name is missing' });
  if (!last) errors.push({ field: 'lastName', issue: 'Last name is missing' });

  const rawDob = row.dateOfBirth;
  const dob =
    rawDob instanceof Date || typeof rawDob === 'number'
      ? parseHumanDate(rawDob, today)
      : parseHumanDate(str(rawDob), today);
  const todayIso = today.toISOString().slice(0, 10);
  const oldest = `${today.getUTCFullYear() - MAX_AGE_YEARS}${todayIso.slice(4)}`;
  if (!str(rawDob) && !(rawDob instanceof Date))
    errors.push({ field: 'dateOfBirth', issue: 'Date of birth is missing' });
  else if (!dob)
    errors.push({
      field: 'dateOfBirth',
      issue: `"${str(rawDob)}" is not a date (try 6/19/1944 or 1944-06-19)`,
    });
  else if (dob > todayIso) errors.push({ field: 'dateOfBirth', issue: 'Date of birth is in the future' });
  else if (dob < oldest)
    errors.push({ field: 'dateOfBirth', issue: `Date of birth is more than ${MAX_AGE_YEARS} years ago` });

  const sexText = str(row.sex).toLowerCase();
  const sex = sexText ? (SEX[sexText] ?? null) : null;
  if (sexText && !sex)
    errors.push({
      field: 'sex',
      issue: `"${str(row.sex)}" is not a sex we record (female, male, other, unknown)`,
    });

  const rawAdmit = row.admitDate;
  const admitDate = str(rawAdmit) || rawAdmit instanceof Date ? parseHumanDate(rawAdmit, today) : null;
  if ((str(rawAdmit) || rawAdmit instanceof Date) && !admitDate)
    errors.push({
      field: 'admitDate',
      issue: `"${str(rawAdmit)}" is not a date (try 3/1/2024 or 2024-03-01)`,
    });

  const contact = checkContact(row);
  errors.push(...contact.errors);

  if (errors.length || !dob) return { value: null, errors, cells: row };
  const firstName = tidyName(first);
  const lastName = tidyName(last);
  return {
    value: {
      firstName,
      lastName,
      nameKey: nameKey(firstName, lastName),
      dateOfBirth: dob,
      roomNumber: orNull(str(row.roomNumber)),
      sex,
      mrn: orNull(str(row.mrn)),
      email: contact.email,
      phone: contact.phone,
      phoneKey: phoneKey(contact.phone),
      emergencyContactName: orNull(str(row.emergencyContactName)),
      emergencyContactRelationship: orNull(str(row.emergencyContactRelationship)),
      emergencyContactPhone: orNull(str(row.emergencyContactPhone)),
      notes: withCensusFacts(orNull(str(row.notes)), [admitDate ? `Admitted ${admitDate}` : '']),
      admitDate,
      payer: orNull(str(row.payer)),
      attendingPhysician: orNull(str(row.physician)),
    },
    errors,
    cells: row,
  };
}

/** The patient's own email and phone, by the rules a lead's follow (a real address; at least seven digits). */
function checkContact(row: RawRow) {
  const errors: RowProblem[] = [];
  const rawEmail = str(row.email);
  const parsed = rawEmail ? emailSchema.safeParse(rawEmail) : null;
  if (parsed && !parsed.success)
    errors.push({ field: 'email', issue: `"${rawEmail}" is not an email address` });
  const phone = str(row.phone);
  if (phone && (phoneKey(phone)?.length ?? 0) < 7)
    errors.push({ field: 'phone', issue: `"${phone}" is not a phone number` });
  return { email: parsed?.success ? parsed.data : null, phone: orNull(phone), errors };
}

/** The census's admission date in words at the head of the notes, once. */
function withCensusFacts(notes: string | null, facts: string[]): string | null {
  const lines = facts.filter((line) => line && !notes?.includes(line));
  if (!lines.length) return notes;
  return [...lines, ...(notes ? [notes] : [])].join('\n');
}

export const duplicateKey = (p: { nameKey: string; dateOfBirth: string }) => `${p.nameKey}|${p.dateOfBirth}`;
