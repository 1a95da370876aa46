import { dateAtStart, findDate } from '../../shared/calendar-date';
import { type NameParts, splitName } from './split-name';

/** What free text (a selection, a message body) says about a person. */
export type ParsedText = { name?: NameParts; email?: string; phone?: string; dateOfBirth?: string };

// Bounded repetitions only: this runs on whatever a page holds, and an
// unbounded `[…]+@` scans quadratically over a long run of letters.
const EMAIL_SOURCE = "[a-z0-9._%+'-]{1,64}@(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.){1,8}[a-z]{2,24}";
const EMAIL_ANYWHERE = new RegExp(`(?<![a-z0-9._%+-])${EMAIL_SOURCE}(?![a-z0-9-])`, 'gi');
const EMAIL_EXACT = new RegExp(`^${EMAIL_SOURCE}$`, 'i');

// US numbers: +1 555 010 1234, (555) 010-1234, 555.010.1234, 5550101234, with an extension.
const PHONE_SOURCE =
  '(?:\\+?1[\\s.-]?)?(?:\\(\\d{3}\\)\\s?|\\d{3}[\\s.-]?)\\d{3}[\\s.-]?\\d{4}(?:\\s?(?:x|ext\\.?)\\s?\\d{1,5})?';
const PHONE_ANYWHERE = new RegExp(`(?<![\\d+])${PHONE_SOURCE}(?!\\d)`, 'gi');
const PHONE_LABEL = /\b(?:phone|cell|mobile|tel|call|text|reach)/i;

// "DOB", "D.O.B.", "date of birth", "birthdate", "birthday", "born (on)".
const DOB_LABEL = /(?<![a-z])(?:d\.?o\.?b\.?|date\s+of\s+birth|birth\s?date|birthday|born)(?![a-z])/gi;
// A line about a birth; "birthday party on 06/01" is about a party.
const BIRTH_LINE = /birth(?!day)|(?<![a-z])born(?![a-z])/i;
const AFTER_DOB_LABEL = /^[\s:=\-–—]*(?:(?:is|was|on)\s+)*/i;

// Labelled names, the patient before the generic "Name:" before the parent.
const NAME_LABELS: RegExp[] = [
  /^\s*(?:patient|child|student)(?:'s)?(?:\s+(?:full\s+)?name)?\s*:\s*(.+)$/im,
  /^\s*(?:full\s+)?name\s*:\s*(.+)$/im,
  /^\s*(?:parent|guardian|parent\/guardian)(?:'s)?(?:\s+name)?\s*:\s*(.+)$/im,
];
// Where a labelled name stops: "Name: Jane Doe, DOB 03/14/2011 | Phone …".
const NAME_VALUE_END =
  /\s*(?:[;|(\t]|\s[-–—]\s|,\s*(?=(?:dob|d\.o\.b|born|date|age|phone|tel|cell|e-?mail)\b)).*$/i;
// A bare first line is a name only if it is two to four capitalised words and none of these.
const NOT_A_NAME =
  /^(?:hi|hello|hey|dear|good|thanks|thank|regards|best|sincerely|cheers|re|fwd?|subject|from|to|sent|the|our|your|this|new|welcome|contact|about|home|orthodontics|dental|dentistry|clinic|office|practice|center|centre|group|team|family|pediatric|llc|inc|pc|pllc)$/i;
const BARE_NAME =
  /^(?:(?:[Dd]r|[Mm]rs?|[Mm]s|[Mm]iss|[Mm]x)\.?\s)?\p{Lu}[\p{L}'’-]*(?:\s\p{Lu}\.?)?(?:\s\p{Lu}[\p{L}'’-]*){1,2}$/u;

export const normaliseEmail = (value: string): string | undefined => {
  const email = value
    .trim()
    .replace(/^mailto:/i, '')
    .toLowerCase();
  return EMAIL_EXACT.test(email) ? email : undefined;
};

/**
 * A phone number as the page shows it, only tidied. Free text is searched for
 * US numbers only; a value the page marks as a phone (JSON-LD, hCard, tel:)
 * may be any number of 7 to 15 digits.
 */
export const normalisePhone = (value: string): string | undefined => {
  const phone = value.replace(/\s+/g, ' ').trim();
  if (phone.length > 40 || !/^[+(]?[\d().\s/-]+(?:\s?(?:x|ext\.?)\s?\d{1,5})?$/i.test(phone))
    return undefined;
  const digits = phone.replace(/(?:x|ext\.?).*$/i, '').replace(/\D/g, '').length;
  return digits >= 7 && digits <= 15 ? phone : undefined;
};

export function findEmail(text: string): string | undefined {
  for (const m of text.matchAll(EMAIL_ANYWHERE)) {
    const email = normaliseEmail(m[0]);
    if (email) return email;
  }
  return undefined;
}

/** The first phone number, preferring one on a line that says it is a phone; never a fax. */
export function findPhone(text: string): string | undefined {
  let firstUnlabelled: string | undefined;
  for (const line of text.split('\n')) {
    if (/\bfax\b/i.test(line)) continue;
    const found = line.match(PHONE_ANYWHERE)?.[0];
    if (!found) continue;
    if (PHONE_LABEL.test(line)) return normalisePhone(found);
    firstUnlabelled ??= normalisePhone(found);
  }
  return firstUnlabelled;
}

/**
 * A birth date only where the text says it is one: right after a label
 * ("DOB: 03/14/2011", "born on March 14, 2011") or on a line about a birth.
 * Any other date (an appointment, a postmark) is not a date of birth.
 */
export function findDateOfBirth(text: string): string | undefined {
  for (const label of text.matchAll(DOB_LABEL)) {
    const rest = text.slice(label.index + label[0].length, label.index + label[0].length + 60);
    const skip = AFTER_DOB_LABEL.exec(rest)?.[0].length ?? 0;
    const date = dateAtStart(rest.slice(skip));
    if (date) return date;
  }
  for (const line of text.split('\n')) {
    if (BIRTH_LINE.test(line)) {
      const date = findDate(line);
      if (date) return date;
    }
  }
  return undefined;
}

/** A name after a label ("Patient:", "Name:", "Parent:"), else a first line that reads like "Jane Doe". */
export function findName(text: string): NameParts | undefined {
  for (const label of NAME_LABELS) {
    const value = label.exec(text)?.[1]?.replace(NAME_VALUE_END, '');
    const name = value ? splitName(value) : {};
    if (name.firstName) return name;
  }
  const firstLine = text
    .split('\n')
    .map((l) => l.trim())
    .find(Boolean);
  if (!firstLine || !BARE_NAME.test(firstLine)) return undefined;
  if (firstLine.split(' ').some((w) => NOT_A_NAME.test(w.replace(/\.$/, '')))) return undefined;
  const name = splitName(firstLine);
  return name.lastName ? name : undefined;
}

export function parseText(text: string): ParsedText {
  const parsed: ParsedText = {};
  const name = findName(text);
  if (name) parsed.name = name;
  const email = findEmail(text);
  if (email) parsed.email = email;
  const phone = findPhone(text);
  if (phone) parsed.phone = phone;
  const dateOfBirth = findDateOfBirth(text);
  if (dateOfBirth) parsed.dateOfBirth = dateOfBirth;
  return parsed;
}
