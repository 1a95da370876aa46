import { and, desc, eq, isNull } from 'drizzle-orm';
import { invitations, memberships, users } from '../../../db/schema';
import type { Role } from '../../../shared/permissions';
import type { Invitation } from '../../../shared/schemas/members';
import { AppError } from '../../lib/app-error';
import type { AuditLog } from '../../lib/audit-log';
import { newId, randomToken, sha256 } from '../../lib/crypto';
import type { TenantDb } from '../../lib/tenant-db';
import { DAY, iso, ms } from '../../lib/time';
import type { AuthContext } from '../auth/session-context';
import { queueTenantEmail } from '../email/outbox';
import { invitationEmail } from '../email/templates';

export const INVITATION_TTL_MS = 7 * DAY;

type InvitationRow = typeof invitations.$inferSelect;

export function invitationState(row: InvitationRow, now = Date.now()): Invitation['state'] {
  if (row.acceptedAt) return 'accepted';
  if (row.revokedAt) return 'revoked';
  if (ms(row.expiresAt) <= now) return 'expired';
  return 'sent';
}

export function toInvitation(row: InvitationRow): Invitation {
  return {
    id: row.id,
    email: row.email,
    role: row.role as Role,
    state: invitationState(row),
    invitedBy: row.invitedBy,
    createdAt: row.createdAt,
    sentAt: row.sentAt,
    expiresAt: row.expiresAt,
    acceptedAt: row.acceptedAt,
  };
}

export async function listInvitations(tenant: TenantDb, audit: AuditLog) {
  const rows = await tenant.select(invitations).orderBy(desc(invitations.createdAt)).limit(200);
  audit.record({ action: 'list', entityType: 'invitation', detail: { count: rows.length } });
  return { items: rows.map(toInvitation), nextCursor: null };
}

/** The member of this organisation with that email, if any. */
export async function findMemberByEmail(tenant: TenantDb, email: string) {
  const [member] = await tenant
    .join(
      { id: memberships.id, role: memberships.role },
      memberships,
      [{ table: users, on: eq(users.id, memberships.userId) }],
      eq(users.email, email),
    )
    .limit(1);
  return member ?? null;
}

/**
 * The statements that (re)send an invitation, for the caller to batch with the
 * change that causes it. An open or expired invitation to the same address is
 * reused with a fresh link, so the old link stops working.
 */
export async function planInvitation(
  tenant: TenantDb,
  auth: AuthContext,
  input: { email: string; role: Role; facilityId?: string | null },
  links: { baseUrl: string },
) {
  const open = (
    await tenant.select(
      invitations,
      and(eq(invitations.email, input.email), isNull(invitations.acceptedAt), isNull(invitations.revokedAt)),
    )
  ).find((r) => invitationState(r) === 'sent' || invitationState(r) === 'expired');
  // One open invitation a person: resending may change the role, but never moves a facility
  // administrator's invitation to another facility, or turns a staff invitation into one.
  if (open && (open.facilityId ?? null) !== (input.facilityId ?? null)) {
    throw new AppError(
      'conflict',
      `${input.email} already has an open invitation ${open.facilityId ? 'as administrator of another facility' : 'to join as staff'}; withdraw it or let it be accepted first`,
    );
  }
  const token = randomToken();
  const now = Date.now();
  const fresh = {
    tokenHash: await sha256(token),
    role: input.role,
    facilityId: input.facilityId ?? null,
    sentAt: iso(now),
    expiresAt: iso(now + INVITATION_TTL_MS),
  };
  const id = open?.id ?? newId('inv');
  const org = await tenant.organization();
  const email = queueTenantEmail(tenant, {
    ...invitationEmail({
      to: input.email,
      organizationName: org?.name ?? 'your organisation',
      role: input.role,
      link: `${links.baseUrl}/invite/${token}`,
      inviterName: auth.user.name,
    }),
  });
  const write = open
    ? tenant.update(invitations, fresh, eq(invitations.id, open.id))
    : tenant.insert(invitations, {
        id,
        email: input.email,
        invitedBy: auth.userId,
        createdAt: iso(now),
        ...fresh,
      });
  return { id, resent: !!open, messageId: email.id, statements: [write, email.statement] as const };
}

/**
 * Invites a person by email with a role. Inviting an address that already has
 * an open invitation resends it; inviting an existing member is a conflict.
 */
export async function inviteMember(
  tenant: TenantDb,
  audit: AuditLog,
  auth: AuthContext,
  input: { email: string; role: Role },
  links: { baseUrl: string },
): Promise<{ invitation: Invitation; resent: boolean; messageId: string }> {
  if (input.role === 'super_admin' && auth.role !== 'super_admin') {
    throw new AppError('forbidden', 'Only a super admin can invite a super admin');
  }
  if (await findMemberByEmail(tenant, input.email)) {
    throw new AppError('conflict', `${input.email} is already a member of this organisation`);
  }
  const plan = await planInvitation(tenant, auth, input, links);
  await tenant.batch([
    ...plan.statements,
    audit.statement({
      action: 'invite',
      entityType: 'invitation',
      entityId: plan.id,
      detail: { role: input.role, resent: plan.resent },
    }),
  ]);
  return {
    invitation: toInvitation(await tenant.get(invitations, plan.id, 'Invitation')),
    resent: plan.resent,
    messageId: plan.messageId,
  };
}

export async function revokeInvitation(tenant: TenantDb, audit: AuditLog, id: string) {
  const row = await tenant.get(invitations, id, 'Invitation');
  if (row.acceptedAt)
    throw new AppError('conflict', 'This invitation was already accepted; deactivate the member instead');
  await tenant.batch([
    tenant.update(invitations, { revokedAt: iso() }, eq(invitations.id, id)),
    audit.statement({ action: 'delete', entityType: 'invitation', entityId: id }),
  ]);
}
