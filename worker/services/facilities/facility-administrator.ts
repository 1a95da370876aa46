import { and, eq, isNull, type SQL } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import { type facilities, invitations, membershipFacilities } from '../../../db/schema';
import type { TenantDb } from '../../lib/tenant-db';
import { iso } from '../../lib/time';
import type { AuthContext } from '../auth/session-context';
import { findMemberByEmail, planInvitation } from '../invitations/invitations';
import { attachFacilityStatements } from './facility-access';

export type AdministratorPlan = {
  columns: { administratorInvitationId: string | null; administratorMembershipId: string | null };
  statements: BatchItem<'sqlite'>[];
  messageId: string | null;
  outcome: 'invited' | 'resent' | 'attached_member';
};

/**
 * What naming an administrator for a facility does (spec 000, step 1): an
 * existing member is attached without a new invitation; anyone else gets a
 * `facility_admin` invitation that attaches them to this facility when accepted.
 * Returns statements for the caller's batch, to run after the facility exists.
 */
export async function planAdministrator(
  tenant: TenantDb,
  auth: AuthContext,
  facilityId: string,
  email: string,
  baseUrl: string,
): Promise<AdministratorPlan> {
  const member = await findMemberByEmail(tenant, email);
  if (member) {
    return {
      columns: { administratorInvitationId: null, administratorMembershipId: member.id },
      statements: [...attachFacilityStatements(tenant, member.id, facilityId)],
      messageId: null,
      outcome: 'attached_member',
    };
  }
  const plan = await planInvitation(tenant, auth, { email, role: 'facility_admin', facilityId }, { baseUrl });
  return {
    columns: { administratorInvitationId: plan.id, administratorMembershipId: null },
    statements: [...plan.statements],
    messageId: plan.messageId,
    outcome: plan.resent ? 'resent' : 'invited',
  };
}

/** Undoes a previous administrator: withdraws an open invitation and detaches the membership. */
export function releaseAdministratorStatements(tenant: TenantDb, row: typeof facilities.$inferSelect) {
  const out: BatchItem<'sqlite'>[] = [];
  if (row.administratorInvitationId) {
    out.push(
      tenant.update(
        invitations,
        { revokedAt: iso() },
        and(eq(invitations.id, row.administratorInvitationId), isNull(invitations.acceptedAt))!,
      ),
    );
  }
  if (row.administratorMembershipId) {
    out.push(
      tenant.delete(
        membershipFacilities,
        and(
          eq(membershipFacilities.membershipId, row.administratorMembershipId),
          eq(membershipFacilities.facilityId, row.id),
        ) as SQL,
      ),
    );
  }
  return out;
}
