import { and, eq, inArray, type SQL } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { facilities, membershipFacilities } from '../../../db/schema';
import { notFound } from '../../lib/app-error';
import type { TenantDb } from '../../lib/tenant-db';
import { iso } from '../../lib/time';
import type { AuthContext } from '../auth/session-context';

/**
 * Which facilities the caller may see: all of the organisation's, except for a
 * `facility_admin`, who sees only the facilities attached to their membership.
 * Every facility read goes through this, so a hidden facility answers 404.
 */
export function visibleFacilities(tenant: TenantDb, auth: AuthContext): SQL | undefined {
  if (auth.role !== 'facility_admin') return undefined;
  return inArray(
    facilities.id,
    tenant.db
      .select({ id: membershipFacilities.facilityId })
      .from(membershipFacilities)
      .where(tenant.scope(membershipFacilities, eq(membershipFacilities.membershipId, auth.membershipId))),
  );
}

export async function getVisibleFacilityRow(tenant: TenantDb, auth: AuthContext, id: string) {
  const [row] = await tenant
    .select(facilities, and(eq(facilities.id, id), visibleFacilities(tenant, auth)))
    .limit(1);
  if (!row) throw notFound('Facility');
  return row;
}

/** Attaches a membership to a facility as its administrator (idempotent). */
export function attachFacilityStatements(
  db: Db,
  organizationId: string,
  membershipId: string,
  facilityId: string,
) {
  return [
    db
      .insert(membershipFacilities)
      .values({ organizationId, membershipId, facilityId, createdAt: iso() })
      .onConflictDoNothing(),
    db
      .update(facilities)
      .set({ administratorMembershipId: membershipId, updatedAt: iso() })
      .where(and(eq(facilities.id, facilityId), eq(facilities.organizationId, organizationId))),
  ] as const;
}
