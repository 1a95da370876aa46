/** An organisation's sending window: quiet hours as minutes of its local day, in an IANA time zone. */
export type SendingWindow = { timeZone: string; quietStartMinute: number; quietEndMinute: number };

const MINUTE = 60_000;
const DAY_MINUTES = 1440;

export function isTimeZone(name: string) {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** The wall clock in `timeZone` at `atMs`: minutes since local midnight, and seconds past the minute. */
export function localClock(atMs: number, timeZone: string) {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(atMs));
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return { minute: part('hour') * 60 + part('minute'), second: part('second') };
}

/** Whether `minute` of the local day falls in quiet hours (which may run past midnight, e.g. 21:00–08:00). */
function inQuiet(minute: number, w: SendingWindow) {
  const { quietStartMinute: start, quietEndMinute: end } = w;
  if (start === end) return false;
  return start < end ? minute >= start && minute < end : minute >= start || minute < end;
}

/**
 * When a message due at `atMs` may go: `atMs` itself outside quiet hours,
 * otherwise the end of quiet hours on the local clock. (A clock change inside
 * the quiet hours moves that end by the change, at most an hour.)
 */
export function nextSendTime(atMs: number, w: SendingWindow) {
  const { minute } = localClock(atMs, w.timeZone);
  if (!inQuiet(minute, w)) return atMs;
  const wait = (w.quietEndMinute - minute + DAY_MINUTES) % DAY_MINUTES;
  return atMs - (atMs % MINUTE) + wait * MINUTE;
}

/** The start of the local day containing `atMs`, and of the next one (the daily cap's day). */
export function localDay(atMs: number, timeZone: string) {
  const { minute, second } = localClock(atMs, timeZone);
  const start = atMs - (atMs % 1000) - (minute * 60 + second) * 1000;
  return { start, next: start + DAY_MINUTES * MINUTE };
}
