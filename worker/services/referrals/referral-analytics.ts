import { eq, inArray } from 'drizzle-orm';
import { referralPractices, referringProviders } from '../../../db/schema';
import { addCalendarDays } from '../../../shared/calendar-date';
import type {
  CoolingReferrer,
  PracticeAnalytics,
  ProviderAnalytics,
  ReferralAnalyticsQuery,
  ReferralOverview,
  TopReferrer,
} from '../../../shared/schemas/referral-analytics';
import { notFound } from '../../lib/app-error';
import type { AuditLog } from '../../lib/audit-log';
import type { TenantDb } from '../../lib/tenant-db';
import { displayName } from './provider-view';
import { type Period, referralPeriods } from './referral-period';
import { lastReferralDays, referralsByProvider } from './referral-rollup';
import { rate, scopeStats } from './referral-stats';
import { providerStrengths } from './strength';

/** Who a figure is about: the provider and their practice. */
type Person = ProviderAnalytics['provider'];

const LIST_SIZE = 10;
/** Cooling compares the period with this many periods of the same length before it. */
const HISTORY_PERIODS = 4;
/** ...and needs at least this many referrals there (once per period on average) to call a drop. */
const MIN_HISTORY = 4;

const today = () => new Date().toISOString().slice(0, 10);

/** Name and practice of the providers listed, in one query. */
async function who(tenant: TenantDb, ids: string[]) {
  if (!ids.length) return new Map<string, { person: Person; active: boolean }>();
  const rows = await tenant.join(
    {
      id: referringProviders.id,
      firstName: referringProviders.firstName,
      lastName: referringProviders.lastName,
      credentials: referringProviders.credentials,
      active: referringProviders.active,
      practiceId: referralPractices.id,
      practiceName: referralPractices.name,
    },
    referringProviders,
    [{ table: referralPractices, on: eq(referralPractices.id, referringProviders.practiceId) }],
    inArray(referringProviders.id, ids),
  );
  return new Map(
    rows.map((r) => [
      r.id,
      {
        person: {
          providerId: r.id,
          name: displayName(r),
          practiceId: r.practiceId,
          practiceName: r.practiceName,
        },
        active: r.active,
      },
    ]),
  );
}

type ProviderSums = Awaited<ReturnType<typeof scopeStats>>['byProvider'];

async function topAndCooling(
  tenant: TenantDb,
  current: ProviderSums,
  previousOf: Map<string, number>,
  period: Period,
  previous: Period,
) {
  const historyFrom = addCalendarDays(period.from, -HISTORY_PERIODS * period.days);
  const history = await referralsByProvider(tenant, { from: historyFrom, to: previous.to });
  const topIds = [...current]
    .sort(
      ([, a], [, b]) =>
        b.referrals - a.referrals || b.conversions - a.conversions || b.last.localeCompare(a.last),
    )
    .slice(0, LIST_SIZE * 2);
  const coolingIds = [...history]
    .map(([id, total]) => {
      const usual = total / HISTORY_PERIODS;
      const now = current.get(id)?.referrals ?? 0;
      return { id, total, usual, now, drop: (usual - now) / usual };
    })
    .filter((c) => c.total >= MIN_HISTORY && c.now <= c.usual / 2)
    .sort((a, b) => b.drop - a.drop || b.usual - a.usual);
  const names = await who(tenant, [
    ...new Set([...topIds.map(([id]) => id), ...coolingIds.slice(0, LIST_SIZE * 2).map((c) => c.id)]),
  ]);
  const lastEver = await lastReferralDays(tenant, {
    to: period.to,
    providers: coolingIds.slice(0, LIST_SIZE * 2).map((c) => c.id),
  });
  const top: TopReferrer[] = topIds
    .flatMap(([id, c]) => {
      const n = names.get(id);
      if (!n) return [];
      return [
        {
          ...n.person,
          referrals: c.referrals,
          conversions: c.conversions,
          conversionRate: rate(c.conversions, c.referrals),
          lastReferralDate: c.last,
          previousReferrals: previousOf.get(id) ?? 0,
        },
      ];
    })
    .slice(0, LIST_SIZE);
  const cooling: CoolingReferrer[] = coolingIds
    .flatMap((c) => {
      const n = names.get(c.id);
      if (!n?.active) return [];
      return [
        {
          ...n.person,
          referrals: c.now,
          usual: Math.round(c.usual * 10) / 10,
          dropPercent: Math.round(c.drop * 100),
          lastReferralDate: lastEver.get(c.id) ?? null,
        },
      ];
    })
    .slice(0, LIST_SIZE);
  return { top, cooling };
}

