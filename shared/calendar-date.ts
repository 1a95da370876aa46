/**
 * Calendar dates, the one module that reads them. They are stored and sent as
 * YYYY-MM-DD strings: those compare correctly as strings and carry no time
 * zone to shift a birthday by a day. Three readers share the same checks: the
 * strict form (API and intake answers), roster cells as people type them, and
 * dates found in captured page text.
 */

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

const pad = (n: number, width: number) => String(n).padStart(width, '0');

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  return month === 2 ? (isLeapYear(year) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** YYYY-MM-DD for a real date with a year from `minYear` to `maxYear`, else undefined. */
export function calendarDate(year: number, month: number, day: number, minYear = 1, maxYear = 9999) {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return undefined;
  if (year < minYear || year > maxYear || month < 1 || month > 12) return undefined;
  if (day < 1 || day > daysInMonth(year, month)) return undefined;
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/** 1 to 12 for a month name or its first three letters, else 0. */
export const monthNumber = (word: string) => MONTHS.indexOf(word.slice(0, 3).toLowerCase()) + 1;

// The strict form: exactly YYYY-MM-DD.

/** The year, month and day of a real calendar date written YYYY-MM-DD, else undefined. */
export function parseCalendarDate(text: string): [number, number, number] | undefined {
  const match = DATE_PATTERN.exec(text);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return calendarDate(year, month, day) ? [year, month, day] : undefined;
}

export function isCalendarDate(text: unknown): text is string {
  return typeof text === 'string' && parseCalendarDate(text) !== undefined;
}

// Roster cells: dates of birth as people write them.

const rosterDate = (y: number, m: number, d: number) => calendarDate(y, m, d, 1000, 9999) ?? null;

/**
 * A date with a two- or four-digit year. A two-digit year means the latest
 * such date that is not after `today`: on 2026-11-23, 12/31/26 is 1926-12-31.
 */
function dated(yearText: string, m: number, d: number, today: Date): string | null {
  if (yearText.length !== 2) return rosterDate(Number(yearText), m, d);
  const century = Math.floor(today.getUTCFullYear() / 100) * 100;
  const candidate = rosterDate(century + Number(yearText), m, d);
  if (!candidate) return rosterDate(century - 100 + Number(yearText), m, d);
  return candidate > today.toISOString().slice(0, 10)
    ? rosterDate(century - 100 + Number(yearText), m, d)
    : candidate;
}

/** Excel's day 1 is 1900-01-01, and it counts a 29 February 1900 that never was. */
export function excelSerialToIso(serial: number): string | null {
  if (!Number.isFinite(serial) || serial < 1 || serial > 2958465) return null;
  const days = Math.floor(serial) - (serial >= 61 ? 25569 : 25568);
  const date = new Date(days * 86_400_000);
  return rosterDate(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

type Pattern = [RegExp, (m: RegExpExecArray) => string | null];

/** The shapes people write on rosters, tried in order. */
function rosterPatterns(today: Date): Pattern[] {
  const month = (name: string) => monthNumber(name) || -1;
  return [
    [/^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ].*)?$/, (m) => rosterDate(+m[1]!, +m[2]!, +m[3]!)],
    [/^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$/, (m) => dated(m[3]!, +m[1]!, +m[2]!, today)],
    [
      /^(\d{1,2})[ -]([A-Za-z]{3,9})\.?[ ,-]*(\d{2}|\d{4})$/,
      (m) => dated(m[3]!, month(m[2]!), +m[1]!, today),
    ],
    [/^([A-Za-z]{3,9})\.? (\d{1,2}),? (\d{2}|\d{4})$/, (m) => dated(m[3]!, month(m[1]!), +m[2]!, today)],
    [/^(\d{4})(\d{2})(\d{2})$/, (m) => rosterDate(+m[1]!, +m[2]!, +m[3]!)],
    // Excel serials of real birth dates have five digits (1900 is 1, 2173 is 100,000); a bare year is not a date.
    [/^\d{5}(\.\d+)?$/, (m) => excelSerialToIso(Number(m[0]))],
  ];
}

/**
 * Dates of birth as people write them on rosters, to YYYY-MM-DD:
 * `6/19/1944` (US month first), `19-Jun-1944`, `June 19, 1944`, `1944-06-19`,
 * Excel serial numbers, and two-digit years resolved so nobody is born in the
 * future. Answers null for anything that is not a real calendar date.
 */
export function parseHumanDate(value: unknown, today = new Date()): string | null {
  if (value instanceof Date) {
    return Number.isNaN(value.getTime())
      ? null
      : rosterDate(value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate());
  }
  if (typeof value === 'number') return excelSerialToIso(value);
  if (typeof value !== 'string') return null;
  const text = value.trim().replace(/\s+/g, ' ');
  if (!text) return null;
  for (const [pattern, toIso] of rosterPatterns(today)) {
    const m = pattern.exec(text);
    if (m) return toIso(m);
  }
  return null;
}

// Captured page text: dates anywhere in free text. Slashes and dashes with the
// year last are US month-first (03/14/2011), as in the practices this serves.
// Two-digit years are refused: for a birth date the century is a guess.

const MONTH =
  '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const DAY = '(\\d{1,2})(?:st|nd|rd|th)?';

// Built on first use, so bundles that only need the strict form (the public
// intake page) leave the free-text reader out.
let textPatterns: { anywhere: RegExp; atStart: RegExp } | undefined;

function textDatePatterns() {
  if (!textPatterns) {
    // One alternative per written form; the groups are read back in textDate.
    const source = [
      '(\\d{4})[-/.](\\d{1,2})[-/.](\\d{1,2})(?!\\d)', // 2011-03-14
      '(\\d{1,2})[/.-](\\d{1,2})[/.-](\\d{4})(?!\\d)', // 03/14/2011
      `${MONTH}\\s+${DAY},?\\s+(\\d{4})(?!\\d)`, // March 14, 2011
      `${DAY}\\s+(?:of\\s+)?${MONTH},?\\s+(\\d{4})(?!\\d)`, // 14 Mar 2011
    ].join('|');
    textPatterns = {
      anywhere: new RegExp(`(?<![\\d\\p{L}])(?:${source})`, 'giu'),
      atStart: new RegExp(`^(?:${source})`, 'iu'),
    };
  }
  return textPatterns;
}

const textDateOf = (y: number, m: number, d: number) => calendarDate(y, m, d, 1900, 2100);

function textDate(m: RegExpMatchArray): string | undefined {
  const g = m.slice(1).map((v) => v ?? '');
  if (g[0]) return textDateOf(Number(g[0]), Number(g[1]), Number(g[2]));
  if (g[3]) return textDateOf(Number(g[5]), Number(g[3]), Number(g[4]));
  if (g[6]) return textDateOf(Number(g[8]), monthNumber(g[6]), Number(g[7]));
  if (g[9]) return textDateOf(Number(g[11]), monthNumber(g[10] ?? ''), Number(g[9]));
  return undefined;
}

/** The first real date in the text, as YYYY-MM-DD. */
export function findDate(text: string): string | undefined {
  for (const m of text.matchAll(textDatePatterns().anywhere)) {
    const iso = textDate(m);
    if (iso) return iso;
  }
  return undefined;
}

/** A date the text starts with (after nothing but itself), as YYYY-MM-DD. */
export function dateAtStart(text: string): string | undefined {
  const m = textDatePatterns().atStart.exec(text);
  return m ? textDate(m) : undefined;
}

/** A value meant to be a date (a birthDate property, a datetime attribute), as YYYY-MM-DD. */
export const normaliseDate = (value: string): string | undefined => findDate(value.trim());

const DAY_MS = 86_400_000;
const dayMs = (date: string) => Date.parse(`${date}T00:00:00Z`);

/** The `YYYY-MM-DD` day `days` after `date` (before it when negative); days have no time zone. */
export const addCalendarDays = (date: string, days: number) =>
  new Date(dayMs(date) + days * DAY_MS).toISOString().slice(0, 10);

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export const daysBetween = (from: string, to: string) => Math.round((dayMs(to) - dayMs(from)) / DAY_MS);
