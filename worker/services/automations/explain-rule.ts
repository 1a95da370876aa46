import { and, eq, type SQL, sql } from 'drizzle-orm';
import { automationRules, automationRuns } from '../../../db/schema';
import { type RuleCondition, ruleDefinitionSchema } from '../../../shared/schemas/automation-rules';
import { notFound } from '../../lib/app-error';
import type { AuditLog } from '../../lib/audit-log';
import type { TenantDb } from '../../lib/tenant-db';
import { iso } from '../../lib/time';
import type { AuthContext } from '../auth/session-context';
import { conditionSql, conditionsSql, ruleMatchSql } from './compile-conditions';
import { loadPopulation, requirePopulationView } from './populations';

type Check = { label: string; test: SQL; condition?: RuleCondition };

/**
 * Why a rule did or did not act on a subject of its population: its runs for
 * the subject, and, when the subject does not match now, the first check that
 * failed (a location, the date window, or a condition with the subject's
 * actual value), each evaluated by the same SQL the engine runs.
 */
export async function explainRule(
  tenant: TenantDb,
  audit: AuditLog,
  auth: AuthContext,
  ruleId: string,
  subjectId: string,
  now = iso(),
) {
  const rule = await tenant.get(automationRules, ruleId, 'Automation');
  const definition = ruleDefinitionSchema.parse(rule.definition);
  requirePopulationView(auth, audit, definition.population);
  const population = await loadPopulation(tenant, definition);
  const { spec } = population;
  const fields = population.fieldsAt(now);
  const checks: Check[] = [];
  const locations = spec.atLocations(definition.facilityIds);
  if (definition.facilityIds.length && locations) checks.push({ label: 'location', test: locations });
  definition.conditions.conditions.forEach((c, i) => {
    if ('field' in c)
      checks.push({ label: `conditions.${i}`, test: conditionSql(c, fields, now), condition: c });
    else
      checks.push({
        label: `conditions.${i}`,
        test: conditionsSql({ match: c.match, conditions: c.conditions }, fields, now),
      });
  });
  const [row] = await tenant
    .selectFields(
      {
        matches: sql<number>`coalesce(${and(ruleMatchSql(definition, fields, now), locations)}, 0)`,
        ...Object.fromEntries(checks.map((c, i) => [`c${i}`, sql<number | null>`${c.test}`])),
        ...Object.fromEntries(
          checks.map((c, i) => [`v${i}`, c.condition ? sql`${fields.sql[c.condition.field]}` : sql`null`]),
        ),
      },
      spec.table,
      and(eq(spec.id, subjectId), spec.visible(tenant)),
    )
    .limit(1);
  if (!row) throw notFound(spec.noun);
  const values = row as Record<string, unknown>;
  const runs = await tenant
    .select(automationRuns, and(eq(automationRuns.ruleId, ruleId), eq(automationRuns.subjectId, subjectId)))
    .orderBy(automationRuns.createdAt);
  audit.record({
    action: 'read',
    entityType: spec.entity,
    entityId: subjectId,
    detail: { for: 'automation_explain', ruleId },
  });
  const failing = checks.findIndex((_, i) => !values[`c${i}`]);
  const firstFailed =
    row.matches || failing < 0
      ? null
      : {
          check: checks[failing]!.label,
          condition: checks[failing]!.condition ?? null,
          actual: (values[`v${failing}`] ?? null) as string | number | null,
        };
  return {
    matchesNow: !!row.matches,
    // With `any`, no single condition is at fault: the first is named as the one to look at.
    firstFailed:
      firstFailed ?? (row.matches ? null : { check: 'date window', condition: null, actual: null }),
    runs: runs.map((r) => ({ version: r.version, occurrence: r.occurrence, at: r.createdAt })),
  };
}
