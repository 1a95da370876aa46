import { asc, eq, ne, sql } from 'drizzle-orm';
import { facilities, patientServices, patients, services } from '../../../db/schema';
import type { CONTRACT_STATUSES } from '../../../shared/contract-status';
import { SERVICE_CATEGORIES } from '../../../shared/schemas/facilities';
import type { TenantDb } from '../../lib/tenant-db';
import type { AuthContext } from '../auth/session-context';
import { nextCycleDate } from './facility-view';

type Category = (typeof SERVICE_CATEGORIES)[number];
type CategoryDemand = { taken: boolean; patients: number; services: number };

/**
 * Demand per facility and service category, for forecasting supply and staff
 * (spec 000, "Service Categories"): per category, how many of the facility's
 * patients take at least one of its services, and how many selections there are.
 * A discharged patient needs nothing more and is not counted; a churned
 * facility is listed (with its status) but left out of the totals.
 */
export async function facilityDemand(tenant: TenantDb, _auth: AuthContext) {
  const rows = await tenant
    .select(facilities, tenant.facilityFilter(facilities.id))
    .orderBy(asc(facilities.nameKey));
  // Two grouped reads cover every facility: selections per facility and category, and patients per facility.
  const usage = await tenant
    .join(
      {
        facilityId: patients.facilityId,
        category: services.category,
        patients: sql<number>`count(distinct ${patients.id})`,
        services: sql<number>`count(*)`,
      },
      patientServices,
      [
        { table: patients, on: eq(patients.id, patientServices.patientId) },
        { table: services, on: eq(services.id, patientServices.serviceId) },
      ],
      ne(patients.enrollmentStatus, 'completed'),
    )
    .groupBy(patients.facilityId, services.category);
  const patientTotals = await tenant
    .selectFields(
      { facilityId: patients.facilityId, count: sql<number>`count(*)` },
      patients,
      ne(patients.enrollmentStatus, 'completed'),
    )
    .groupBy(patients.facilityId);
  const used = new Map(usage.map((u) => [`${u.facilityId}|${u.category}`, u]));
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
  return { items, totals };
}
