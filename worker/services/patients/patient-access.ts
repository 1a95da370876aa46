import { and, eq, inArray, type SQL } from 'drizzle-orm';
import { facilities, patients } from '../../../db/schema';
import { notFound } from '../../lib/app-error';
import type { TenantDb } from '../../lib/tenant-db';
import type { AuthContext } from '../auth/session-context';
import { visibleFacilities } from '../facilities/facility-access';

/** Patients of the facilities the caller may see (a facility admin: their own facility only). */
export function visiblePatients(tenant: TenantDb, auth: AuthContext): SQL | undefined {
  const facilityFilter = visibleFacilities(tenant, auth);
  if (!facilityFilter) return undefined;
  return inArray(
    patients.facilityId,
    tenant.db.select({ id: facilities.id }).from(facilities).where(tenant.scope(facilities, facilityFilter)),
  );
}

export async function getVisiblePatientRow(tenant: TenantDb, auth: AuthContext, id: string) {
  const [row] = await tenant
    .select(patients, and(eq(patients.id, id), visiblePatients(tenant, auth)))
    .limit(1);
  if (!row) throw notFound('Patient');
  return row;
}
