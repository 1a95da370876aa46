import { and, eq } from 'drizzle-orm';
import { facilities, membershipFacilities } from '../../../db/schema';
import { AppError, notFound } from '../../lib/app-error';
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
 * A facility that may take new patients: a churned one takes none until a new
 * contract is negotiated, so its roster (and demand) stays that of its contract.
 */
export async function facilityTakingPatients(tenant: TenantDb, id: string) {
  const row = await visibleFacility(tenant, id);
  if (row.contractStatus === 'churned') {
    throw new AppError(
      'conflict',
      `${row.name} has churned: it takes no new patients until a new contract is negotiated (move it back to pending)`,
    );
  }
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
