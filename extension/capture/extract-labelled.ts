/**
 * A practice's inquiry page laid out as labels and values: a table of
 * "Name | Jane Doe" rows, a definition list, or "Name: Jane Doe" lines. Read
 * for the person's name, email, phone, date of birth, message, and how they
 * heard about the practice, which suggests the lead's source.
 */
import { normaliseDate } from '../../shared/calendar-date';
import { readText, textOf } from './dom-text';
import { noFields, put, putName } from './found-fields';
import type { PageDocument } from './page-dom';
import { normaliseEmail, normalisePhone } from './parse-text';
import { splitName } from './split-name';
import type { FoundFields, HeardChannel } from './types';

const MAX_PAIRS = 60;
const FROM = 'contact table';

export type LabelledFound = FoundFields & { heard?: string };

type Pair = { label: string; value: string };

/** Label → what it holds; the first pattern that fits wins, so "Parent name" is not "Name". */
const LABELS: [
  RegExp,
  'skip' | 'guardian' | 'name' | 'firstName' | 'lastName' | 'email' | 'phone' | 'dob' | 'message' | 'heard',
][] = [
  [/(?:parent|guardian|responsible).*name|^(?:parent|guardian)$/i, 'guardian'],
  [/parent|guardian|responsible/i, 'skip'],
  [/how did you (?:hear|find)|hear about|referred by|referral source|found us/i, 'heard'],
  [/first\s*name|given name/i, 'firstName'],
  [/last\s*name|surname|family name/i, 'lastName'],
  [/e-?mail/i, 'email'],
  [/phone|mobile|cell|telephone/i, 'phone'],
  [/date of birth|d\.?o\.?b|birth\s*date|birthday/i, 'dob'],
  [/message|comments?|question|how can we help|reason|tell us|about the patient|details/i, 'message'],
  [/^(?:your |full |patient(?:'s)? |patient )?name$/i, 'name'],
];

/** Label/value pairs from two-cell table rows, definition lists and "Label: value" lines. */
function pairs(doc: PageDocument): Pair[] {
  const out: Pair[] = [];
  const clean = (s: string) =>
    s
      .replace(/\s+/g, ' ')
      .replace(/[:*]+\s*$/, '')
      .trim();
  for (const row of Array.from(doc.querySelectorAll('tr')).slice(0, MAX_PAIRS)) {
    const cells = Array.from(row.querySelectorAll('th, td'));
    if (cells.length === 2)
      out.push({ label: clean(textOf(cells[0], 120)), value: textOf(cells[1], 2000).trim() });
  }
  for (const dt of Array.from(doc.querySelectorAll('dt')).slice(0, MAX_PAIRS)) {
    const dd = dt.nextElementSibling;
    if (dd?.tagName === 'DD') out.push({ label: clean(textOf(dt, 120)), value: textOf(dd, 2000).trim() });
  }
  out.push(...linePairs(readText(doc.body, { maxChars: 20_000 })));
  return out;
}

/** "Label: value" lines of plain text, as a form service's email prints a submission. */
function linePairs(text: string): Pair[] {
  const out: Pair[] = [];
  for (const line of text.split('\n').slice(0, 400)) {
    const m = /^\s*([A-Za-z][A-Za-z '’?/]{1,40}):\s+(.+)$/.exec(line);
    if (m) out.push({ label: m[1]!.replace(/\s+/g, ' ').trim(), value: m[2]!.trim() });
  }
  return out;
}

/**
 * "How did you hear about us?" as the channel its answer names, where one
 * fits: a dentist's referral, a search or the website, passing by.
 */
export function channelHeard(answer: string): HeardChannel | undefined {
  if (/\bdr\b|\bdentist|\bdoctor|referr/i.test(answer)) return 'referral';
  if (/google|bing|search|online|internet|website|web site/i.test(answer)) return 'web_page';
  if (/drove by|walked by|passing|sign(?:age)?\b|walk[- ]in/i.test(answer)) return 'walk_in';
  return undefined;
}

/** A dentist named in the answer ("Dr. Lena Fox referred us"), as the referral source. */
const namedDentist = (answer: string) => /\bDr\.?\s+[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?/.exec(answer)?.[0];

export function extractLabelled(doc: PageDocument): LabelledFound {
  return fromPairs(pairs(doc));
}

/** A form submission printed as "Label: value" lines in a message. */
export function labelledLines(text: string): LabelledFound {
  return fromPairs(linePairs(text));
}

function fromPairs(list: Pair[]): LabelledFound {
  const found: LabelledFound = noFields();
  let first: string | undefined;
  let last: string | undefined;
  let full: string | undefined;
  for (const { label, value } of list) {
    if (!value) continue;
    const kind = LABELS.find(([re]) => re.test(label))?.[1];
    if (kind === 'firstName') first ??= value;
    else if (kind === 'lastName') last ??= value;
    else if (kind === 'name') full ??= value;
    else if (kind === 'guardian') put(found, 'guardianName', value.slice(0, 120), FROM);
    else if (kind === 'email') put(found, 'email', normaliseEmail(value), FROM);
    else if (kind === 'phone') put(found, 'phone', normalisePhone(value), FROM);
    else if (kind === 'dob') put(found, 'dateOfBirth', normaliseDate(value), FROM);
    else if (kind === 'message') put(found, 'notes', value.slice(0, 2000), FROM);
    else if (kind === 'heard' && !found.heard) {
      found.heard = value.slice(0, 200);
      put(found, 'referrer', namedDentist(value), FROM);
    }
  }
  putName(found, first ? { firstName: first, lastName: last } : splitName(full ?? ''), FROM);
  return found;
}
