import { eq } from 'drizzle-orm';
import { leadActivities, leadScoringRules, leadSources, leads } from '../../../db/schema';
import { DEFAULT_SCORING_RULES, type ScoringRules, scoreLead } from '../../../shared/lead-scoring';
import type { AuditLog } from '../../lib/audit-log';
import type { TenantDb } from '../../lib/tenant-db';
import { iso } from '../../lib/time';
import { listStages } from './pipeline';

export async function scoringRules(tenant: TenantDb): Promise<ScoringRules> {
  const [row] = await tenant.select(leadScoringRules);
  return row?.rules ?? DEFAULT_SCORING_RULES;
}

export async function saveScoringRules(
  tenant: TenantDb,
  audit: AuditLog,
  userId: string,
  rules: ScoringRules,
) {
  const now = iso();
  await tenant.batch([
    tenant.insert(leadScoringRules, { rules, updatedBy: userId, updatedAt: now }).onConflictDoUpdate({
      target: leadScoringRules.organizationId,
      set: { rules, updatedBy: userId, updatedAt: now },
    }),
    audit.statement({ action: 'update', entityType: 'lead_scoring_rules', entityId: tenant.organizationId }),
  ]);
  return rules;
}

/** A lead's score from the organisation's rules, with the rules that contributed. */
export async function leadScore(tenant: TenantDb, audit: AuditLog, id: string) {
  const lead = await tenant.get(leads, id, 'Lead');
  const [stages, rules, sources, timeline] = await Promise.all([
    listStages(tenant),
    scoringRules(tenant),
    lead.sourceId ? tenant.select(leadSources, eq(leadSources.id, lead.sourceId)) : Promise.resolve([]),
    tenant.select(leadActivities, eq(leadActivities.leadId, id)),
  ]);
  const stageIndex = Math.max(
    0,
    stages.findIndex((s) => s.id === lead.stageId),
  );
  const stage = stages[stageIndex];
  // Contacts the team made count; system entries (created, stage changes, assignments) do not.
  const logged = timeline.filter((a) => a.kind === 'call' || a.kind === 'email' || a.kind === 'note').length;
  audit.record({ action: 'read', entityType: 'lead_score', entityId: id });
  return scoreLead(
    {
      sourceChannel: sources[0]?.channel ?? null,
      email: lead.email,
      phone: lead.phone,
      dateOfBirth: lead.dateOfBirth,
      hasResponsibleParty: !!lead.responsibleParty,
      createdAt: lead.createdAt,
      activities: logged,
      stageIndex,
      stageOutcome: (stage?.outcome as 'open' | 'won' | 'lost') ?? 'open',
    },
    rules,
  );
}
