import type { z } from 'zod';
import type { facilityListQuerySchema } from '../../../shared/schemas/facilities';
import type { AuditLog } from '../../lib/audit-log';
import type { TenantDb } from '../../lib/tenant-db';
import type { AuthContext } from '../auth/session-context';
import { getVisibleFacilityRow } from './facility-access';
import { facilityDemand } from './facility-demand';
import { facilityDemandMonths } from './facility-demand-months';
import { facilityView } from './facility-view';
import { listFacilities } from './list-facilities';

/** A page of the facilities the member can see; the read is audited. */
export async function readFacilityPage(
  tenant: TenantDb,
  audit: AuditLog,
  auth: AuthContext,
  query: z.infer<typeof facilityListQuerySchema>,
) {
  const page = await listFacilities(tenant, auth, query);
  audit.record({ action: 'list', entityType: 'facility', detail: { count: page.items.length } });
  return page;
}

/** Demand per visible facility (or the one asked for), service category and service; the read is audited. */
export async function readFacilityDemand(
  tenant: TenantDb,
  audit: AuditLog,
  auth: AuthContext,
  query: { facilityId?: string } = {},
) {
  const demand = await facilityDemand(tenant, auth, query);
  audit.record({
    action: 'list',
    entityType: 'facility_demand',
    detail: { count: demand.items.length, facilityId: query.facilityId ?? null },
  });
  return demand;
}

/** Demand month by month; the read is audited. */
export async function readFacilityDemandMonths(
  tenant: TenantDb,
  audit: AuditLog,
  query: { months: number; facilityId?: string },
) {
  const series = await facilityDemandMonths(tenant, query);
  audit.record({
    action: 'list',
    entityType: 'facility_demand',
    detail: { months: query.months, facilityId: query.facilityId ?? null },
  });
  return series;
}

/** One facility the member can see; the read is audited. */
export async function readFacility(tenant: TenantDb, audit: AuditLog, auth: AuthContext, id: string) {
  const facility = await facilityView(tenant, await getVisibleFacilityRow(tenant, auth, id));
  audit.record({ action: 'read', entityType: 'facility', entityId: id });
  return facility;
}
