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

/**
 * What stays with the organisation (ARCHITECTURE.md, "Facility administrators"):
 * the commercial settings of a facility. Its administrator edits contacts,
 * address, patients and the facility's own checklist.
 */
const ORGANISATION_FIELDS = {
  name: 'name',
  features: 'features',
  serviceCategories: 'service categories',
  cycleStartDay: 'cycle start day',
} as const;

/** A member without `facilities:full` changing an organisation-owned setting is refused (403), naming each field. */
export function assertFacilitySideChange(auth: AuthContext, input: Record<string, unknown>) {
  if (auth.permissions.includes('facilities:full')) return;
  const refused = (Object.keys(ORGANISATION_FIELDS) as (keyof typeof ORGANISATION_FIELDS)[]).filter(
    (key) => input[key] !== undefined,
  );
  if (!refused.length) return;
  throw new AppError(
    'forbidden',
    `The organisation keeps a facility's ${refused.map((k) => ORGANISATION_FIELDS[k]).join(', ')}: ask its operations team to change ${refused.length === 1 ? 'it' : 'them'}`,
    refused.map((path) => ({ path, issue: 'kept by the organisation' })),
  );
}
