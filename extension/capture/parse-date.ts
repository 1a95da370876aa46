/**
 * Dates as people write them, read into YYYY-MM-DD. Slashes and dashes with
 * the year last are US month-first (03/14/2011), as in the practices this
 * serves. Two-digit years are refused: for a birth date the century is a guess.
 */
const MONTH =
  '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const DAY = '(\\d{1,2})(?:st|nd|rd|th)?';

// One alternative per written form; the groups are read back in toIso.
const DATE_SOURCE = [
  '(\\d{4})[-/.](\\d{1,2})[-/.](\\d{1,2})(?!\\d)', // 2011-03-14
  '(\\d{1,2})[/.-](\\d{1,2})[/.-](\\d{4})(?!\\d)', // 03/14/2011
  `${MONTH}\\s+${DAY},?\\s+(\\d{4})(?!\\d)`, // March 14, 2011
  `${DAY}\\s+(?:of\\s+)?${MONTH},?\\s+(\\d{4})(?!\\d)`, // 14 Mar 2011
].join('|');

const DATE_ANYWHERE = new RegExp(`(?<![\\d\\p{L}])(?:${DATE_SOURCE})`, 'giu');
const DATE_AT_START = new RegExp(`^(?:${DATE_SOURCE})`, 'iu');

function isoOf(year: number, month: number, day: number): string | undefined {
  if (year < 1900 || year > 2100 || month < 1 || month > 12 || day < 1) return undefined;
  const date = new Date(Date.UTC(year, month - 1, day));
  // Date.UTC rolls 31 February over into March; a real date survives the round trip.
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const monthNumber = (word: string) => MONTHS.indexOf(word.slice(0, 3).toLowerCase()) + 1;

function toIso(m: RegExpMatchArray): string | undefined {
  const g = m.slice(1).map((v) => v ?? '');
  if (g[0]) return isoOf(Number(g[0]), Number(g[1]), Number(g[2]));
  if (g[3]) return isoOf(Number(g[5]), Number(g[3]), Number(g[4]));
  if (g[6]) return isoOf(Number(g[8]), monthNumber(g[6]), Number(g[7]));
  if (g[9]) return isoOf(Number(g[11]), monthNumber(g[10] ?? ''), Number(g[9]));
  return undefined;
}

/** The first real date in the text, as YYYY-MM-DD. */
export function findDate(text: string): string | undefined {
  for (const m of text.matchAll(DATE_ANYWHERE)) {
    const iso = toIso(m);
    if (iso) return iso;
  }
  return undefined;
}

/** A date the text starts with (after nothing but itself), as YYYY-MM-DD. */
export function dateAtStart(text: string): string | undefined {
  const m = DATE_AT_START.exec(text);
  return m ? toIso(m) : undefined;
}

/** A value meant to be a date (a birthDate property, a datetime attribute), as YYYY-MM-DD. */
export const normaliseDate = (value: string): string | undefined => findDate(value.trim());
