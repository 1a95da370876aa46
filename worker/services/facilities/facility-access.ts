import { and, eq } from 'drizzle-orm';
import { facilities, membershipFacilities } from '../../../db/schema';
import { notFound } from '../../lib/app-error';
import type { TenantDb } from '../../lib/tenant-db';
import { iso } from '../../lib/time';
import type { AuthContext } from '../auth/session-context';

/**
 * A facility the caller may see (visibility is decided on the TenantDb when the
 * request signs in), or 404: a hidden facility answers like a missing one.
 */
export async function visibleFacility(tenant: TenantDb, id: string) {
  const [row] = await tenant
    .select(facilities, and(eq(facilities.id, id), tenant.facilityFilter(facilities.id)))
    .limit(1);
  if (!row) throw notFound('Facility');
  return row;
}

/**
 * @deprecated Use `visibleFacility(tenant, id)`; `auth` is no longer consulted.
 * Kept with its old shape for the routes, which are being rewritten in parallel.
 */
export const getVisibleFacilityRow = (tenant: TenantDb, _auth: AuthContext, id: string) =>
  visibleFacility(tenant, id);

/** Attaches a membership to a facility as its administrator (idempotent). */
export function attachFacilityStatements(tenant: TenantDb, membershipId: string, facilityId: string) {
  return [
    tenant.insert(membershipFacilities, { membershipId, facilityId, createdAt: iso() }).onConflictDoNothing(),
    tenant.update(
      facilities,
      { administratorMembershipId: membershipId, updatedAt: iso() },
      eq(facilities.id, facilityId),
    ),
  ] as const;
}
