import { inArray } from 'drizzle-orm';
import { type facilities, invitations } from '../../../db/schema';
import type { ContractStatus } from '../../../shared/contract-status';
import type { Facility } from '../../../shared/schemas/facilities';
import type { TenantDb } from '../../lib/tenant-db';
import { invitationState } from '../invitations/invitations';

type FacilityRow = typeof facilities.$inferSelect;

/** The next date (YYYY-MM-DD, UTC) on or after `today` that falls on the cycle start day. */
export function nextCycleDate(cycleStartDay: number | null, today = new Date()): string | null {
  if (!cycleStartDay) return null;
  const y = today.getUTCFullYear();
  const m = today.getUTCMonth();
  const thisMonth = Date.UTC(y, m, cycleStartDay);
  const startOfToday = Date.UTC(y, m, today.getUTCDate());
  const next = thisMonth >= startOfToday ? thisMonth : Date.UTC(y, m + 1, cycleStartDay);
  return new Date(next).toISOString().slice(0, 10);
}

function administratorOf(
  row: FacilityRow,
  invitation: typeof invitations.$inferSelect | undefined,
): Facility['administrator'] {
  if (!row.administratorEmail || !row.administratorName) return null;
  const state =
    row.administratorMembershipId && !invitation?.acceptedAt
      ? 'member'
      : invitation
        ? invitationState(invitation)
        : 'member';
  return {
    name: row.administratorName,
    email: row.administratorEmail,
    phone: row.administratorPhone,
    invitation: state,
  };
}

function toFacility(row: FacilityRow, invitation?: typeof invitations.$inferSelect): Facility {
  return {
    id: row.id,
    name: row.name,
    phone: row.phone,
    email: row.email,
    website: row.website,
    administrator: administratorOf(row, invitation),
    features: {
      ordering: row.featureOrdering,
      emar: row.featureEmar,
      bubblePack: row.featureBubblePack,
      notes: row.featureNotes,
      tasks: row.featureTasks,
    },
    cycleStartDay: row.cycleStartDay,
    nextCycleDate: nextCycleDate(row.cycleStartDay),
    address: {
      line1: row.addressLine1,
      line2: row.addressLine2,
      city: row.city,
      state: row.state,
      postalCode: row.postalCode,
      verification: row.addressVerification,
    },
    contractStatus: row.contractStatus as ContractStatus,
    serviceCategories: row.serviceCategories as Facility['serviceCategories'],
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

/** API shapes for facility rows, with their administrators' invitation states in one extra read. */
export async function facilitiesView(tenant: TenantDb, rows: FacilityRow[]): Promise<Facility[]> {
  const ids = rows.map((r) => r.administratorInvitationId).filter((id): id is string => !!id);
  const found = ids.length ? await tenant.select(invitations, inArray(invitations.id, ids)) : [];
  const byId = new Map(found.map((i) => [i.id, i]));
  return rows.map((r) =>
    toFacility(r, r.administratorInvitationId ? byId.get(r.administratorInvitationId) : undefined),
  );
}

export async function facilityView(tenant: TenantDb, row: FacilityRow): Promise<Facility> {
  const [facility] = await facilitiesView(tenant, [row]);
  return facility!;
}

/** "  Sunrise   Manor " and "sunrise manor" are the same facility name. */
export const facilityNameKey = (name: string) => name.trim().replace(/\s+/g, ' ').toLowerCase();
