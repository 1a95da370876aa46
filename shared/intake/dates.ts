/**
 * Calendar dates as the form stores them, YYYY-MM-DD strings: they compare
 * correctly as strings, and carry no time zone to shift a birthday by a day.
 */

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  return month === 2 ? (isLeapYear(year) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** The year, month and day of a real calendar date written YYYY-MM-DD, else undefined. */
export function parseCalendarDate(text: string): [number, number, number] | undefined {
  const match = DATE_PATTERN.exec(text);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return [year, month, day];
}

export function isCalendarDate(text: unknown): text is string {
  return typeof text === 'string' && parseCalendarDate(text) !== undefined;
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/**
 * Whether someone born on `dateOfBirth` is under 18 on `today`, exact to the
 * day: they turn 18 on their 18th birthday. Someone born on 29 February turns
 * 18 on 1 March when that year has no 29 February (the common legal reading:
 * the day after 28 February is the first day they have lived 18 full years).
 * That is every such birthday: a leap year plus 18 is never a leap year.
 * Dates that are not real YYYY-MM-DD dates answer false: the validator checks
 * a date of birth before asking, and an unknown age asks for no guardian.
 */
export function isMinorOn(dateOfBirth: string, today: string): boolean {
  const born = parseCalendarDate(dateOfBirth);
  if (!born || !parseCalendarDate(today)) return false;
  const [year, month, day] = born;
  const adultYear = year + 18;
  const leapDayInPlainYear = month === 2 && day === 29 && !isLeapYear(adultYear);
  const adultOn = leapDayInPlainYear
    ? `${pad(adultYear, 4)}-03-01`
    : `${pad(adultYear, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
  return today < adultOn;
}
