import { and, eq, gte, lte, type SQL, sql } from 'drizzle-orm';
import { appointments, leadActivities, referralMilestones, referrals } from '../../../db/schema';
import { daysBetween } from '../../../shared/calendar-date';
import type { MonthCount, ReferralStats } from '../../../shared/schemas/referral-analytics';
import type { TenantDb } from '../../lib/tenant-db';
import { monthsEnding, type Period } from './referral-period';

/**
 * A column of the outer `referrals` row named with its table: drizzle writes a
 * single-table query's columns bare, and inside a subquery a bare `lead_id`
 * would mean the subquery's own table.
 */
const outer = (column: 'organization_id' | 'lead_id' | 'patient_id' | 'id') =>
  sql`${sql.identifier('referrals')}.${sql.identifier(column)}`;
const org = outer('organization_id');
// The unary plus keeps SQLite on the lead's own index (`lead_activities_lead`):
// given organisation and kind as two equalities it would otherwise walk every
// conversion of the organisation for each referral.
const lead = outer('lead_id');
const milestone = (column: 'consultation_date' | 'treatment_start_date') =>
  sql`(select ${sql.identifier(column)} from ${referralMilestones}
  where ${referralMilestones.referralId} = ${outer('id')} and ${referralMilestones.organizationId} = ${org})`;

/**
 * What a referral became. The milestones recorded on the referral come first;
 * without one, what the practice already records stands in: the consultation
 * is the first appointment its lead attended, the treatment start the day its
 * lead was converted. Converted: a treatment start, or a referral linked
 * straight to a patient (which has no start day).
 */
const consultedOn = sql<string | null>`coalesce(${milestone('consultation_date')},
  (select min(substr(${appointments.startsAt}, 1, 10)) from ${appointments}
  where ${appointments.organizationId} = ${org} and ${appointments.leadId} = ${lead}
  and ${appointments.status} = 'attended'))`;
const startedOn = sql<string | null>`coalesce(${milestone('treatment_start_date')},
  (select substr(min(${leadActivities.createdAt}), 1, 10) from ${leadActivities}
  where ${leadActivities.leadId} = ${lead} and +${leadActivities.organizationId} = ${org}
  and ${leadActivities.kind} = 'conversion'))`;
export const converted = sql`(${outer('patient_id')} is not null or ${startedOn} is not null)`;

const incoming = (p: { from: string; to: string }, where?: SQL) =>
  and(
    eq(referrals.direction, 'incoming'),
    gte(referrals.referralDate, p.from),
    lte(referrals.referralDate, p.to),
    where,
  );

export const rate = (part: number, whole: number) => (whole ? Math.round((part / whole) * 1000) / 10 : 0);
const average = (values: number[]) =>
  values.length ? Math.round((values.reduce((n, v) => n + v, 0) / values.length) * 10) / 10 : null;

export type ReferralFacts = Awaited<ReturnType<typeof referralFacts>>[number];

/** One row per incoming referral of the period: its provider, dates, conversion and revenue. */
export function referralFacts(tenant: TenantDb, period: Period, where?: SQL) {
  return tenant.selectFields(
    {
      providerId: referrals.providerId,
      referralDate: referrals.referralDate,
      revenueCents: referrals.revenueCents,
      consultedOn,
      startedOn,
      linkedPatient: sql<number>`${referrals.patientId} is not null`,
    },
    referrals,
    incoming(period, where),
  );
}

/** Referrals and conversions of a period per provider (grouped by provider) or in all. */
export function countReferrals(tenant: TenantDb, period: Period, where?: SQL) {
  return tenant.selectFields(
    {
      providerId: referrals.providerId,
      referrals: sql<number>`count(*)`,
      conversions: sql<number>`sum(case when ${converted} then 1 else 0 end)`,
    },
    referrals,
    incoming(period, where),
  );
}

/** The cohort's figures: consultations, starts and revenue of the referrals received in the period. */
export function summarise(
  facts: ReferralFacts[],
  previous: { referrals: number; conversions: number },
  lastReferralDate: string | null,
): ReferralStats {
  const toConsult: number[] = [];
  const consultToStart: number[] = [];
  const toStart: number[] = [];
  let consultations = 0;
  let conversions = 0;
  let revenue: number | null = null;
  for (const f of facts) {
    if (f.consultedOn) {
      consultations++;
      toConsult.push(daysBetween(f.referralDate, f.consultedOn));
    }
    if (f.startedOn || f.linkedPatient) conversions++;
    if (f.startedOn) toStart.push(daysBetween(f.referralDate, f.startedOn));
    if (f.startedOn && f.consultedOn) consultToStart.push(daysBetween(f.consultedOn, f.startedOn));
    if (f.revenueCents !== null) revenue = (revenue ?? 0) + f.revenueCents;
  }
  return {
    referrals: facts.length,
    consultations,
    conversions,
    conversionRate: rate(conversions, facts.length),
    averageDaysToConsultation: average(toConsult),
    averageDaysConsultationToStart: average(consultToStart),
    averageDaysToStart: average(toStart),
    revenueCents: revenue,
    lastReferralDate,
    previous,
    trendPercent: previous.referrals
      ? Math.round(((facts.length - previous.referrals) / previous.referrals) * 1000) / 10
      : null,
  };
}

/**
 * Everything `summarise` needs for one scope (the practice, a provider, a
 * practice's providers); the previous period comes per provider, which the
 * top referrers read too, so it is counted once.
 */
export async function scopeStats(tenant: TenantDb, period: Period, previous: Period, where?: SQL) {
  const [facts, before, [last], monthly] = await Promise.all([
    referralFacts(tenant, period, where),
    countReferrals(tenant, previous, where).groupBy(referrals.providerId),
    tenant.selectFields(
      { date: sql<string | null>`max(${referrals.referralDate})` },
      referrals,
      and(eq(referrals.direction, 'incoming'), lte(referrals.referralDate, period.to), where),
    ),
    monthlyCounts(tenant, period.to, where),
  ]);
  const previousByProvider = new Map(before.map((b) => [b.providerId, Number(b.referrals)]));
  const prev = {
    referrals: before.reduce((n, b) => n + Number(b.referrals), 0),
    conversions: before.reduce((n, b) => n + Number(b.conversions), 0),
  };
  return { facts, stats: summarise(facts, prev, last?.date ?? null), monthly, previousByProvider };
}

/** Referrals and conversions per month over the twelve months ending with the period. */
export async function monthlyCounts(tenant: TenantDb, to: string, where?: SQL): Promise<MonthCount[]> {
  const months = monthsEnding(to);
  const rows = await tenant
    .selectFields(
      {
        month: sql<string>`substr(${referrals.referralDate}, 1, 7)`,
        referrals: sql<number>`count(*)`,
        conversions: sql<number>`sum(case when ${converted} then 1 else 0 end)`,
      },
      referrals,
      incoming({ from: `${months[0]}-01`, to }, where),
    )
    .groupBy(sql`1`);
  const byMonth = new Map(rows.map((r) => [r.month, r]));
  return months.map((month) => ({
    month,
    referrals: Number(byMonth.get(month)?.referrals ?? 0),
    conversions: Number(byMonth.get(month)?.conversions ?? 0),
  }));
}
