import { and, gte, inArray, lte, sql } from 'drizzle-orm';
import { referralLetters, referralStrengthRules } from '../../../db/schema';
import { addCalendarDays, daysBetween } from '../../../shared/calendar-date';
import {
  DEFAULT_STRENGTH_RULES,
  type StrengthInput,
  type StrengthRules,
  scoreStrength,
} from '../../../shared/referral-strength';
import type { AuditLog } from '../../lib/audit-log';
import type { TenantDb } from '../../lib/tenant-db';
import { iso } from '../../lib/time';
import { dayCounts, sumWhen } from './referral-rollup';

export async function strengthRules(tenant: TenantDb) {
  const [row] = await tenant.select(referralStrengthRules);
  return { rules: row?.rules ?? DEFAULT_STRENGTH_RULES, updatedAt: row?.updatedAt ?? null };
}

export async function saveStrengthRules(
  tenant: TenantDb,
  audit: AuditLog,
  userId: string,
  rules: StrengthRules,
) {
  const now = iso();
  await tenant.batch([
    tenant.insert(referralStrengthRules, { rules, updatedBy: userId, updatedAt: now }).onConflictDoUpdate({
      target: referralStrengthRules.organizationId,
      set: { rules, updatedBy: userId, updatedAt: now },
    }),
    audit.statement({
      action: 'update',
      entityType: 'referral_strength_rules',
      entityId: tenant.organizationId,
    }),
  ]);
  return { rules, updatedAt: now };
}

/**
 * Letters owed to each provider over the frequency window and those sent on
 * time. A letter is owed from the day its event queued it; one still waiting
 * counts as owed only once its time to be sent on time has run out, so a
 * letter queued this morning does not pull the score down yet.
 */
async function lettersOwed(tenant: TenantDb, ids: string[], rules: StrengthRules, today: string) {
  const windowFrom = addCalendarDays(today, 1 - rules.frequency.windowDays);
  const lateFrom = addCalendarDays(today, -rules.letters.onTimeDays);
  const queuedOn = sql`substr(${referralLetters.createdAt}, 1, 10)`;
  const sent = sql`${referralLetters.status} = 'sent'`;
  const onTime = sql`${sent} and julianday(substr(${referralLetters.sentAt}, 1, 10)) - julianday(${queuedOn}) <= ${rules.letters.onTimeDays}`;
  const rows = await tenant
    .selectFields(
      {
        providerId: referralLetters.providerId,
        due: sql<number>`sum(case when ${sent} or ${queuedOn} < ${lateFrom} then 1 else 0 end)`,
        onTime: sql<number>`sum(case when ${onTime} then 1 else 0 end)`,
      },
      referralLetters,
      and(inArray(referralLetters.providerId, ids), gte(referralLetters.createdAt, windowFrom)),
    )
    .groupBy(referralLetters.providerId);
  const byId = new Map(rows.map((r) => [r.providerId, r]));
  return new Map(
    ids.map((id) => [
      id,
      { lettersDue: Number(byId.get(id)?.due ?? 0), lettersOnTime: Number(byId.get(id)?.onTime ?? 0) },
    ]),
  );
}

/** The rule inputs of each provider as of `today`, from one grouped query over their day counts. */
export async function strengthInputs(
  tenant: TenantDb,
  ids: string[],
  rules: StrengthRules,
  today: string,
): Promise<Map<string, StrengthInput>> {
  if (!ids.length) return new Map();
  const windowFrom = addCalendarDays(today, 1 - rules.frequency.windowDays);
  const recentFrom = addCalendarDays(today, 1 - rules.trend.windowDays);
  const previousFrom = addCalendarDays(recentFrom, -rules.trend.windowDays);
  const day = dayCounts.day;
  const rows = await tenant
    .selectFields(
      {
        providerId: dayCounts.providerId,
        last: sql<string | null>`max(case when ${dayCounts.referrals} > 0 then ${day} end)`,
        window: sumWhen('referrals', gte(day, windowFrom)),
        conversions: sumWhen('conversions', gte(day, windowFrom)),
        recent: sumWhen('referrals', gte(day, recentFrom)),
        previous: sumWhen('referrals', sql`${day} >= ${previousFrom} and ${day} < ${recentFrom}`),
      },
      dayCounts,
      and(inArray(dayCounts.providerId, ids), lte(day, today)),
    )
    .groupBy(dayCounts.providerId);
  const byId = new Map(rows.map((r) => [r.providerId, r]));
  const letters = await lettersOwed(tenant, ids, rules, today);
  return new Map(
    ids.map((id) => {
      const r = byId.get(id);
      const owed = letters.get(id) ?? { lettersDue: 0, lettersOnTime: 0 };
      return [
        id,
        {
          daysSinceLastReferral: r?.last ? daysBetween(r.last, today) : null,
          windowReferrals: Number(r?.window ?? 0),
          windowConversions: Number(r?.conversions ?? 0),
          trendRecent: Number(r?.recent ?? 0),
          trendPrevious: Number(r?.previous ?? 0),
          ...owed,
        },
      ];
    }),
  );
}

/** Scores with their reasons for each provider, as of `today`. */
export async function providerStrengths(tenant: TenantDb, ids: string[], today: string) {
  const { rules } = await strengthRules(tenant);
  const inputs = await strengthInputs(tenant, ids, rules, today);
  return new Map([...inputs].map(([id, input]) => [id, scoreStrength(input, rules)]));
}
