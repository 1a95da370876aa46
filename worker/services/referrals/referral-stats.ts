import type { MonthCount, ReferralStats } from '../../../shared/schemas/referral-analytics';
import type { TenantDb } from '../../lib/tenant-db';
import { monthsEnding, type Period } from './referral-period';
import { addSums, lastReferralDay, monthSums, NO_SUMS, type Sums, sumsByProvider } from './referral-rollup';

/**
 * What a referral became is decided as it is written (db/schema/referral-rollups.ts):
 * the consultation and treatment start recorded on the referral come first;
 * without them, the first appointment its lead attended and the day its lead
 * was converted stand in. Converted: a treatment start, or a referral linked
 * straight to a patient (which has no start day).
 */
export const rate = (part: number, whole: number) => (whole ? Math.round((part / whole) * 1000) / 10 : 0);
const average = (sum: number, n: number) => (n ? Math.round((sum / n) * 10) / 10 : null);

/** The cohort's figures: consultations, starts and revenue of the referrals received in the period. */
export function summarise(
  s: Sums,
  previous: { referrals: number; conversions: number },
  lastReferralDate: string | null,
): ReferralStats {
  return {
    referrals: s.referrals,
    consultations: s.consultations,
    conversions: s.conversions,
    conversionRate: rate(s.conversions, s.referrals),
    averageDaysToConsultation: average(s.daysToConsultation, s.consultations),
    averageDaysConsultationToStart: average(s.daysConsultationToStart, s.consultedStarts),
    averageDaysToStart: average(s.daysToStart, s.starts),
    revenueCents: s.revenues ? s.revenueCents : null,
    lastReferralDate,
    previous,
    trendPercent: previous.referrals
      ? Math.round(((s.referrals - previous.referrals) / previous.referrals) * 1000) / 10
      : null,
  };
}

/**
 * Everything `summarise` needs for one scope (the practice, a provider, a
 * practice's providers; all when `providers` is not given), with the period's
 * and the previous period's figures per provider, which the top referrers and
 * a practice's providers read too.
 */
export async function scopeStats(tenant: TenantDb, period: Period, previous: Period, providers?: string[]) {
  const [byProvider, before, last, monthly] = await Promise.all([
    sumsByProvider(tenant, { from: period.from, to: period.to, providers }),
    sumsByProvider(tenant, { from: previous.from, to: previous.to, providers }),
    lastReferralDay(tenant, { to: period.to, providers }),
    monthlyCounts(tenant, period.to, providers),
  ]);
  const total = (m: typeof byProvider) => [...m.values()].reduce<Sums>(addSums, NO_SUMS);
  const prior = total(before);
  return {
    byProvider,
    stats: summarise(total(byProvider), { referrals: prior.referrals, conversions: prior.conversions }, last),
    monthly,
    previousByProvider: new Map([...before].map(([id, s]) => [id, s.referrals])),
  };
}

/** Referrals and conversions per month over the twelve months ending with the period. */
export async function monthlyCounts(
  tenant: TenantDb,
  to: string,
  providers?: string[],
): Promise<MonthCount[]> {
  const months = monthsEnding(to);
  const rows = await monthSums(tenant, { from: `${months[0]}-01`, to, providers });
  const byMonth = new Map(rows.map((r) => [r.month, r]));
  return months.map((month) => ({
    month,
    referrals: Number(byMonth.get(month)?.referrals ?? 0),
    conversions: Number(byMonth.get(month)?.conversions ?? 0),
  }));
}
