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

/** What a lead's score is computed from, besides the lead itself. */
export type ScoreContext = {
  stages: { id: string; outcome: string }[];
  rules: ScoringRules;
  /** The channel of the lead's source, when it has one. */
  sourceChannel: string | null;
  /** Calls, emails and notes the team logged. */
  logged: number;
};

/** Activities that count as contact the team made; system entries (created, stage changes) do not. */
export const CONTACT_KINDS = ['call', 'email', 'note'] as const;

export function scoreFor(lead: typeof leads.$inferSelect, context: ScoreContext) {
  const stageIndex = Math.max(
    0,
    context.stages.findIndex((s) => s.id === lead.stageId),
  );
  return scoreLead(
    {
      sourceChannel: context.sourceChannel,
      email: lead.email,
      phone: lead.phone,
      dateOfBirth: lead.dateOfBirth,
      hasResponsibleParty: !!lead.responsibleParty,
      createdAt: lead.createdAt,
      activities: context.logged,
      stageIndex,
      stageOutcome: (context.stages[stageIndex]?.outcome as 'open' | 'won' | 'lost') ?? 'open',
    },
    context.rules,
  );
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
  const logged = timeline.filter((a) => (CONTACT_KINDS as readonly string[]).includes(a.kind)).length;
  audit.record({ action: 'read', entityType: 'lead_score', entityId: id });
  return scoreFor(lead, { stages, rules, sourceChannel: sources[0]?.channel ?? null, logged });
}
