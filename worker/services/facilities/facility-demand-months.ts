import { eq, max, sql } from 'drizzle-orm';
import { facilityContractEvents, patients, services } from '../../../db/schema';
import { SERVICE_CATEGORIES, type ServiceCategory } from '../../../shared/facility-terms';
import type { TenantDb } from '../../lib/tenant-db';
import { countSelections } from '../patients/service-offer';
import { demandFacilities } from './facility-demand';

/** The `count` calendar months ending with the current one (UTC), oldest first, as `YYYY-MM`. */
export function monthsEnding(now: Date, count: number) {
  const out: string[] = [];
  for (let back = count - 1; back >= 0; back--) {
    const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - back, 1));
    out.push(d.toISOString().slice(0, 7));
  }
  return out;
}

type Figures = { patients: number; services: number };
type Span = Figures & { facilityId: string; from: string; until: string | null };

const monthOf = (column: typeof patients.createdAt | typeof patients.completedAt) =>
  sql<string | null>`substr(${column}, 1, 7)`;

/**
 * Demand month by month: a month counts every patient served at any time in
 * it, from the month they were added until the month they were discharged,
 * with the services they have now (selections keep no history). A churned
 * facility counts until the month it churned. The current month can thus
 * exceed today's figures, which leave out whoever has already left.
 */
export async function facilityDemandMonths(
  tenant: TenantDb,
  query: { months: number; facilityId?: string },
  now = new Date(),
) {
  const rows = await demandFacilities(tenant, query.facilityId);
  const months = monthsEnding(now, query.months);
  const where = query.facilityId ? eq(patients.facilityId, query.facilityId) : undefined;
  const from = monthOf(patients.createdAt);
  const until = monthOf(patients.completedAt);
  const spans = { facilityId: patients.facilityId, from, until };
  const overall = await countSelections(tenant, spans, [patients.facilityId, from, until], where);
  const perCategory = await countSelections(
    tenant,
    { ...spans, category: services.category },
    [patients.facilityId, services.category, from, until],
    where,
  );
  const churns = await tenant
    .selectFields(
      { facilityId: facilityContractEvents.facilityId, at: max(facilityContractEvents.createdAt) },
      facilityContractEvents,
      eq(facilityContractEvents.toStatus, 'churned'),
    )
    .groupBy(facilityContractEvents.facilityId);
  const churnedAt = new Map(churns.map((c) => [c.facilityId, c.at?.slice(0, 7) ?? null]));
  // Only visible facilities count; a churned one ends at its churn month.
  const ends = new Map(
    rows.map((r) => [r.id, r.contractStatus === 'churned' ? (churnedAt.get(r.id) ?? null) : null]),
  );
  const inMonth = (s: Span, month: string) => {
    if (!ends.has(s.facilityId) || !s.from || s.from > month) return false;
    if (s.until && s.until < month) return false;
    const end = ends.get(s.facilityId);
    return !end || end >= month;
  };
  const sum = (spans: Span[], month: string): Figures =>
    spans
      .filter((s) => inMonth(s, month))
      .reduce((n, s) => ({ patients: n.patients + s.patients, services: n.services + s.services }), {
        patients: 0,
        services: 0,
      });
  return {
    months: months.map((month) => ({
      month,
      ...sum(overall as Span[], month),
      categories: Object.fromEntries(
        SERVICE_CATEGORIES.map((c) => [c, sum(perCategory.filter((s) => s.category === c) as Span[], month)]),
      ) as Record<ServiceCategory, Figures>,
    })),
  };
}
