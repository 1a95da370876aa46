import { and, not, type SQL, sql } from 'drizzle-orm';
import { cases } from '../../../db/schema';
import { addCalendarDays } from '../../../shared/calendar-date';
import type { DryRun, RuleDefinition } from '../../../shared/schemas/automation-rules';
import type { TenantDb } from '../../lib/tenant-db';
import { DAY, iso } from '../../lib/time';
import { caseFieldSql, ruleMatchSql } from './compile-conditions';
import { dueCasesSql, type RuleVersionRef } from './evaluate-rule';

const SAMPLE = 10;

/** The fields a rule's conditions test, each once: what a sample shows beside each case. */
function testedFields(rule: RuleDefinition) {
  const names = rule.conditions.conditions.flatMap((c) =>
    'field' in c ? [c.field] : c.conditions.map((inner) => inner.field),
  );
  if (rule.type === 'relative' && rule.relativeField) names.push(rule.relativeField);
  return [...new Set(names)];
}

/**
 * What a rule would do, changing nothing: how many cases match now and are
 * due, a sample with the values its conditions tested, and the sends of each
 * of the next 7 days (cases that newly match that day, or every match on the
 * first day of a recurring rule's new period). All counts run in the database.
 */
export async function dryRunRule(tenant: TenantDb, ref: RuleVersionRef, nowMs = Date.now()): Promise<DryRun> {
  const now = iso(nowMs);
  const rule = ref.definition;
  const visible = tenant.facilityFilter(cases.facilityId);
  const fields = caseFieldSql(now);
  const shown = testedFields(rule);
  const [matching, due, sample] = await Promise.all([
    tenant.count(cases, and(ruleMatchSql(rule, now), visible)),
    tenant.count(cases, dueCasesSql(tenant, ref, now)),
    tenant
      .selectFields(
        {
          caseId: cases.id,
          ...Object.fromEntries(shown.map((f) => [f, sql<string | number | null>`${fields[f]}`])),
        },
        cases,
        and(ruleMatchSql(rule, now), visible),
      )
      .limit(SAMPLE),
  ]);
  const today = now.slice(0, 10);
  const forecast: DryRun['forecast'] = [{ date: today, sends: due * rule.actions.length }];
  for (let d = 1; d < 7; d++) {
    const dayNow = iso(nowMs + d * DAY);
    const dayBefore = iso(nowMs + (d - 1) * DAY);
    const newPeriod =
      rule.type === 'recurring' &&
      Math.floor(Date.parse(`${dayNow.slice(0, 10)}T00:00:00Z`) / DAY / (rule.everyDays ?? 1)) !==
        Math.floor(Date.parse(`${dayBefore.slice(0, 10)}T00:00:00Z`) / DAY / (rule.everyDays ?? 1));
    const entering: SQL = newPeriod
      ? ruleMatchSql(rule, dayNow)
      : (and(ruleMatchSql(rule, dayNow), not(ruleMatchSql(rule, dayBefore))) as SQL);
    const sends = await tenant.count(cases, and(entering, visible));
    forecast.push({ date: addCalendarDays(today, d), sends: sends * rule.actions.length });
  }
  return {
    matching,
    due,
    sample: sample.map(({ caseId, ...values }) => ({
      caseId: String(caseId),
      values: values as Record<string, string | number | null>,
    })),
    forecast,
  };
}
