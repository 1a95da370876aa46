import { and, count, gte, isNull, lt, type SQL, sql, sum } from 'drizzle-orm';
import { leadDayCounts, leads } from '../../../db/schema';
import type { TenantDb } from '../../lib/tenant-db';

type Period = { from: string; to: string };
export type LeadGroup = {
  stageId: string;
  sourceId: string | null;
  coordinatorId: string | null;
  converted: number;
  leads: number;
};

const DAY = 86_400_000;

/** The whole UTC days inside the period, as `[first, end)`; null when it holds none. */
function wholeDays(period: Period) {
  const first = Math.ceil(Date.parse(period.from) / DAY) * DAY;
  const end = Math.floor(Date.parse(period.to) / DAY) * DAY;
  if (end <= first) return null;
  return { first: new Date(first).toISOString(), end: new Date(end).toISOString() };
}

/**
 * Counted by SQLite from the leads_org_created index alone (it holds every
 * grouped column and merged_into): a lead merged into another is not counted.
 */
function fromLeads(tenant: TenantDb, period: SQL | undefined) {
  const range = and(period, isNull(leads.mergedInto));
  const converted = sql<number>`${leads.patientId} is not null`;
  const day = sql<string>`substr(${leads.createdAt}, 1, 10)`;
  return Promise.all([
    tenant
      .selectFields(
        {
          stageId: leads.stageId,
          sourceId: leads.sourceId,
          coordinatorId: leads.coordinatorId,
          converted,
          leads: count(),
        },
        leads,
        range,
      )
      .groupBy(leads.stageId, leads.sourceId, leads.coordinatorId, converted),
    tenant.selectFields({ day, leads: count() }, leads, range).groupBy(day),
  ]);
}

/** Counted from the per-day counts the triggers keep (db/schema/rollups.ts; merged leads are not in them). */
function fromDayCounts(tenant: TenantDb, days: { first: string; end: string }) {
  const inDays = and(
    gte(leadDayCounts.day, days.first.slice(0, 10)),
    lt(leadDayCounts.day, days.end.slice(0, 10)),
  );
  const total = sql<number>`${sum(leadDayCounts.leads)}`.mapWith(Number);
  return Promise.all([
    tenant
      .selectFields(
        {
          stageId: leadDayCounts.stageId,
          sourceId: leadDayCounts.sourceId,
          coordinatorId: leadDayCounts.coordinatorId,
          converted: leadDayCounts.converted,
          leads: total,
        },
        leadDayCounts,
        inDays,
      )
      .groupBy(
        leadDayCounts.stageId,
        leadDayCounts.sourceId,
        leadDayCounts.coordinatorId,
        leadDayCounts.converted,
      ),
    tenant
      .selectFields({ day: leadDayCounts.day, leads: total }, leadDayCounts, inDays)
      .groupBy(leadDayCounts.day),
  ]);
}

/**
 * The period's new leads grouped by stage, source, coordinator and conversion,
 * and per day: whole days from the per-day counts, the partial days at either
 * end from the leads themselves, so the answer equals a recount of the leads
 * while a year reads a few thousand counts rather than every lead.
 */
export async function countLeads(
  tenant: TenantDb,
  period: Period,
): Promise<{ groups: LeadGroup[]; days: { day: string; leads: number }[] }> {
  const days = wholeDays(period);
  const between = (from: string, to: string) => and(gte(leads.createdAt, from), lt(leads.createdAt, to));
  if (!days) {
    const [groups, perDay] = await fromLeads(tenant, between(period.from, period.to));
    return { groups, days: perDay };
  }
  // Each partial day is its own range of leads_org_created: an OR of the two would
  // read every lead of the organisation (SQLite narrows an index by one range only).
  const [[startGroups, startDays], [endGroups, endDays], [dayGroups, dayDays]] = await Promise.all([
    fromLeads(tenant, between(period.from, days.first)),
    fromLeads(tenant, between(days.end, period.to)),
    fromDayCounts(tenant, days),
  ]);
  const edgeGroups = [...startGroups, ...endGroups];
  const edgeDays = [...startDays, ...endDays];
  const none = (id: string) => (id === '' ? null : id);
  // A count a lead moved out of stays as a zero: it is no group and no day.
  return {
    groups: [
      ...edgeGroups,
      ...dayGroups
        .filter((g) => g.leads > 0)
        .map((g) => ({ ...g, sourceId: none(g.sourceId), coordinatorId: none(g.coordinatorId) })),
    ],
    days: [...edgeDays, ...dayDays.filter((d) => d.leads > 0)],
  };
}
