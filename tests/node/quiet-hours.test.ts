import { describe, expect, it } from 'vitest';
import { isTimeZone, localDay, nextSendTime } from '../../shared/automation/quiet-hours';

const NY = { timeZone: 'America/New_York', quietStartMinute: 21 * 60, quietEndMinute: 8 * 60 };
const at = (iso: string) => Date.parse(iso);

describe('quiet hours in the organisation’s time zone', () => {
  it('sends at once in the day, and holds a message from 21:00 until 08:00 local time', () => {
    // 15:00 UTC is 10:00 in New York (EST, UTC-5, in January).
    expect(nextSendTime(at('2026-01-15T15:00:00Z'), NY)).toBe(at('2026-01-15T15:00:00Z'));
    // 03:30 UTC is 22:30 the evening before in New York: held until 08:00 there, 13:00 UTC.
    expect(nextSendTime(at('2026-01-16T03:30:20Z'), NY)).toBe(at('2026-01-16T13:00:00Z'));
    // 12:59 UTC is 07:59 New York: one minute to wait.
    expect(nextSendTime(at('2026-01-16T12:59:00Z'), NY)).toBe(at('2026-01-16T13:00:00Z'));
    // The same instant is daytime in Sydney.
    expect(nextSendTime(at('2026-01-16T03:30:00Z'), { ...NY, timeZone: 'Australia/Sydney' })).toBe(
      at('2026-01-16T03:30:00Z'),
    );
  });

  it('follows summer time (EDT, UTC-4) and windows that do not cross midnight', () => {
    expect(nextSendTime(at('2026-07-16T02:00:00Z'), NY)).toBe(at('2026-07-16T12:00:00Z'));
    const lunch = { timeZone: 'UTC', quietStartMinute: 12 * 60, quietEndMinute: 13 * 60 };
    expect(nextSendTime(at('2026-07-16T12:30:00Z'), lunch)).toBe(at('2026-07-16T13:00:00Z'));
    expect(nextSendTime(at('2026-07-16T13:00:00Z'), lunch)).toBe(at('2026-07-16T13:00:00Z'));
    expect(nextSendTime(at('2026-07-16T03:00:00Z'), { ...lunch, quietEndMinute: 12 * 60 })).toBe(
      at('2026-07-16T03:00:00Z'),
    );
  });

  it('knows the local day of the daily cap and IANA names', () => {
    expect(localDay(at('2026-01-16T03:30:00Z'), 'America/New_York')).toEqual({
      start: at('2026-01-15T05:00:00Z'),
      next: at('2026-01-16T05:00:00Z'),
    });
    expect(isTimeZone('Europe/Berlin')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
  });
});
