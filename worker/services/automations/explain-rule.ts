import { and, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { automationRules, automationRuns, cases } from '../../../db/schema';
import { type RuleCondition, ruleDefinitionSchema } from '../../../shared/schemas/automation-rules';
import { notFound } from '../../lib/app-error';
import type { AuditLog } from '../../lib/audit-log';
import type { TenantDb } from '../../lib/tenant-db';
import { iso } from '../../lib/time';
import { caseFieldSql, conditionSql, conditionsSql, ruleMatchSql } from './compile-conditions';

type Check = { label: string; test: SQL; condition?: RuleCondition };

/**
 * Why a rule did or did not act on a case: its runs for the case, and, when
 * the case does not match now, the first check that failed (a location, the
 * date window, or a condition with the case's actual value), each evaluated
 * by the same SQL the engine runs.
 */
export async function explainRule(
  tenant: TenantDb,
  audit: AuditLog,
  ruleId: string,
  caseId: string,
  now = iso(),
) {
  const rule = await tenant.get(automationRules, ruleId, 'Automation');
  const definition = ruleDefinitionSchema.parse(rule.definition);
  const checks: Check[] = [];
  if (definition.facilityIds.length)
    checks.push({ label: 'location', test: inArray(cases.facilityId, definition.facilityIds) });
  definition.conditions.conditions.forEach((c, i) => {
    if ('field' in c) checks.push({ label: `conditions.${i}`, test: conditionSql(c, now), condition: c });
    else
      checks.push({
        label: `conditions.${i}`,
        test: conditionsSql({ match: c.match, conditions: c.conditions }, now),
      });
  });
  const fields = caseFieldSql(now);
  const [row] = await tenant
    .selectFields(
      {
        matches: sql<number>`coalesce(${ruleMatchSql(definition, now)}, 0)`,
        ...Object.fromEntries(checks.map((c, i) => [`c${i}`, sql<number | null>`${c.test}`])),
        ...Object.fromEntries(
          checks.map((c, i) => [`v${i}`, c.condition ? sql`${fields[c.condition.field]}` : sql`null`]),
        ),
      },
      cases,
      and(eq(cases.id, caseId), tenant.facilityFilter(cases.facilityId)),
    )
    .limit(1);
  if (!row) throw notFound('Case');
  const values = row as Record<string, unknown>;
  const runs = await tenant
    .select(automationRuns, and(eq(automationRuns.ruleId, ruleId), eq(automationRuns.subjectId, caseId)))
    .orderBy(automationRuns.createdAt);
  audit.record({
    action: 'read',
    entityType: 'case',
    entityId: caseId,
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
