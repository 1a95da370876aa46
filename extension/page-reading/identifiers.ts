import { normaliseDate, parseHumanDate } from '../../shared/calendar-date';
import { tidyName } from '../../shared/roster/names';
import { findEmail, findPhone, normalisePhone } from '../capture/parse-text';
import { splitName } from '../capture/split-name';

/** What a page can say that identifies a patient, a lead or a facility. */
export type IdentifierField =
  | 'firstName'
  | 'lastName'
  | 'dateOfBirth'
  | 'mrn'
  | 'residentNumber'
  | 'phone'
  | 'email'
  | 'roomNumber'
  | 'facilityName'
  | 'addressLine1'
  | 'city'
  | 'state'
  | 'postalCode'
  | 'administrator';

export type PageIdentifiers = Partial<Record<IdentifierField, string>>;

/** Where each value came from, in words the panel shows ("label “DOB”", "JSON-LD Person", "Pointed site"). */
export type IdentifierSources = Partial<Record<IdentifierField, string>>;

export type Found = { values: PageIdentifiers; from: IdentifierSources };

/** A label as a page prints it ("D.O.B.:", "Resident #") is one of these, or none. */
export type LabelKind = IdentifierField | 'fullName' | 'address';

const LABELS: [RegExp, LabelKind][] = [
  [
    /^(?:patient|resident|client|member|person)?\s*(?:full\s+)?name$|^(?:patient|resident|client)$/,
    'fullName',
  ],
  [/^(?:last|family)\s*name$|^surname$/, 'lastName'],
  [/^(?:first|given)\s*name$/, 'firstName'],
  [/^d\.?\s?o\.?\s?b\.?$|^date\s+of\s+birth$|^birth\s?date$|^birthday$|^born$/, 'dateOfBirth'],
  [/^mrn$|^m\.r\.n\.?$|^medical\s+record(?:\s+(?:number|no\.?|#))?$|^chart\s*(?:number|no\.?|#)$/, 'mrn'],
  [/^(?:resident|res\.?|patient|pt\.?|client)\s*(?:#|no\.?|number|id)$/, 'residentNumber'],
  [
    /^(?:home\s+|cell\s+|mobile\s+|primary\s+)?(?:phone|telephone|tel\.?)(?:\s+(?:number|#))?$|^(?:cell|mobile)$/,
    'phone',
  ],
  [/^e-?mail(?:\s+address)?$/, 'email'],
  [/^room(?:\s*(?:#|no\.?|number))?$|^room\s*\/\s*bed$|^bed$/, 'roomNumber'],
  [/^(?:facility|community|building|nursing\s+home|home|licensed)(?:\s+name)?$/, 'facilityName'],
  [/^(?:facility\s+|street\s+|mailing\s+|physical\s+|site\s+)?(?:address|location)$/, 'address'],
  [
    /^(?:facility\s+|licensed\s+|nursing\s+home\s+)?administrator(?:\s+of\s+record)?$|^executive\s+director$/,
    'administrator',
  ],
];

/** The field a printed label stands for: case, a trailing colon and extra spaces ignored. */
export function labelKind(label: string): LabelKind | null {
  const text = label
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/\s*[:：]$/, '')
    .toLowerCase();
  if (!text || text.length > 40) return null;
  return LABELS.find(([pattern]) => pattern.test(text))?.[1] ?? null;
}

/** A date of birth as written: 03/14/1941, 14-Mar-1941, March 14, 1941, 1941-03-14, 3/14/41. */
export function readDateOfBirth(raw: string): string | undefined {
  const text = raw.trim();
  return normaliseDate(text) ?? parseHumanDate(text.split(/\s+\(|\s{2,}|\s+age\b/i)[0] ?? '') ?? undefined;
}

/** A record number: the first word with a digit, letters, digits and dashes only. */
export function readRecordNumber(raw: string): string | undefined {
  const word = raw
    .trim()
    .split(/\s+/)
    .find((w) => /\d/.test(w));
  const cleaned = word?.replace(/^#/, '').replace(/[.,;]$/, '');
  return cleaned && /^[A-Za-z0-9][A-Za-z0-9-]{0,39}$/.test(cleaned) ? cleaned : undefined;
}

/** "GARCIA, ROSA M", "Rosa M. Garcia", "Mrs. Rosa Garcia": first and last, shouting calmed. */
export function readFullName(raw: string): { firstName?: string; lastName?: string } {
  const name = splitName(raw.replace(/\s*\b(?:pref(?:erred)?|aka|nickname)\b.*$/i, ''));
  return {
    ...(name.firstName ? { firstName: tidyName(name.firstName) } : {}),
    ...(name.lastName ? { lastName: tidyName(name.lastName) } : {}),
  };
}

const STATE_ZIP = /^([A-Za-z]{2})\.?\s+(\d{5})(?:-\d{4})?$/;

/** "120 Harbor Way, Suite 4, Portland, OR 97201" in parts; nothing when it does not end in a state and ZIP. */
export function readAddress(raw: string): PageIdentifiers {
  const parts = raw
    .replace(/\s+/g, ' ')
    .split(/\s*,\s*|\n/)
    .map((p) => p.trim())
    .filter(Boolean);
  const stateZip = STATE_ZIP.exec(parts.at(-1) ?? '');
  if (!stateZip || parts.length < 3) return {};
  return {
    addressLine1: parts[0]!,
    city: parts.at(-2)!,
    state: stateZip[1]!.toUpperCase(),
    postalCode: stateZip[2]!,
  };
}

/** "Dana Whitfield, LNHA": the person's name without credentials; nothing when it is not a name. */
export function readAdministrator(raw: string): PageIdentifiers {
  const name = raw.split(/\s*[,(|]\s*/)[0]!.trim();
  return /^\p{L}[\p{L}'’. -]{1,79}$/u.test(name) && name.includes(' ')
    ? { administrator: tidyName(name) }
    : {};
}

/** The identifiers one labelled value gives. */
export function valuesFor(kind: LabelKind, raw: string): PageIdentifiers {
  const value = raw.replace(/\s+/g, ' ').trim();
  if (!value) return {};
  switch (kind) {
    case 'fullName':
      return readFullName(value);
    case 'firstName':
    case 'lastName': {
      const word = value.split(/[\s,]+/)[0] ?? '';
      return /^\p{L}[\p{L}'’.-]*$/u.test(word) ? { [kind]: tidyName(word) } : {};
    }
    case 'dateOfBirth': {
      const date = readDateOfBirth(value);
      return date ? { dateOfBirth: date } : {};
    }
    case 'mrn':
    case 'residentNumber': {
      const number = readRecordNumber(value);
      return number ? { [kind]: number } : {};
    }
    case 'phone': {
      const phone = findPhone(value) ?? normalisePhone(value);
      return phone ? { phone } : {};
    }
    case 'email': {
      const email = findEmail(value);
      return email ? { email } : {};
    }
    case 'roomNumber':
      return value.length <= 20 ? { roomNumber: value } : {};
    case 'facilityName':
      return value.length <= 120 && !/\d{5}/.test(value) ? { facilityName: value } : {};
    case 'address':
      return readAddress(value);
    case 'administrator':
      return readAdministrator(value);
    default:
      return { [kind]: value.slice(0, 120) };
  }
}

// Fields that only make sense together: a first name from one place and a
// last name from another would describe nobody.
const GROUPS: IdentifierField[][] = [
  ['firstName', 'lastName'],
  ['addressLine1', 'city', 'state', 'postalCode'],
];
const groupOf = (field: IdentifierField) => GROUPS.find((g) => g.includes(field)) ?? [field];

/** Adds what `values` has that `found` lacks, noting where it came from; a field once found is kept. */
export function fill(found: Found, values: PageIdentifiers, from: string): void {
  for (const [field, value] of Object.entries(values) as [IdentifierField, string][]) {
    if (!value || groupOf(field).some((f) => found.values[f])) continue;
    for (const f of groupOf(field)) {
      const v = values[f];
      if (v) {
        found.values[f] = v;
        found.from[f] = from;
      }
    }
  }
}

export const nothingFound = (): Found => ({ values: {}, from: {} });
