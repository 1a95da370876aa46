import { and, desc, eq } from 'drizzle-orm';
import { automationRules, automationRuleVersions, automationRuns, facilities } from '../../../db/schema';
import {
  type Rule,
  type RuleDefinition,
  ruleDefinitionSchema,
} from '../../../shared/schemas/automation-rules';
import type { AuditLog } from '../../lib/audit-log';
import { newId } from '../../lib/crypto';
import type { TenantDb } from '../../lib/tenant-db';
import { iso } from '../../lib/time';
import type { AuthContext } from '../auth/session-context';
import { idsByKey, refuseMissing } from '../cases/sync-lookups';
import { refuseBadActionReferences } from './action-references';
import { actsOfRuns } from './acts';
import { dryRunRule } from './dry-run';
import { POPULATION_SPECS, requirePopulationView } from './populations';

type Row = typeof automationRules.$inferSelect;
const definitionOf = (r: { definition: unknown }) => ruleDefinitionSchema.parse(r.definition);
const toRule = (r: Row): Rule => ({
  id: r.id,
  status: r.status as Rule['status'],
  version: r.version,
  definition: definitionOf(r),
  createdAt: r.createdAt,
  updatedAt: r.updatedAt,
});

/** Templates, staff, endpoints and locations a definition names must be the organisation's own. */
async function refuseUnknownReferences(tenant: TenantDb, d: RuleDefinition) {
  await refuseBadActionReferences(tenant, d.actions);
  const locations = await idsByKey(tenant, facilities, facilities.id, facilities.id, d.facilityIds);
  refuseMissing(
    d.facilityIds.map((facilityId) => ({ facilityId })),
    'facilityId',
    locations,
    'location',
  );
}

export async function listRules(tenant: TenantDb) {
  const rows = await tenant.select(automationRules).orderBy(desc(automationRules.createdAt));
  return { items: rows.map(toRule) };
}

export async function getRule(tenant: TenantDb, id: string) {
  return toRule(await tenant.get(automationRules, id, 'Automation'));
}

/** A new rule is a draft: it acts only once started with Play. */
export async function createRule(
  tenant: TenantDb,
  audit: AuditLog,
  auth: AuthContext,
  definition: RuleDefinition,
) {
  await refuseUnknownReferences(tenant, definition);
  const id = newId('rul');
  const now = iso();
  await tenant.batch([
    tenant.insert(automationRules, {
      id,
      status: 'draft',
      version: 1,
      definition,
      createdBy: auth.userId,
      createdAt: now,
      updatedAt: now,
    }),
    tenant.insert(automationRuleVersions, {
      id: newId('rlv'),
      ruleId: id,
      version: 1,
      definition,
      createdAt: now,
    }),
    audit.statement({ action: 'create', entityType: 'automation_rule', entityId: id }),
  ]);
  return getRule(tenant, id);
}

/**
 * Editing a draft rewrites it; editing a rule that has run (running or
 * paused) makes a new version, so history keeps which version acted, and the
 * new version acts on its own (exactly once per version, subject and occurrence).
 */
export async function updateRule(tenant: TenantDb, audit: AuditLog, id: string, definition: RuleDefinition) {
  const current = await tenant.get(automationRules, id, 'Automation');
  await refuseUnknownReferences(tenant, definition);
  const now = iso();
  const version = current.status === 'draft' ? current.version : current.version + 1;
  await tenant.batch([
    tenant.update(automationRules, { definition, version, updatedAt: now }, eq(automationRules.id, id)),
    current.status === 'draft'
      ? tenant.update(
          automationRuleVersions,
          { definition },
          and(eq(automationRuleVersions.ruleId, id), eq(automationRuleVersions.version, version)),
        )
      : tenant.insert(automationRuleVersions, {
          id: newId('rlv'),
          ruleId: id,
          version,
          definition,
          createdAt: now,
        }),
    audit.statement({ action: 'update', entityType: 'automation_rule', entityId: id, detail: { version } }),
  ]);
  return getRule(tenant, id);
}

/** Play (`running`) or Pause (`paused`). */
export async function setRuleStatus(
  tenant: TenantDb,
  audit: AuditLog,
  id: string,
  status: 'running' | 'paused',
) {
  const current = await tenant.get(automationRules, id, 'Automation');
  if (current.status === status) return toRule(current);
  await tenant.batch([
    tenant.update(automationRules, { status, updatedAt: iso() }, eq(automationRules.id, id)),
    audit.statement({ action: 'update', entityType: 'automation_rule', entityId: id, detail: { status } }),
  ]);
  return getRule(tenant, id);
}

/** The dry run names subjects, so the caller must be allowed to see the rule's population. */
export async function dryRun(tenant: TenantDb, audit: AuditLog, auth: AuthContext, id: string) {
  const rule = await tenant.get(automationRules, id, 'Automation');
  const definition = definitionOf(rule);
  requirePopulationView(auth, audit, definition.population);
  const result = await dryRunRule(tenant, { ruleId: id, version: rule.version, definition });
  audit.record({
    action: 'read',
    entityType: POPULATION_SPECS[definition.population].entity,
    detail: { for: 'automation_dry_run', ruleId: id, subjectIds: result.sample.map((s) => s.subjectId) },
  });
  return result;
}

/** What a rule did, newest first; `subjectId` narrows it to one subject (a case, lead, …). */
export async function listRuns(tenant: TenantDb, query: { ruleId?: string; subjectId?: string }) {
  const rows = await tenant
    .select(
      automationRuns,
      and(
        query.ruleId ? eq(automationRuns.ruleId, query.ruleId) : undefined,
        query.subjectId ? eq(automationRuns.subjectId, query.subjectId) : undefined,
      ),
    )
    .orderBy(desc(automationRuns.createdAt))
    .limit(200);
  const acts = await actsOfRuns(
    tenant,
    rows.map((r) => r.id),
  );
  return {
    items: rows.map((r) => ({
      id: r.id,
      actions: acts.get(r.id) ?? [],
      ruleId: r.ruleId,
      version: r.version,
      subjectId: r.subjectId,
      occurrence: r.occurrence,
      outboxMessageId: r.outboxMessageId,
      createdAt: r.createdAt,
    })),
  };
}
