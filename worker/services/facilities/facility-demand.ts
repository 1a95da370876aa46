import { and, asc, eq, ne, sql } from 'drizzle-orm';
import { facilities, patients, services } from '../../../db/schema';
import type { CONTRACT_STATUSES } from '../../../shared/contract-status';
import { SERVICE_CATEGORIES } from '../../../shared/schemas/facilities';
import type { TenantDb } from '../../lib/tenant-db';
import type { AuthContext } from '../auth/session-context';
import { countSelections } from '../patients/service-offer';
import { visibleFacility } from './facility-access';
import { nextCycleDate } from './facility-view';

type Category = (typeof SERVICE_CATEGORIES)[number];
type CategoryDemand = { taken: boolean; patients: number; services: number };

/** The facilities demand is read for: every visible one, or the one asked for (404 when hidden). */
export async function demandFacilities(tenant: TenantDb, facilityId?: string) {
  if (facilityId) return [await visibleFacility(tenant, facilityId)];
  return tenant.select(facilities, tenant.facilityFilter(facilities.id)).orderBy(asc(facilities.nameKey));
}

/**
 * Demand per facility, service category and service, for forecasting supply
 * and staff (spec 000, "Service Categories"): per category, how many of the
 * facility's patients take at least one of its services, and how many
 * selections there are ("all services" counts every active service in the
 * facility's categories). A discharged patient needs nothing more and is not
 * counted; a churned facility is listed (with its status) but left out of the
 * totals and the per-service figures.
 */
export async function facilityDemand(
  tenant: TenantDb,
  _auth: AuthContext,
  filter: { facilityId?: string } = {},
) {
  const rows = await demandFacilities(tenant, filter.facilityId);
  const current = and(
    ne(patients.enrollmentStatus, 'completed'),
    filter.facilityId ? eq(patients.facilityId, filter.facilityId) : undefined,
  );
  // Grouped reads cover every facility: selections per facility and category, per service, and patients per facility.
  const usage = await countSelections(
    tenant,
    { facilityId: patients.facilityId, category: services.category },
    [patients.facilityId, services.category],
    current,
  );
  const perService = await countSelections(
    tenant,
    { facilityId: patients.facilityId, serviceId: services.id },
    [patients.facilityId, services.id],
    current,
  );
  const patientTotals = await tenant
    .selectFields({ facilityId: patients.facilityId, count: sql<number>`count(*)` }, patients, current)
    .groupBy(patients.facilityId);
  const used = new Map<string, { patients: number; services: number }>();
  for (const u of usage) {
    const key = `${u.facilityId}|${u.category}`;
    const seen = used.get(key) ?? { patients: 0, services: 0 };
    used.set(key, { patients: seen.patients + u.patients, services: seen.services + u.services });
  }
  const patientCount = new Map(patientTotals.map((p) => [p.facilityId, p.count]));
  const items = rows.map((r) => ({
    facilityId: r.id,
    name: r.name,
    contractStatus: r.contractStatus as (typeof CONTRACT_STATUSES)[number],
    nextCycleDate: nextCycleDate(r.cycleStartDay),
    patients: patientCount.get(r.id) ?? 0,
    categories: Object.fromEntries(
      SERVICE_CATEGORIES.map((c) => {
        const u = used.get(`${r.id}|${c}`);
        return [
          c,
          { taken: r.serviceCategories.includes(c), patients: u?.patients ?? 0, services: u?.services ?? 0 },
        ];
      }),
    ) as Record<Category, CategoryDemand>,
  }));
  const served = items.filter((i) => i.contractStatus !== 'churned');
  const servedIds = new Set(served.map((i) => i.facilityId));
  const totals = Object.fromEntries(
    SERVICE_CATEGORIES.map((c) => [
      c,
      {
        facilities: served.filter((i) => i.categories[c].taken).length,
        patients: served.reduce((n, i) => n + i.categories[c].patients, 0),
        services: served.reduce((n, i) => n + i.categories[c].services, 0),
      },
    ]),
  ) as Record<Category, { facilities: number; patients: number; services: number }>;
  const patientsPerService = new Map<string, number>();
  for (const s of perService)
    if (servedIds.has(s.facilityId))
      patientsPerService.set(s.serviceId, (patientsPerService.get(s.serviceId) ?? 0) + s.patients);
  // The catalogue is the organisation's few dozen services: one read, kept in catalogue order.
  const catalogue = patientsPerService.size
    ? await tenant
        .select(services)
        .orderBy(asc(services.category), asc(services.sortOrder), asc(services.name))
    : [];
  const byService = catalogue
    .filter((s) => patientsPerService.has(s.id))
    .map((s) => ({
      serviceId: s.id,
      name: s.name,
      category: s.category as Category,
      active: s.active,
      patients: patientsPerService.get(s.id) ?? 0,
    }));
  return { items, totals, byService };
}
