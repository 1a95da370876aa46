/**
 * A referring dentist named in free text ("Dr. Lena Fox", "Dr Jon Smyth of
 * Bright Smiles Dental", "Bright Smiles Dental") compared with directory
 * entries. Pure, so the Node tests can try the wording people use; the
 * directory lookup is in referrer-lookup.ts.
 */
import { nameKeyPart } from '../../../shared/roster/names';

export type NamedReferrer = { firstName?: string; lastName?: string; practice?: string };

export type DirectoryEntry = {
  firstName: string;
  lastName: string;
  practiceName: string;
  email: string | null;
};

const TITLE = /^(?:dr|doctor|prof)\.?\s+/i;
const CREDENTIALS = /\b(?:dds|dmd|ms|msd|md|phd|facd|fagd|magd|bds|rdh|jr|sr|ii|iii)\b\.?/gi;
/** "Dr. Fox at Bright Smiles", "Dr. Fox from Bright Smiles", "Dr. Fox, DDS, Bright Smiles Dental", "Dr. Fox (Bright Smiles)". */
const PARTS = /\s+(?:of|at|from|with)\s+|\s*[,;()]\s*|\s+[–—-]\s+/;
const PRACTICE_WORDS =
  /\b(?:dental|dentistry|dentist|dentists|orthodontics|clinic|care|office|group|center|centre|associates|smiles?|family|pediatric|paediatric|practice|llc|pc|pllc|inc)\b/i;
/** Words every practice shares: they say nothing about which one is meant. */
const COMMON_WORDS = new Set([
  'the',
  'and',
  'of',
  'dental',
  'dentistry',
  'dentist',
  'dentists',
  'clinic',
  'care',
  'office',
  'group',
  'center',
  'centre',
  'associates',
  'practice',
  'llc',
  'pc',
  'pllc',
  'inc',
  'dds',
  'dmd',
]);

const words = (text: string) =>
  text
    .split(/[\s.&/]+/)
    .map(nameKeyPart)
    .filter(Boolean);

const onlyCredentials = (part: string) => !part.replace(CREDENTIALS, '').replace(/[\s.,]/g, '');

/** The person's name and practice in what the capture proposed; a practice alone when no person is named. */
export function parseNamedReferrer(text: string, practice?: string): NamedReferrer {
  const cleaned = text.replace(/\s+/g, ' ').trim();
  const titled = TITLE.test(cleaned);
  const [head = '', ...rest] = cleaned
    .split(PARTS)
    .map((p) => p.trim())
    .filter((p) => p && !onlyCredentials(p));
  const practiceText = (practice ?? rest.join(' ')).trim() || undefined;
  // "Bright Smiles Dental" names a practice, not a person (unless it was written "Dr. …").
  if (!titled && PRACTICE_WORDS.test(head)) return { practice: practice ?? head };
  const name = head
    .replace(TITLE, '')
    .replace(CREDENTIALS, ' ')
    // "Dr. Fox's office": the name is what comes before the possessive.
    .replace(/['’]s\b.*$/u, '')
    .replace(/[^\p{L}'’\s-]/gu, ' ');
  const parts = name.split(/\s+/).filter((p) => p.length > 0);
  if (!parts.length) return practiceText ? { practice: practiceText } : {};
  const lastName = parts[parts.length - 1]!;
  const firstName = parts.length > 1 ? parts[0] : undefined;
  return {
    lastName,
    ...(firstName ? { firstName } : {}),
    ...(practiceText ? { practice: practiceText } : {}),
  };
}

/** Edits (insert, delete, substitute, swap of neighbours) between two short keys. */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [
    i,
    ...Array<number>(b.length).fill(0),
  ]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  return d[a.length]![b.length]!;
}

/** How alike two last names are: the same, a typing slip apart (longer names allow two), or not. */
function lastNameLikeness(said: string, entry: string): { score: number; reason?: string } {
  const a = nameKeyPart(said);
  const b = nameKeyPart(entry);
  if (a === b) return { score: 1, reason: 'same last name' };
  const edits = editDistance(a, b);
  const allowed = Math.min(a.length, b.length) >= 8 ? 2 : Math.min(a.length, b.length) >= 4 ? 1 : 0;
  if (edits <= allowed) return { score: 0.8, reason: 'last name spelled a little differently' };
  return { score: 0 };
}

/** First names: the same, one the start of the other (Jon, Jonathan; an initial), or different. */
function firstNameLikeness(said: string | undefined, entry: string): { score: number; reason?: string } {
  if (!said) return { score: 0 };
  const a = nameKeyPart(said);
  const b = nameKeyPart(entry);
  if (!a || !b) return { score: 0 };
  if (a === b) return { score: 0.3, reason: 'same first name' };
  if (b.startsWith(a) || a.startsWith(b) || (a.length >= 4 && editDistance(a, b) <= 1))
    return { score: 0.15, reason: 'first name alike' };
  return { score: -0.4 };
}

/** The share of the practice's telling words (not "dental", "the"…) that the text has, spelled alike. */
export function practiceLikeness(said: string, entry: string): number {
  const telling = (text: string) => words(text).filter((w) => !COMMON_WORDS.has(w));
  const a = telling(said);
  const b = telling(entry);
  if (!a.length || !b.length) return nameKeyPart(said) === nameKeyPart(entry) ? 1 : 0;
  const close = (x: string, y: string) =>
    x === y || (Math.min(x.length, y.length) >= 5 && editDistance(x, y) <= 1);
  const shared = a.filter((x) => b.some((y) => close(x, y))).length;
  return shared / Math.max(a.length, b.length);
}

export type Likeness = { score: number; reasons: string[] };

/**
 * How well a directory entry fits the named referrer, 0 to 1. A last name
 * must fit (or, with no person named, the practice); the first name and the
 * practice then raise or lower it, and the same email settles it.
 */
export function likeness(named: NamedReferrer, entry: DirectoryEntry, email?: string): Likeness {
  const reasons: string[] = [];
  let score = 0;
  if (email && entry.email && email.toLowerCase() === entry.email.toLowerCase()) {
    score += 0.9;
    reasons.push('same email');
  }
  if (named.lastName) {
    const last = lastNameLikeness(named.lastName, entry.lastName);
    if (!last.score && !reasons.length) return { score: 0, reasons: [] };
    score += last.score * 0.6;
    if (last.reason) reasons.push(last.reason);
    const first = firstNameLikeness(named.firstName, entry.firstName);
    score += first.score;
    if (first.reason) reasons.push(first.reason);
  }
  if (named.practice) {
    const p = practiceLikeness(named.practice, entry.practiceName);
    if (p >= 0.99) reasons.push('same practice');
    else if (p >= 0.5) reasons.push('practice name alike');
    // With no person named, the practice is all there is to go on.
    score += named.lastName ? (p >= 0.5 ? 0.25 * p : -0.15) : p >= 0.5 ? 0.7 * p : 0;
  }
  return { score: Math.round(Math.max(0, Math.min(1, score)) * 100) / 100, reasons };
}
