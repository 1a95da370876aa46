import { asc } from 'drizzle-orm';
import { facilities } from '../../../db/schema';
import type { CONTRACT_STATUSES } from '../../../shared/contract-status';
import { SERVICE_CATEGORIES } from '../../../shared/schemas/facilities';
import type { TenantDb } from '../../lib/tenant-db';
import type { AuthContext } from '../auth/session-context';
import { visibleFacilities } from './facility-access';
import { nextCycleDate } from './facility-view';

type Category = (typeof SERVICE_CATEGORIES)[number];
type CategoryDemand = { taken: boolean; patients: number; services: number };

/**
 * Demand per facility and service category, for forecasting supply and staff
 * (spec 000, "Service Categories"). Patient and service counts are zero until
 * patients exist (issue 4 fills them from the same query).
 */
export async function facilityDemand(tenant: TenantDb, auth: AuthContext) {
  const rows = await tenant
    .select(facilities, visibleFacilities(tenant, auth))
    .orderBy(asc(facilities.nameKey));
  const items = rows.map((r) => ({
    facilityId: r.id,
    name: r.name,
    contractStatus: r.contractStatus as (typeof CONTRACT_STATUSES)[number],
    nextCycleDate: nextCycleDate(r.cycleStartDay),
    categories: Object.fromEntries(
      SERVICE_CATEGORIES.map((c) => [
        c,
        { taken: r.serviceCategories.includes(c), patients: 0, services: 0 },
      ]),
    ) as Record<Category, CategoryDemand>,
  }));
  const totals = Object.fromEntries(
    SERVICE_CATEGORIES.map((c) => [
      c,
      {
        facilities: items.filter((i) => i.categories[c].taken).length,
        patients: items.reduce((n, i) => n + i.categories[c].patients, 0),
        services: items.reduce((n, i) => n + i.categories[c].services, 0),
      },
    ]),
  ) as Record<Category, { facilities: number; patients: number; services: number }>;
  return { items, totals };
}
