import { and, eq, gte, isNull, lt } from 'drizzle-orm';
import { leadActivities, leadSources } from '../../../db/schema';
import type { AuditLog } from '../../lib/audit-log';
import type { TenantDb } from '../../lib/tenant-db';
import { countLeads } from './lead-counts';
import { listStages } from './pipeline';

type Period = { from: string; to: string };

const rate = (won: number, total: number) => (total ? Math.round((won / total) * 1000) / 10 : 0);

/**
 * Everything the leads dashboard draws, for one period, from one call: the
 * funnel by stage, conversion by source and by coordinator, average days spent
 * in each stage before moving on, and new leads per week.
 */
export async function leadAnalytics(tenant: TenantDb, audit: AuditLog, period: Period) {
  const [stages, sources, { groups, days }, moves] = await Promise.all([
    listStages(tenant),
    tenant.select(leadSources),
    countLeads(tenant, period),
    tenant.select(
      leadActivities,
      and(
        eq(leadActivities.kind, 'stage_change'),
        // A merged-away lead's moves were its own journey, not the surviving lead's.
        isNull(leadActivities.mergedFrom),
        gte(leadActivities.createdAt, period.from),
        lt(leadActivities.createdAt, period.to),
      ),
    ),
  ]);
  const wonStages = new Set(stages.filter((s) => s.outcome === 'won').map((s) => s.id));
  const isWon = (g: (typeof groups)[number]) => wonStages.has(g.stageId) || !!g.converted;
  const tally = (these: typeof groups) => {
    const total = these.reduce((n, g) => n + g.leads, 0);
    const won = these.filter(isWon).reduce((n, g) => n + g.leads, 0);
    return { leads: total, won, conversionRate: rate(won, total) };
  };

  const funnel = stages.map((s) => ({
    stageId: s.id,
    name: s.name,
    outcome: s.outcome,
    leads: tally(groups.filter((g) => g.stageId === s.id)).leads,
  }));

  const bySource = [
    ...sources.map((s) => ({ id: s.id as string | null, name: s.name })),
    { id: null, name: 'No source' },
  ]
    .map((s) => ({ sourceId: s.id, name: s.name, ...tally(groups.filter((g) => g.sourceId === s.id)) }))
    .filter((s) => s.leads > 0);

  const coordinators = [...new Set(groups.map((g) => g.coordinatorId))];
  const byCoordinator = coordinators.map((id) => ({
    coordinatorId: id,
    ...tally(groups.filter((g) => g.coordinatorId === id)),
  }));

  const timeInStage = stages.map((s) => {
    // By stage id; moves recorded before ids were kept match by the name they had.
    const left = moves.filter(
      (m) =>
        (m.detail?.fromStageId ? m.detail.fromStageId === s.id : m.detail?.from === s.name) &&
        typeof m.detail?.daysInStage === 'number',
    );
    const days = left.map((m) => m.detail!.daysInStage as number);
    return {
      stageId: s.id,
      name: s.name,
      moves: days.length,
      averageDays: days.length ? Math.round((days.reduce((a, b) => a + b, 0) / days.length) * 10) / 10 : null,
    };
  });

  // Weeks start on Monday (UTC).
  const weekOf = (day: string) => {
    const d = new Date(`${day}T00:00:00Z`);
    d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
    return d.toISOString().slice(0, 10);
  };
  const weeks = new Map<string, number>();
  for (const d of days) weeks.set(weekOf(d.day), (weeks.get(weekOf(d.day)) ?? 0) + d.leads);
  const newLeads = [...weeks.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([week, count]) => ({ week, leads: count }));
  const totals = tally(groups);

  audit.record({ action: 'read', entityType: 'lead_analytics', detail: { ...period, leads: totals.leads } });
  return {
    period,
    totals,
    funnel,
    bySource,
    byCoordinator,
    timeInStage,
    newLeads,
  };
}
