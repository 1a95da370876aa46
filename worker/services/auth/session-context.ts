import { eq } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { memberships, organizations, sessions, users } from '../../../db/schema';
import { isRole, type Permission, permissionsFor, type Role } from '../../../shared/permissions';
import type { Me } from '../../../shared/schemas/auth';
import { sha256 } from '../../lib/crypto';
import { iso, ms } from '../../lib/time';
import { SESSION_IDLE_MS } from './session-policy';

export type AuthContext = {
  sessionId: string;
  sessionState: string;
  sessionExpiresAt: string;
  lastSeenAt: string;
  userId: string;
  organizationId: string;
  membershipId: string;
  role: Role;
  permissions: Permission[];
  user: { id: string; email: string; name: string; twoFactorEnabled: boolean };
  organization: { id: string; name: string; requireTwoFactor: boolean };
};

/**
 * Resolves a bearer token to everything a request needs in one read: session,
 * membership, user and organisation. Answers null for unknown, revoked,
 * expired or idle sessions and for deactivated members alike.
 */
export async function loadSession(db: Db, token: string, now = Date.now()): Promise<AuthContext | null> {
  const [row] = await db
    .select({
      session: sessions,
      role: memberships.role,
      membershipStatus: memberships.status,
      user: { id: users.id, email: users.email, name: users.name, totpEnabledAt: users.totpEnabledAt },
      organization: organizations,
    })
    .from(sessions)
    .innerJoin(memberships, eq(memberships.id, sessions.membershipId))
    .innerJoin(users, eq(users.id, sessions.userId))
    .innerJoin(organizations, eq(organizations.id, sessions.organizationId))
    .where(eq(sessions.tokenHash, await sha256(token)))
    .limit(1);
  if (!row) return null;
  const { session } = row;
  if (session.revokedAt || row.membershipStatus !== 'active' || !isRole(row.role)) return null;
  if (ms(session.expiresAt) <= now || ms(session.lastSeenAt) + SESSION_IDLE_MS <= now) return null;
  return {
    sessionId: session.id,
    sessionState: session.state,
    sessionExpiresAt: session.expiresAt,
    lastSeenAt: session.lastSeenAt,
    userId: row.user.id,
    organizationId: session.organizationId,
    membershipId: session.membershipId,
    role: row.role,
    permissions: permissionsFor(row.role),
    user: {
      id: row.user.id,
      email: row.user.email,
      name: row.user.name,
      twoFactorEnabled: !!row.user.totpEnabledAt,
    },
    organization: {
      id: row.organization.id,
      name: row.organization.name,
      requireTwoFactor: row.organization.requireTwoFactor,
    },
  };
}

export function meFrom(auth: AuthContext): Me {
  return {
    user: auth.user,
    organization: auth.organization,
    role: auth.role,
    permissions: auth.permissions,
    session: { expiresAt: auth.sessionExpiresAt, idleTimeoutSeconds: SESSION_IDLE_MS / 1000 },
    twoFactorSetupRequired: auth.organization.requireTwoFactor && !auth.user.twoFactorEnabled,
  };
}

export const touchedAt = (now = Date.now()) => iso(now);
