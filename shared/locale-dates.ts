/**
 * Dates as the reader writes them, one formatter for the whole panel
 * (docs/wording.md). `locale` defaults to the browser's; tests pass one.
 * Calendar days (YYYY-MM-DD: dates of birth, due days) carry no time zone and
 * are shown as that day everywhere; moments (ISO timestamps) in local time.
 */
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

const asDate = (value: string) => {
  const day = DAY.exec(value);
  return day ? new Date(Number(day[1]), Number(day[2]) - 1, Number(day[3])) : new Date(value);
};

/** "Mar 13, 1940" (en-US), "13 Mar 1940" (en-GB): a day or the day of a moment. */
export function formatDate(value: string, locale?: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(asDate(value));
}

/** "Mar 13, 2026, 2:05 PM": a moment, to the minute. */
export function formatDateTime(value: string, locale?: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(asDate(value));
}

/** "Tue, Dec 3": a near day, for follow-ups on cards. */
export function formatShortDay(value: string, locale?: string): string {
  return new Intl.DateTimeFormat(locale, { weekday: 'short', month: 'short', day: 'numeric' }).format(
    asDate(value),
  );
}

/**
 * How the locale writes a date in figures, as a date field shows it:
 * "mm/dd/yyyy" (en-US), "dd/mm/yyyy" (en-GB), "yyyy-mm-dd" (sv).
 */
export function datePattern(locale?: string): string {
  const parts = new Intl.DateTimeFormat(locale, {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(new Date(2001, 10, 22));
  const names: Partial<Record<Intl.DateTimeFormatPartTypes, string>> = {
    year: 'yyyy',
    month: 'mm',
    day: 'dd',
  };
  return parts.map((p) => names[p.type] ?? p.value).join('');
}

/** The message under a date field, in the reader's own way of writing dates. */
export function dateFieldMessage(locale?: string): string {
  return `Enter the whole date, as ${datePattern(locale)}`;
}
