import { and, eq } from 'drizzle-orm';
import { patients } from '../../../db/schema';
import { notFound } from '../../lib/app-error';
import type { TenantDb } from '../../lib/tenant-db';
import type { AuthContext } from '../auth/session-context';

/** A patient of a facility the caller may see, or 404 (a hidden one answers like a missing one). */
export async function visiblePatient(tenant: TenantDb, id: string) {
  const [row] = await tenant
    .select(patients, and(eq(patients.id, id), tenant.facilityFilter(patients.facilityId)))
    .limit(1);
  if (!row) throw notFound('Patient');
  return row;
}

/**
 * @deprecated Use `visiblePatient(tenant, id)`; `auth` is no longer consulted.
 * Kept with its old shape for the routes, which are being rewritten in parallel.
 */
export const getVisiblePatientRow = (tenant: TenantDb, _auth: AuthContext, id: string) =>
  visiblePatient(tenant, id);
