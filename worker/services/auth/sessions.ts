import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { sessions } from '../../../db/schema';
import { newId, randomToken, sha256 } from '../../lib/crypto';
import type { TenantDb } from '../../lib/tenant-db';
import { iso } from '../../lib/time';
import { SESSION_ABSOLUTE_MS, TWO_FACTOR_CHALLENGE_MS } from './session-policy';

export type SessionState = 'active' | 'two_factor';

type NewSession = {
  userId: string;
  organizationId: string;
  membershipId: string;
  state: SessionState;
  ip: string | null;
  userAgent: string | null;
};

/** The token is returned once and stored only as its hash. */
export async function sessionInsert(db: Db, input: NewSession, now = Date.now()) {
  const token = randomToken();
  const lifetime = input.state === 'active' ? SESSION_ABSOLUTE_MS : TWO_FACTOR_CHALLENGE_MS;
  const row = {
    id: newId('ses'),
    tokenHash: await sha256(token),
    ...input,
    userAgent: input.userAgent?.slice(0, 300) ?? null,
    createdAt: iso(now),
    lastSeenAt: iso(now),
    expiresAt: iso(now + lifetime),
  };
  return { token, row, statement: db.insert(sessions).values(row) };
}

export function revokeSessionStatement(db: Db, sessionId: string) {
  return db
    .update(sessions)
    .set({ revokedAt: iso() })
    .where(and(eq(sessions.id, sessionId), isNull(sessions.revokedAt)));
}

export function revokeMembershipSessionsStatement(tenant: TenantDb, membershipId: string) {
  return tenant.update(
    sessions,
    { revokedAt: iso() },
    and(eq(sessions.membershipId, membershipId), isNull(sessions.revokedAt)),
  );
}

export function revokeUserSessionsStatement(db: Db, userId: string) {
  return db
    .update(sessions)
    .set({ revokedAt: iso() })
    .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt)));
}