function definitions(period: Period) {
  const history = HISTORY_PERIODS * period.days;
  return {
    top: `Most referrals received in the period (ties: more conversions, then the latest referral), up to ${LIST_SIZE}.`,
    cooling: `Referred at least ${MIN_HISTORY} times in the ${history} days before the period (their usual: that count over ${HISTORY_PERIODS}), and sent half their usual or fewer in this period of ${period.days} days. Largest drop first, up to ${LIST_SIZE}; retired providers are left out.`,
  };
}

/** The practice's referral analytics for a period: totals with trend, months, top and cooling referrers. */
export async function referralOverview(
  tenant: TenantDb,
  audit: AuditLog,
  query: ReferralAnalyticsQuery,
): Promise<ReferralOverview> {
  const { period, previous } = referralPeriods(query);
  const { byProvider, stats, monthly, previousByProvider } = await scopeStats(tenant, period, previous);
  const { top, cooling } = await topAndCooling(tenant, byProvider, previousByProvider, period, previous);
  audit.record({
    action: 'read',
    entityType: 'referral_analytics',
    detail: { from: period.from, to: period.to },
  });
  return {
    period,
    previousPeriod: previous,
    totals: stats,
    monthly,
    top,
    cooling,
    definitions: definitions(period),
  };
}

/** One provider's figures for a period, with the relationship strength and its reasons. */
export async function providerAnalytics(
  tenant: TenantDb,
  audit: AuditLog,
  id: string,
  query: ReferralAnalyticsQuery,
): Promise<ProviderAnalytics> {
  const { period, previous } = referralPeriods(query);
  await tenant.get(referringProviders, id, 'Referring provider');
  const [names, { stats, monthly }, strengths] = await Promise.all([
    who(tenant, [id]),
    scopeStats(tenant, period, previous, [id]),
    providerStrengths(tenant, [id], today()),
  ]);
  const provider = names.get(id)?.person;
  const strength = strengths.get(id);
  if (!provider || !strength) throw notFound('Referring provider');
  audit.record({
    action: 'read',
    entityType: 'referral_analytics',
    entityId: id,
    detail: { from: period.from, to: period.to, score: strength.score },
  });
  return { period, previousPeriod: previous, provider, stats, monthly, strength };
}

/** A practice's figures: all of its providers together, and each one's share. */
export async function practiceAnalytics(
  tenant: TenantDb,
  audit: AuditLog,
  id: string,
  query: ReferralAnalyticsQuery,
): Promise<PracticeAnalytics> {
  const { period, previous } = referralPeriods(query);
  const practice = await tenant.get(referralPractices, id, 'Practice');
  const people = await tenant.select(referringProviders, eq(referringProviders.practiceId, id));
  const ids = people.map((p) => p.id);
  const { byProvider: counts, stats, monthly } = await scopeStats(tenant, period, previous, ids);
  audit.record({
    action: 'read',
    entityType: 'referral_analytics',
    entityId: id,
    detail: { practice: true, from: period.from, to: period.to },
  });
  return {
    period,
    previousPeriod: previous,
    practice: { id: practice.id, name: practice.name },
    stats,
    monthly,
    providers: people
      .filter((p) => !p.mergedInto)
      .map((p) => ({
        providerId: p.id,
        name: displayName(p),
        referrals: counts.get(p.id)?.referrals ?? 0,
        conversions: counts.get(p.id)?.conversions ?? 0,
      }))
      .sort((a, b) => b.referrals - a.referrals || a.name.localeCompare(b.name)),
  };
}
