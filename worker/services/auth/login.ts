import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { memberships, organizations, users } from '../../../db/schema';
import type { LoginBody } from '../../../shared/schemas/auth';
import { AppError } from '../../lib/app-error';
import type { AuditLog } from '../../lib/audit-log';
import { DUMMY_PASSWORD_HASH, verifyPassword } from '../../lib/password-hash';
import { queueEmail } from '../email/outbox';
import { failedSignInEmail } from '../email/templates';
import {
  refuseFromBusyAddress,
  releaseAttemptStatements,
  reserveAttempt,
  throttleKeys,
} from './login-throttle';
import { THROTTLE } from './session-policy';
import { type SessionState, sessionInsert } from './sessions';

export type ClientFacts = { ip: string | null; userAgent: string | null };
/** Sends just-queued emails (the route hands its background delivery in). */
export type Deliver = (messageIds: string[]) => void;

export type LoginResult =
  | { status: 'signed_in'; token: string; expiresAt: string; sessionId: string }
  | { status: 'two_factor_required'; challengeToken: string; expiresAt: string };

const WRONG_CREDENTIALS = 'Email or password is incorrect';

/**
 * Password sign-in. Unknown address and wrong password answer alike, in about
 * the same time (the hash is computed either way), and both count toward the
 * per-account and per-address throttles.
 */
export async function login(
  db: Db,
  audit: AuditLog,
  input: LoginBody,
  client: ClientFacts,
  deliver: Deliver = () => {},
): Promise<LoginResult> {
  const keys = throttleKeys(input.email, client.ip);
  const reservation = await reserveAttempt(db, keys);

  const [user] = await db.select().from(users).where(eq(users.email, input.email)).limit(1);
  const passwordOk = await verifyPassword(input.password, user?.passwordHash ?? DUMMY_PASSWORD_HASH);

  if (!user?.passwordHash || !passwordOk) {
    // Each organisation the account belongs to sees the attempt in its own
    // trail; an unknown address belongs to no tenant and is kept for the platform.
    const orgIds = user
      ? (
          await db
            .select({ id: memberships.organizationId })
            .from(memberships)
            .where(eq(memberships.userId, user.id))
        ).map((m) => m.id)
      : [];
    const event = (organizationId: string | null) =>
      audit.statement({
        action: 'login_failed',
        entityType: 'user',
        entityId: user?.id ?? null,
        outcome: 'failure',
        organizationId,
        actorUserId: user?.id ?? null,
        detail: { reason: user ? 'wrong_password' : 'unknown_account' },
      });
    const [first, ...rest] = orgIds.length ? orgIds : [null];
    // The holder hears of it once per run of failures, so a stranger's guessing is noticed.
    const notice =
      user && reservation.failures === THROTTLE.notifyAt
        ? queueEmail(db, {
            ...failedSignInEmail({ to: user.email, ip: client.ip, at: new Date().toISOString() }),
            organizationId: orgIds[0] ?? null,
          })
        : null;
    await db.batch([event(first ?? null), ...rest.map(event), ...(notice ? [notice.statement] : [])]);
    if (notice) deliver([notice.id]);
    if (reservation.addressOver) refuseFromBusyAddress(reservation);
    throw new AppError('unauthenticated', WRONG_CREDENTIALS);
  }

  const membershipRows = await db
    .select({ membership: memberships })
    .from(memberships)
    .innerJoin(organizations, eq(organizations.id, memberships.organizationId))
    .where(and(eq(memberships.userId, user.id), eq(memberships.status, 'active')))
    .orderBy(asc(memberships.createdAt));
  const membership = input.organizationId
    ? membershipRows.find((m) => m.membership.organizationId === input.organizationId)?.membership
    : membershipRows[0]?.membership;
  if (!membership) {
    await audit.statement({
      action: 'login_failed',
      entityType: 'user',
      entityId: user.id,
      outcome: 'denied',
      // Not the client's organisation id: nobody writes into another tenant's trail.
      organizationId: null,
      actorUserId: user.id,
      detail: { reason: 'no_active_membership' },
    });
    throw new AppError(
      'forbidden',
      'This account has no active access to an organisation. Ask your administrator.',
    );
  }

  const state: SessionState = user.totpEnabledAt ? 'two_factor' : 'active';
  const session = await sessionInsert(db, {
    userId: user.id,
    organizationId: membership.organizationId,
    membershipId: membership.id,
    state,
    ...client,
  });
  await db.batch([
    session.statement,
    ...releaseAttemptStatements(db, keys, reservation),
    audit.statement({
      action: 'login',
      entityType: 'session',
      entityId: session.row.id,
      organizationId: membership.organizationId,
      actorUserId: user.id,
      detail:
        state === 'two_factor' ? { stage: 'password', awaiting: 'second_factor' } : { stage: 'complete' },
    }),
  ]);
  return state === 'active'
    ? {
        status: 'signed_in',
        token: session.token,
        expiresAt: session.row.expiresAt,
        sessionId: session.row.id,
      }
    : { status: 'two_factor_required', challengeToken: session.token, expiresAt: session.row.expiresAt };
}
