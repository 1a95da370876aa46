/**
 * A dentist's profile page without structured data, as many small practices'
 * sites are: a heading naming the dentist ("Dr. Elise Carrow, DMD, MS"), a
 * title line under it ("Board-Certified Periodontist"), and the practice's
 * postal block (an <address>, or lines ending "City, ST 12345"). Read only
 * when the heading is a dentist's, so an ordinary page offers no provider.
 */
import { readText, textOf } from './dom-text';
import { normalisePhone } from './parse-text';
import { nameParts, put, SPECIALTIES } from './referrer-fields';
import type { CapturedReferrer } from './referrer-types';

const DENTIST_HEADING = /^(?:Meet\s+)?(?:Dr\.?|Doctor)\s+\p{Lu}/u;
const DENTAL_WORDS = /,\s*(?:DDS|DMD)\b|dentist|orthodont|periodont|endodont|oral surg|prosthodont/i;
const CITY_LINE = /^(.+?),\s*([A-Z]{2})\s+(\d{5}(?:-\d{4})?)$/;
const PHONE_IN_LINE = /(?:\+?1[\s.-]?)?\(?\d{3}\)?[\s.-]?\d{3}[\s.-]?\d{4}/;
const HEADING = 'heading';
const ADDRESS = 'address block';

/** The postal block's lines: an <address>, else the lines around the first "City, ST 12345". */
function addressLines(doc: Document): string[] {
  const block = doc.querySelector('address');
  const text = block ? readText(block, { maxChars: 1000 }) : readText(doc.body, { maxChars: 20_000 });
  const lines = text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const at = lines.findIndex((l) => CITY_LINE.test(l));
  if (at < 0) return [];
  return block ? lines : lines.slice(Math.max(0, at - 2), at + 4);
}

export function fromProfileText(doc: Document, found: CapturedReferrer): boolean {
  if (found.fields.lastName) return false;
  const heading = doc.querySelector('h1');
  const name = textOf(heading, 200).replace(/^Meet\s+/i, '');
  const next = textOf(heading?.nextElementSibling, 200);
  if (!DENTIST_HEADING.test(name) || !DENTAL_WORDS.test(`${name} ${next} ${doc.title}`)) return false;
  const parts = nameParts(name);
  if (!parts.lastName) return false;
  put(found, 'firstName', parts.firstName, HEADING);
  put(found, 'lastName', parts.lastName, HEADING);
  put(found, 'credentials', parts.credentials, HEADING);
  put(found, 'specialty', SPECIALTIES.find(([re]) => re.test(`${next} ${name}`))?.[1], HEADING);

  const lines = addressLines(doc);
  const cityAt = lines.findIndex((l) => CITY_LINE.test(l));
  if (cityAt >= 0) {
    const [, city, state, postalCode] = CITY_LINE.exec(lines[cityAt]!)!;
    put(found, 'city', city, ADDRESS);
    put(found, 'state', state, ADDRESS);
    put(found, 'postalCode', postalCode, ADDRESS);
    const line1 = lines[cityAt - 1];
    if (line1 && /^\d/.test(line1)) put(found, 'line1', line1, ADDRESS);
    const practice = lines[cityAt - 2];
    if (practice && !/\d/.test(practice)) put(found, 'practiceName', practice, ADDRESS);
  }
  for (const line of lines) {
    const number = normalisePhone(PHONE_IN_LINE.exec(line)?.[0] ?? '');
    if (/\bfax\b/i.test(line)) put(found, 'fax', number, ADDRESS);
    else put(found, 'phone', number, ADDRESS);
  }
  // The site's title often ends with the practice's name: "Meet Dr. Carrow | Carrow Periodontics".
  const titled = doc.title
    .split(/\s[|–—-]\s/)
    .at(-1)
    ?.trim();
  if (titled && titled !== doc.title.trim()) put(found, 'practiceName', titled, 'page title');
  return true;
}
