import { and, desc, gte, inArray, lte, type SQL, sql } from 'drizzle-orm';
import { DAY_COUNT_SUMS, referralDayCounts as d } from '../../../db/schema';
import type { TenantDb } from '../../lib/tenant-db';

/**
 * Reads of `referral_day_counts` (db/schema/referral-rollups.ts), the counts
 * the triggers keep per referral day and provider: every figure is a sum over
 * the days of a period, never a walk over the referrals themselves.
 */
export type Scope = { from?: string; to: string; providers?: string[] };

/** The sums behind every figure of a set of referrals. */
export type Sums = Record<(typeof DAY_COUNT_SUMS)[number], number>;
const SUMMED = DAY_COUNT_SUMS;

export const NO_SUMS: Sums = Object.fromEntries(SUMMED.map((k) => [k, 0])) as Sums;

export function addSums(a: Sums, b: Sums): Sums {
  return Object.fromEntries(SUMMED.map((k) => [k, a[k] + b[k]])) as Sums;
}

/** Days and providers of a scope; an empty provider list matches nothing. */
function within(scope: Scope, extra?: SQL) {
  return and(
    scope.from ? gte(d.day, scope.from) : undefined,
    lte(d.day, scope.to),
    scope.providers ? inArray(d.providerId, scope.providers.length ? scope.providers : ['']) : undefined,
    extra,
  );
}

const sumOf = (column: (typeof SUMMED)[number]) => sql<number>`sum(${d[column]})`;

/** Per provider over the scope: the sums and the last day with a referral. */
export async function sumsByProvider(tenant: TenantDb, scope: Scope) {
  const rows = await tenant
    .selectFields(
      {
        providerId: d.providerId,
        last: sql<string | null>`max(case when ${d.referrals} > 0 then ${d.day} end)`,
        ...(Object.fromEntries(SUMMED.map((k) => [k, sumOf(k)])) as Record<keyof Sums, SQL<number>>),
      },
      d,
      within(scope),
    )
    .groupBy(d.providerId);
  return new Map(
    rows
      .filter((r) => Number(r.referrals) > 0)
      .map((r) => {
        const sums = Object.fromEntries(SUMMED.map((k) => [k, Number(r[k])])) as Sums;
        return [r.providerId, { ...sums, last: r.last ?? '' }];
      }),
  );
}

/** Referrals per provider over the scope, for comparisons against a provider's own history. */
export async function referralsByProvider(tenant: TenantDb, scope: Scope) {
  const rows = await tenant
    .selectFields({ providerId: d.providerId, n: sumOf('referrals') }, d, within(scope))
    .groupBy(d.providerId);
  return new Map(rows.filter((r) => Number(r.n) > 0).map((r) => [r.providerId, Number(r.n)]));
}

/** The latest referral day up to the scope's end (the day index walked backwards, first hit). */
export async function lastReferralDay(tenant: TenantDb, scope: Scope) {
  const [row] = await tenant
    .selectFields({ day: d.day }, d, within(scope, sql`${d.referrals} > 0`))
    .orderBy(desc(d.day))
    .limit(1);
  return row?.day ?? null;
}

/** Per provider, the latest referral day up to the scope's end. */
export async function lastReferralDays(tenant: TenantDb, scope: Scope & { providers: string[] }) {
  if (!scope.providers.length) return new Map<string, string>();
  const rows = await tenant
    .selectFields(
      { providerId: d.providerId, last: sql<string>`max(${d.day})` },
      d,
      within(scope, sql`${d.referrals} > 0`),
    )
    .groupBy(d.providerId);
  return new Map(rows.map((r) => [r.providerId, r.last]));
}

/** Referrals and conversions per month (`YYYY-MM`) over the scope. */
export function monthSums(tenant: TenantDb, scope: Scope) {
  return tenant
    .selectFields(
      {
        month: sql<string>`substr(${d.day}, 1, 7)`,
        referrals: sumOf('referrals'),
        conversions: sumOf('conversions'),
      },
      d,
      within(scope),
    )
    .groupBy(sql`1`);
}

/** Sums of the scope's rows whose day passes `when`, per provider: the strength rules' windows. */
export const sumWhen = (column: 'referrals' | 'conversions', when: SQL) =>
  sql<number>`sum(case when ${when} then ${d[column]} else 0 end)`;

export { d as dayCounts };
