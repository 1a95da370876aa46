import { and, count, desc, eq, inArray, isNull, min } from 'drizzle-orm';
import { leadActivities, leads, leadTasks } from '../../../db/schema';
import { COUNT_CAP } from '../../../shared/schemas/common';
import type { LeadBoard } from '../../../shared/schemas/lead-board';
import type { AuditLog } from '../../lib/audit-log';
import { chunk, IN_LIST_MAX } from '../../lib/d1-limits';
import type { TenantDb } from '../../lib/tenant-db';
import { CONTACT_KINDS, scoreFor, scoringRules } from './lead-score';
import { listSources, listStages } from './pipeline';

/**
 * The pipeline as a board: every stage in order with its full count, and its
 * newest leads as cards carrying their score and next follow-up. Everything is
 * read in a fixed number of queries whatever the board holds: each stage's
 * count (up to 1,000) and column from the leads_org_stage index, then the
 * contacts and follow-ups of the cards shown in lists of ids D1 accepts.
 */
export async function leadBoard(
  tenant: TenantDb,
  audit: AuditLog,
  query: { coordinatorId?: string; perStage: number },
): Promise<LeadBoard> {
  const [stages, rules, sources] = await Promise.all([
    listStages(tenant),
    scoringRules(tenant),
    listSources(tenant),
  ]);
  const live = and(
    isNull(leads.mergedInto),
    query.coordinatorId ? eq(leads.coordinatorId, query.coordinatorId) : undefined,
  );
  const [totals, columns] = await Promise.all([
    // Each stage counted along leads_org_stage and only up to the cap, never every lead.
    Promise.all(
      stages.map((s) => tenant.countUpTo(leads, and(live, eq(leads.stageId, s.id)), COUNT_CAP + 1)),
    ),
    Promise.all(
      stages.map((s) =>
        tenant
          .select(leads, and(live, eq(leads.stageId, s.id)))
          .orderBy(desc(leads.createdAt), desc(leads.id))
          .limit(query.perStage),
      ),
    ),
  ]);
  const ids = columns.flat().map((l) => l.id);
  const [logged, next] = await Promise.all([contactsOf(tenant, ids), nextFollowUpsOf(tenant, ids)]);
  const channelOf = new Map(sources.map((s) => [s.id, s.channel]));
  audit.record({
    action: 'list',
    entityType: 'lead',
    detail: { board: true, count: ids.length, leadIds: ids },
  });
  return {
    columns: stages.map((stage, i) => ({
      stageId: stage.id,
      name: stage.name,
      outcome: stage.outcome as 'open' | 'won' | 'lost',
      total: Math.min(totals[i] ?? 0, COUNT_CAP),
      totalIsAtLeast: (totals[i] ?? 0) > COUNT_CAP,
      leads: (columns[i] ?? []).map((lead) => ({
        id: lead.id,
        firstName: lead.firstName,
        lastName: lead.lastName,
        coordinatorId: lead.coordinatorId,
        stageEnteredAt: lead.stageEnteredAt,
        createdAt: lead.createdAt,
        score: scoreFor(lead, {
          stages,
          rules,
          sourceChannel: (lead.sourceId && channelOf.get(lead.sourceId)) || null,
          logged: logged.get(lead.id) ?? 0,
        }).score,
        nextFollowUpAt: next.get(lead.id) ?? null,
      })),
    })),
  };
}

/** Calls, emails and notes logged on each lead. */
async function contactsOf(tenant: TenantDb, ids: string[]) {
  const found = new Map<string, number>();
  for (const part of chunk(ids, IN_LIST_MAX - CONTACT_KINDS.length)) {
    const rows = await tenant
      .selectFields(
        { leadId: leadActivities.leadId, n: count() },
        leadActivities,
        and(inArray(leadActivities.leadId, part), inArray(leadActivities.kind, [...CONTACT_KINDS])),
      )
      .groupBy(leadActivities.leadId);
    for (const r of rows) found.set(r.leadId, r.n);
  }
  return found;
}

/** The earliest open follow-up of each lead. */
async function nextFollowUpsOf(tenant: TenantDb, ids: string[]) {
  const found = new Map<string, string>();
  for (const part of chunk(ids, IN_LIST_MAX)) {
    const rows = await tenant
      .selectFields(
        { leadId: leadTasks.leadId, dueAt: min(leadTasks.dueAt) },
        leadTasks,
        and(inArray(leadTasks.leadId, part), isNull(leadTasks.doneAt)),
      )
      .groupBy(leadTasks.leadId);
    for (const r of rows) if (r.dueAt) found.set(r.leadId, r.dueAt);
  }
  return found;
}
