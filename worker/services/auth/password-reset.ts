import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { passwordResets, users } from '../../../db/schema';
import { AppError } from '../../lib/app-error';
import type { AuditLog } from '../../lib/audit-log';
import { newId, randomToken, sha256 } from '../../lib/crypto';
import { hashPassword } from '../../lib/password-hash';
import { HOUR, iso, ms } from '../../lib/time';
import { queueEmail } from '../email/outbox';
import { passwordResetEmail } from '../email/templates';
import { revokeUserSessionsStatement } from './sessions';

export const PASSWORD_RESET_TTL_MS = HOUR;

/**
 * Sends a reset link when the address has an account. The caller answers the
 * same way either way, so the endpoint cannot be used to find accounts.
 */
export async function requestPasswordReset(
  db: Db,
  audit: AuditLog,
  email: string,
  baseUrl: string,
): Promise<string | null> {
  const [user] = await db.select({ id: users.id }).from(users).where(eq(users.email, email)).limit(1);
  if (!user) return null;
  const token = randomToken();
  const now = Date.now();
  const message = queueEmail(db, {
    organizationId: null,
    ...passwordResetEmail({ to: email, link: `${baseUrl}/reset-password/${token}` }),
  });
  await db.batch([
    db.insert(passwordResets).values({
      id: newId('pwr'),
      userId: user.id,
      tokenHash: await sha256(token),
      createdAt: iso(now),
      expiresAt: iso(now + PASSWORD_RESET_TTL_MS),
    }),
    message.statement,
    audit.statement({
      action: 'password_reset_request',
      entityType: 'user',
      entityId: user.id,
      organizationId: null,
      actorUserId: user.id,
    }),
  ]);
  return message.id;
}

export async function findOpenReset(db: Db, token: string) {
  const [row] = await db
    .select()
    .from(passwordResets)
    .where(
      and(
        eq(passwordResets.tokenHash, await sha256(token)),
        isNull(passwordResets.usedAt),
        gt(passwordResets.expiresAt, iso()),
      ),
    )
    .limit(1);
  return row && ms(row.expiresAt) > Date.now() ? row : null;
}

/** Sets the new password, spends the link and signs the user out everywhere. */
export async function confirmPasswordReset(db: Db, audit: AuditLog, token: string, password: string) {
  const reset = await findOpenReset(db, token);
  if (!reset)
    throw new AppError('not_found', 'This reset link is not valid or has expired. Ask for a new one.');
  const now = iso();
  await db.batch([
    db
      .update(users)
      .set({ passwordHash: await hashPassword(password), updatedAt: now })
      .where(eq(users.id, reset.userId)),
    db.update(passwordResets).set({ usedAt: now }).where(eq(passwordResets.userId, reset.userId)),
    revokeUserSessionsStatement(db, reset.userId),
    audit.statement({
      action: 'password_reset',
      entityType: 'user',
      entityId: reset.userId,
      organizationId: null,
      actorUserId: reset.userId,
    }),
  ]);
}
