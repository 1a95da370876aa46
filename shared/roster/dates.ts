/**
 * Dates of birth as people write them on rosters, to `YYYY-MM-DD`:
 * `6/19/1944` (US month first), `19-Jun-1944`, `June 19, 1944`, `1944-06-19`,
 * Excel serial numbers, and two-digit years resolved so nobody is born in the
 * future. Answers null for anything that is not a real calendar date.
 */
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

function iso(y: number, m: number, d: number): string | null {
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d)) return null;
  if (y < 1000 || y > 9999 || m < 1 || m > 12 || d < 1 || d > 31) return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/**
 * A date with a two- or four-digit year. A two-digit year means the latest
 * such date that is not after `today`: on 2026-11-23, 12/31/26 is 1926-12-31.
 */
function dated(yearText: string, m: number, d: number, today: Date): string | null {
  if (yearText.length !== 2) return iso(Number(yearText), m, d);
  const century = Math.floor(today.getUTCFullYear() / 100) * 100;
  const candidate = iso(century + Number(yearText), m, d);
  if (!candidate) return iso(century - 100 + Number(yearText), m, d);
  return candidate > today.toISOString().slice(0, 10)
    ? iso(century - 100 + Number(yearText), m, d)
    : candidate;
}

function monthIndex(name: string): number {
  const i = MONTHS.indexOf(name.slice(0, 3).toLowerCase());
  return i < 0 ? -1 : i + 1;
}

/** Excel's day 1 is 1900-01-01, and it counts a 29 February 1900 that never was. */
export function excelSerialToIso(serial: number): string | null {
  if (!Number.isFinite(serial) || serial < 1 || serial > 2958465) return null;
  const days = Math.floor(serial) - (serial >= 61 ? 25569 : 25568);
  const date = new Date(days * 86_400_000);
  return iso(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

type Pattern = [RegExp, (m: RegExpExecArray) => string | null];

/** The shapes people write, tried in order. */
function patterns(today: Date): Pattern[] {
  return [
    [/^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ].*)?$/, (m) => iso(+m[1]!, +m[2]!, +m[3]!)],
    [/^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$/, (m) => dated(m[3]!, +m[1]!, +m[2]!, today)],
    [
      /^(\d{1,2})[ -]([A-Za-z]{3,9})\.?[ ,-]*(\d{2}|\d{4})$/,
      (m) => dated(m[3]!, monthIndex(m[2]!), +m[1]!, today),
    ],
    [/^([A-Za-z]{3,9})\.? (\d{1,2}),? (\d{2}|\d{4})$/, (m) => dated(m[3]!, monthIndex(m[1]!), +m[2]!, today)],
    [/^(\d{4})(\d{2})(\d{2})$/, (m) => iso(+m[1]!, +m[2]!, +m[3]!)],
    // Excel serials of real birth dates have five digits (1900 is 1, 2173 is 100,000); a bare year is not a date.
    [/^\d{5}(\.\d+)?$/, (m) => excelSerialToIso(Number(m[0]))],
  ];
}

export function parseHumanDate(value: unknown, today = new Date()): string | null {
  if (value instanceof Date) {
    return Number.isNaN(value.getTime())
      ? null
      : iso(value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate());
  }
  if (typeof value === 'number') return excelSerialToIso(value);
  if (typeof value !== 'string') return null;
  const text = value.trim().replace(/\s+/g, ' ');
  if (!text) return null;
  for (const [pattern, toIso] of patterns(today)) {
    const m = pattern.exec(text);
    if (m) return toIso(m);
  }
  return null;
}
