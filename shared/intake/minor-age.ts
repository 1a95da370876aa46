import { isLeapYear, parseCalendarDate } from '../calendar-date';

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
