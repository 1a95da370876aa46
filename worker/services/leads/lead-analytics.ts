import { and, eq, gte, lt } from 'drizzle-orm';
import { leadActivities, leadSources, leads } from '../../../db/schema';
import type { AuditLog } from '../../lib/audit-log';
import type { TenantDb } from '../../lib/tenant-db';
import { listStages } from './pipeline';

type Period = { from: string; to: string };

const rate = (won: number, total: number) => (total ? Math.round((won / total) * 1000) / 10 : 0);

/**
 * Everything the leads dashboard draws, for one period, from one call: the
 * funnel by stage, conversion by source and by coordinator, average days spent
 * in each stage before moving on, and new leads per week.
 */
export async function leadAnalytics(tenant: TenantDb, audit: AuditLog, period: Period) {
  const [stages, sources, rows, moves] = await Promise.all([
    listStages(tenant),
    tenant.select(leadSources),
    tenant.select(leads, and(gte(leads.createdAt, period.from), lt(leads.createdAt, period.to))),
    tenant.select(
      leadActivities,
      and(
        eq(leadActivities.kind, 'stage_change'),
        gte(leadActivities.createdAt, period.from),
        lt(leadActivities.createdAt, period.to),
      ),
    ),
  ]);
  const wonStages = new Set(stages.filter((s) => s.outcome === 'won').map((s) => s.id));
  const isWon = (l: (typeof rows)[number]) => wonStages.has(l.stageId) || !!l.patientId;

  const funnel = stages.map((s) => ({
    stageId: s.id,
    name: s.name,
    outcome: s.outcome,
    leads: rows.filter((l) => l.stageId === s.id).length,
  }));

  const bySource = [
    ...sources.map((s) => ({ id: s.id as string | null, name: s.name })),
    { id: null, name: 'No source' },
  ]
    .map((s) => {
      const these = rows.filter((l) => l.sourceId === s.id);
      const won = these.filter(isWon).length;
      return {
        sourceId: s.id,
        name: s.name,
        leads: these.length,
        won,
        conversionRate: rate(won, these.length),
      };
    })
    .filter((s) => s.leads > 0);

  const coordinators = [...new Set(rows.map((l) => l.coordinatorId))];
  const byCoordinator = coordinators.map((id) => {
    const these = rows.filter((l) => l.coordinatorId === id);
    const won = these.filter(isWon).length;
    return { coordinatorId: id, leads: these.length, won, conversionRate: rate(won, these.length) };
  });

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
  const weekOf = (isoTime: string) => {
    const d = new Date(isoTime);
    d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
    return d.toISOString().slice(0, 10);
  };
  const weeks = new Map<string, number>();
  for (const l of rows) weeks.set(weekOf(l.createdAt), (weeks.get(weekOf(l.createdAt)) ?? 0) + 1);
  const newLeads = [...weeks.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([week, count]) => ({ week, leads: count }));

  audit.record({ action: 'read', entityType: 'lead_analytics', detail: { ...period, leads: rows.length } });
  return {
    period,
    totals: {
      leads: rows.length,
      won: rows.filter(isWon).length,
      conversionRate: rate(rows.filter(isWon).length, rows.length),
    },
    funnel,
    bySource,
    byCoordinator,
    timeInStage,
    newLeads,
  };
}
