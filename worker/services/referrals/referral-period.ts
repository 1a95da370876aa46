import { addCalendarDays, daysBetween } from '../../../shared/calendar-date';
import type { ReferralAnalyticsQuery } from '../../../shared/schemas/referral-analytics';
import { AppError } from '../../lib/app-error';

export type Period = { from: string; to: string; days: number };

const DEFAULT_DAYS = 90;
const MAX_DAYS = 3660;

const span = (from: string, to: string): Period => ({ from, to, days: daysBetween(from, to) + 1 });

/**
 * The chosen period (calendar days, both ends included; the last 90 days to
 * today by default) and the one of the same length just before it, which the
 * trend compares against.
 */
export function referralPeriods(
  query: ReferralAnalyticsQuery,
  today = new Date().toISOString().slice(0, 10),
) {
  const to = query.to ?? today;
  const from = query.from ?? addCalendarDays(to, 1 - DEFAULT_DAYS);
  if (from > to)
    throw new AppError('validation_failed', 'The period must start before it ends', [
      { path: 'from', issue: 'after to' },
    ]);
  const period = span(from, to);
  if (period.days > MAX_DAYS)
    throw new AppError('validation_failed', 'Choose a period of at most ten years', [
      { path: 'from', issue: 'period too long' },
    ]);
  const previous = span(addCalendarDays(from, -period.days), addCalendarDays(from, -1));
  return { period, previous };
}

/** The twelve months ending with the period's last month, as `YYYY-MM`. */
export function monthsEnding(to: string): string[] {
  const [y, m] = [Number(to.slice(0, 4)), Number(to.slice(5, 7))];
  return Array.from({ length: 12 }, (_, i) => {
    const d = new Date(Date.UTC(y, m - 12 + i, 1));
    return d.toISOString().slice(0, 7);
  });
}
