import { and, not, type SQL, sql } from 'drizzle-orm';
import { addCalendarDays } from '../../../shared/calendar-date';
import type { DryRun, RuleDefinition } from '../../../shared/schemas/automation-rules';
import type { TenantDb } from '../../lib/tenant-db';
import { DAY, iso } from '../../lib/time';
import { ruleMatchSql } from './compile-conditions';
import { dueSubjectsSql, type RuleVersionRef } from './evaluate-rule';
import { type LoadedPopulation, loadPopulation } from './populations';

const SAMPLE = 10;

/** The fields a rule's conditions test, each once: what a sample shows beside each subject. */
function testedFields(rule: RuleDefinition) {
  const names = rule.conditions.conditions.flatMap((c) =>
    'field' in c ? [c.field] : c.conditions.map((inner) => inner.field),
  );
  if (rule.type === 'relative' && rule.relativeField) names.push(rule.relativeField);
  return [...new Set(names)];
}

const periodOf = (rule: RuleDefinition, now: string) =>
  Math.floor(Date.parse(`${now.slice(0, 10)}T00:00:00Z`) / DAY / (rule.everyDays ?? 1));

/** Subjects the rule acts on for the first time on `d` days from now: newly matching, or every match on a new period's first day. */
function enteringSql(rule: RuleDefinition, population: LoadedPopulation, nowMs: number, d: number): SQL {
  const dayNow = iso(nowMs + d * DAY);
  const dayBefore = iso(nowMs + (d - 1) * DAY);
  const matchOn = (at: string) => ruleMatchSql(rule, population.fieldsAt(at), at);
  const newPeriod = rule.type === 'recurring' && periodOf(rule, dayNow) !== periodOf(rule, dayBefore);
  return newPeriod ? matchOn(dayNow) : (and(matchOn(dayNow), not(matchOn(dayBefore))) as SQL);
}

/**
 * What a rule would do, changing nothing: how many subjects of its population
 * match now and are due, a sample with the values its conditions tested, and
 * the sends of each of the next 7 days. Every count runs in the database.
 */
export async function dryRunRule(tenant: TenantDb, ref: RuleVersionRef, nowMs = Date.now()): Promise<DryRun> {
  const now = iso(nowMs);
  const rule = ref.definition;
  const population = await loadPopulation(tenant, rule);
  const { spec, scope } = population;
  const fields = population.fieldsAt(now);
  const shown = testedFields(rule);
  const [matching, due, sample] = await Promise.all([
    tenant.count(spec.table, and(ruleMatchSql(rule, fields, now), scope)),
    tenant.count(spec.table, dueSubjectsSql(population, ref, now)),
    tenant
      .selectFields(
        {
          subjectId: spec.id,
          ...Object.fromEntries(shown.map((f) => [f, sql<string | number | null>`${fields.sql[f]}`])),
        },
        spec.table,
        and(ruleMatchSql(rule, fields, now), scope),
      )
      .limit(SAMPLE),
  ]);
  const today = now.slice(0, 10);
  const forecast: DryRun['forecast'] = [{ date: today, sends: due * rule.actions.length }];
  for (let d = 1; d < 7; d++) {
    const sends = await tenant.count(spec.table, and(enteringSql(rule, population, nowMs, d), scope));
    forecast.push({ date: addCalendarDays(today, d), sends: sends * rule.actions.length });
  }
  return {
    matching,
    due,
    sample: sample.map(({ subjectId, ...values }) => ({
      subjectId: String(subjectId),
      ...(rule.population === 'cases' ? { caseId: String(subjectId) } : {}),
      values: values as Record<string, string | number | null>,
    })),
    forecast,
  };
}
