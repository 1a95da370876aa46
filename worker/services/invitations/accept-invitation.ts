import { eq } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { invitations, memberships, organizations, users } from '../../../db/schema';
import { AppError } from '../../lib/app-error';
import type { AuditLog } from '../../lib/audit-log';
import { newId, sha256 } from '../../lib/crypto';
import { hashPassword, verifyPassword } from '../../lib/password-hash';
import { TenantDb } from '../../lib/tenant-db';
import { iso } from '../../lib/time';
import { releaseAttemptStatements, reserveAttempt, throttleKeys } from '../auth/login-throttle';
import { attachFacilityStatements } from '../facilities/facility-access';
import { invitationState } from './invitations';

/** What the invitation page shows before the person sets a password. */
export async function findOpenInvitation(db: Db, token: string) {
  const [row] = await db
    .select({ invitation: invitations, organizationName: organizations.name })
    .from(invitations)
    .innerJoin(organizations, eq(organizations.id, invitations.organizationId))
    .where(eq(invitations.tokenHash, await sha256(token)))
    .limit(1);
  if (!row) return { problem: 'unknown' as const };
  const state = invitationState(row.invitation);
  if (state !== 'sent') return { problem: state };
  const [existing] = await db
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(eq(users.email, row.invitation.email))
    .limit(1);
  return {
    problem: null,
    invitation: row.invitation,
    organizationName: row.organizationName,
    existingUser: existing ?? null,
  };
}

/**
 * Accepts an invitation: creates the user (someone who already has an account
 * confirms their password instead) and the membership, and spends the
 * invitation, all in one batch.
 */
export async function acceptInvitation(
  db: Db,
  audit: AuditLog,
  token: string,
  input: { name: string; password: string },
  client: { ip: string | null } = { ip: null },
) {
  const found = await findOpenInvitation(db, token);
  if (found.problem !== null) {
    throw new AppError(found.problem === 'unknown' ? 'not_found' : 'conflict', problemMessage(found.problem));
  }
  const { invitation, existingUser } = found;
  const now = iso();
  const userId = existingUser?.id ?? newId('usr');
  // The password of an existing account is checked here as at sign-in, so it
  // is throttled the same way: counted before the check, per account and address.
  const throttle = existingUser ? throttleKeys(invitation.email, client.ip) : null;
  const reservation = throttle ? await reserveAttempt(db, throttle) : null;
  if (existingUser) {
    // Someone who already signs in elsewhere proves it with their password; an
    // invitation never overwrites an existing account's password.
    const [user] = await db
      .select({ passwordHash: users.passwordHash })
      .from(users)
      .where(eq(users.id, existingUser.id));
    if (!user?.passwordHash || !(await verifyPassword(input.password, user.passwordHash))) {
      throw new AppError('unauthenticated', 'That is not the password of your existing Sidecar account.');
    }
  }
  const passwordHash = existingUser ? null : await hashPassword(input.password);
  const membershipId = newId('mem');
  try {
    await db.batch([
      db.update(invitations).set({ acceptedAt: now }).where(eq(invitations.id, invitation.id)),
      ...(throttle && reservation ? releaseAttemptStatements(db, throttle, reservation) : []),
      ...(passwordHash
        ? [
            db.insert(users).values({
              id: userId,
              email: invitation.email,
              name: input.name,
              passwordHash,
              createdAt: now,
              updatedAt: now,
            }),
          ]
        : []),
      db.insert(memberships).values({
        id: membershipId,
        organizationId: invitation.organizationId,
        userId,
        role: invitation.role,
        status: 'active',
        createdAt: now,
        updatedAt: now,
      }),
      // A facility administrator's invitation attaches the new membership to that facility.
      ...(invitation.facilityId
        ? attachFacilityStatements(
            new TenantDb(db, invitation.organizationId),
            membershipId,
            invitation.facilityId,
          )
        : []),
      audit.statement({
        action: 'accept_invitation',
        entityType: 'invitation',
        entityId: invitation.id,
        organizationId: invitation.organizationId,
        actorUserId: userId,
        detail: { membershipId, role: invitation.role },
      }),
    ]);
  } catch (e) {
    // A form sent twice: the second finds the invitation already used.
    const again = await findOpenInvitation(db, token);
    if (again.problem !== null) throw new AppError('conflict', problemMessage(again.problem));
    throw e;
  }
  return { email: invitation.email, organizationName: found.organizationName };
}

export function problemMessage(problem: 'unknown' | 'accepted' | 'expired' | 'revoked'): string {
  switch (problem) {
    case 'accepted':
      return 'This invitation has already been used. Sign in with your email and password.';
    case 'expired':
      return 'This invitation has expired. Ask your administrator to send a new one.';
    case 'revoked':
      return 'This invitation was withdrawn. Ask your administrator if you still need access.';
    default:
      return 'This invitation link is not valid. Check that you copied the whole link.';
  }
}
