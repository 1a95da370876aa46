import { eq } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { sessions, users } from '../../../db/schema';
import { AppError } from '../../lib/app-error';
import type { AuditLog } from '../../lib/audit-log';
import { sha256 } from '../../lib/crypto';
import { ms } from '../../lib/time';
import type { ClientFacts, LoginResult } from './login';
import {
  countChallengeAttempt,
  releaseAttemptStatements,
  reserveAttempt,
  throttleKeys,
} from './login-throttle';
import { revokeSessionStatement, sessionInsert } from './sessions';
import { verifySecondFactor } from './two-factor';

const CODES_PER_CHALLENGE = 5;

/** Second step of sign-in: trades a password-checked challenge and a code for a session. */
export async function completeTwoFactorLogin(
  db: Db,
  audit: AuditLog,
  input: { challengeToken: string; code: string },
  client: ClientFacts,
): Promise<Extract<LoginResult, { status: 'signed_in' }>> {
  const [row] = await db
    .select({ session: sessions, email: users.email })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.tokenHash, await sha256(input.challengeToken)))
    .limit(1);
  const challenge = row?.session;
  if (
    !row ||
    !challenge ||
    challenge.state !== 'two_factor' ||
    challenge.revokedAt ||
    ms(challenge.expiresAt) <= Date.now()
  ) {
    throw new AppError('unauthenticated', 'This sign-in has expired. Enter your email and password again.');
  }
  const keys = throttleKeys(row.email, client.ip);
  const reservation = await reserveAttempt(db, keys);
  // At most this many codes per challenge, counted before checking, so parallel guesses gain nothing.
  if ((await countChallengeAttempt(db, challenge.id)) > CODES_PER_CHALLENGE) {
    await revokeSessionStatement(db, challenge.id);
    throw new AppError('unauthenticated', 'Too many wrong codes. Enter your email and password again.');
  }

  const method = await verifySecondFactor(db, challenge.userId, input.code);
  const who = { organizationId: challenge.organizationId, actorUserId: challenge.userId };
  if (!method) {
    await db.batch([
      audit.statement({
        action: 'login_failed',
        entityType: 'session',
        entityId: challenge.id,
        outcome: 'failure',
        ...who,
        detail: { reason: 'wrong_second_factor' },
      }),
    ]);
    throw new AppError(
      'unauthenticated',
      'That code is not right. Try the current code from your app, or a backup code.',
    );
  }

  const session = await sessionInsert(db, {
    userId: challenge.userId,
    organizationId: challenge.organizationId,
    membershipId: challenge.membershipId,
    state: 'active',
    ...client,
  });
  // Claim the challenge: of two right codes sent at once, only one gets a session.
  const claimed = await revokeSessionStatement(db, challenge.id).returning({ id: sessions.id });
  if (!claimed.length)
    throw new AppError('unauthenticated', 'This sign-in has expired. Enter your email and password again.');
  await db.batch([
    session.statement,
    ...releaseAttemptStatements(db, keys, reservation),
    audit.statement({
      action: 'login',
      entityType: 'session',
      entityId: session.row.id,
      ...who,
      detail: { stage: 'complete', secondFactor: method },
    }),
  ]);
  return {
    status: 'signed_in',
    token: session.token,
    expiresAt: session.row.expiresAt,
    sessionId: session.row.id,
  };
}
