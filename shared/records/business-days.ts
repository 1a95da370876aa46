/**
 * Day counting for legal deadlines on YYYY-MM-DD dates (no time zone: a
 * deadline is a day). Business days skip Saturdays, Sundays and the US federal
 * holidays (5 U.S.C. 6103), computed for any year with their observed dates.
 */

import { addCalendarDays } from '../calendar-date';

const weekday = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`)).getUTCDay();

const ymd = (year: number, month: number, day: number) =>
  `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;

/** The `n`th given weekday (0 Sunday … 6 Saturday) of a month; n = -1 is the last. */
function nthWeekday(year: number, month: number, wd: number, n: number): string {
  if (n > 0) {
    const first = weekday(ymd(year, month, 1));
    return ymd(year, month, 1 + ((wd - first + 7) % 7) + (n - 1) * 7);
  }
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const last = weekday(ymd(year, month, lastDay));
  return ymd(year, month, lastDay - ((last - wd + 7) % 7));
}

/** A fixed-date holiday on a Saturday is observed the Friday before, on a Sunday the Monday after. */
function observed(date: string): string {
  const wd = weekday(date);
  return wd === 6 ? addCalendarDays(date, -1) : wd === 0 ? addCalendarDays(date, 1) : date;
}

/** The observed federal holidays of a year, in date order (a New Year's Day observed on 31 December belongs to the next year's list). */
export function federalHolidays(year: number): { date: string; name: string }[] {
  const fixed = (month: number, day: number, name: string) => ({
    date: observed(ymd(year, month, day)),
    name,
  });
  const list = [
    fixed(1, 1, "New Year's Day"),
    { date: nthWeekday(year, 1, 1, 3), name: 'Birthday of Martin Luther King, Jr.' },
    { date: nthWeekday(year, 2, 1, 3), name: "Washington's Birthday" },
    { date: nthWeekday(year, 5, 1, -1), name: 'Memorial Day' },
    ...(year >= 2021 ? [fixed(6, 19, 'Juneteenth National Independence Day')] : []),
    fixed(7, 4, 'Independence Day'),
    { date: nthWeekday(year, 9, 1, 1), name: 'Labor Day' },
    { date: nthWeekday(year, 10, 1, 2), name: 'Columbus Day' },
    fixed(11, 11, 'Veterans Day'),
    { date: nthWeekday(year, 11, 4, 4), name: 'Thanksgiving Day' },
    fixed(12, 25, 'Christmas Day'),
  ];
  return list.sort((a, b) => a.date.localeCompare(b.date));
}

const holidayCache = new Map<number, Set<string>>();

export function isFederalHoliday(date: string): boolean {
  const year = Number(date.slice(0, 4));
  // 1 January of the next year may be observed on 31 December of this one.
  for (const y of [year, year + 1]) {
    let dates = holidayCache.get(y);
    if (!dates) {
      dates = new Set(federalHolidays(y).map((h) => h.date));
      holidayCache.set(y, dates);
    }
    if (dates.has(date)) return true;
  }
  return false;
}

export const isBusinessDay = (date: string) => {
  const wd = weekday(date);
  return wd !== 0 && wd !== 6 && !isFederalHoliday(date);
};

/** The `days`th business day after `date` (the day of receipt itself does not count). */
export function addBusinessDays(date: string, days: number): string {
  let current = date;
  let left = days;
  while (left > 0) {
    current = addCalendarDays(current, 1);
    if (isBusinessDay(current)) left--;
  }
  return current;
}
