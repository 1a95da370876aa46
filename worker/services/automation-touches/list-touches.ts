import { and, desc, eq, inArray, or, type SQL, sql } from 'drizzle-orm';
import { automationRuleVersions, automationRuns, cases, leads, patients } from '../../../db/schema';
import type { AutomationTouch, AutomationTouchQuery } from '../../../shared/schemas/automation-touches';
import { notFound } from '../../lib/app-error';
import type { AuditLog } from '../../lib/audit-log';
import type { TenantDb } from '../../lib/tenant-db';

/** A page of history is plenty beside a record; the full history is per rule (`/automation-rules/runs`). */
const LIMIT = 100;

/**
 * Which subjects' runs a record's page shows, once the record is known to be
 * visible (another organisation's or facility's answers 404 like a missing one):
 * a patient's own and their cases', a lead's own, or one case's.
 */
async function subjectsOf(tenant: TenantDb, query: AutomationTouchQuery): Promise<[string, string, SQL]> {
  if (query.patientId) {
    const id = query.patientId;
    const [found] = await tenant
      .selectFields(
        { id: patients.id },
        patients,
        and(eq(patients.id, id), tenant.facilityFilter(patients.facilityId)),
      )
      .limit(1);
    if (!found) throw notFound('Patient');
    // A subquery rather than a list of ids: a patient's cases never meet D1's parameter limit.
    const ofCases = sql`${automationRuns.subjectId} in (select ${cases.id} from ${cases} where ${cases.organizationId} = ${tenant.organizationId} and ${cases.patientId} = ${id})`;
    return ['patient', id, or(eq(automationRuns.subjectId, id), ofCases) as SQL];
  }
  if (query.leadId) {
    await tenant.get(leads, query.leadId, 'Lead');
    return ['lead', query.leadId, eq(automationRuns.subjectId, query.leadId)];
  }
  const id = query.caseId ?? '';
  const [found] = await tenant
    .selectFields({ id: cases.id }, cases, and(eq(cases.id, id), tenant.facilityFilter(cases.facilityId)))
    .limit(1);
  if (!found) throw notFound('Case');
  return ['case', id, eq(automationRuns.subjectId, id)];
}

/** The name each acting version had, from the versions kept beside the rule. */
async function versionNames(tenant: TenantDb, ruleIds: string[]) {
  if (!ruleIds.length) return new Map<string, string>();
  const rows = await tenant.selectFields(
    {
      ruleId: automationRuleVersions.ruleId,
      version: automationRuleVersions.version,
      definition: automationRuleVersions.definition,
    },
    automationRuleVersions,
    inArray(automationRuleVersions.ruleId, ruleIds),
  );
  return new Map(rows.map((r) => [`${r.ruleId}:${r.version}`, String(r.definition.name ?? '')]));
}

/** The automations that acted on a patient (or their cases), a lead or a case, newest first. */
export async function listAutomationTouches(
  tenant: TenantDb,
  audit: AuditLog,
  query: AutomationTouchQuery,
): Promise<{ items: AutomationTouch[] }> {
  const [entityType, entityId, where] = await subjectsOf(tenant, query);
  const runs = await tenant
    .select(automationRuns, where)
    .orderBy(desc(automationRuns.createdAt), desc(automationRuns.id))
    .limit(LIMIT);
  const names = await versionNames(tenant, [...new Set(runs.map((r) => r.ruleId))]);
  audit.record({ action: 'read', entityType, entityId, detail: { for: 'automation_history' } });
  return {
    items: runs.map((r) => ({
      id: r.id,
      ruleId: r.ruleId,
      ruleName: names.get(`${r.ruleId}:${r.version}`) ?? '',
      version: r.version,
      subjectId: r.subjectId,
      occurrence: r.occurrence,
      messageQueued: r.outboxMessageId !== null,
      createdAt: r.createdAt,
    })),
  };
}
