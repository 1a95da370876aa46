import { eq } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { users } from '../../../db/schema';
import { AppError } from '../../lib/app-error';
import type { AuditLog } from '../../lib/audit-log';
import { verifyPassword } from '../../lib/password-hash';
import { releaseAttemptStatements, reserveAttempt, throttleKeys } from './login-throttle';
import type { AuthContext } from './session-context';
import { disableTwoFactor } from './two-factor';

/**
 * Turns two-factor sign-in off once the password is confirmed. The same
 * per-account limit as sign-in applies: a stolen session cannot guess the password here.
 */
export async function turnOffTwoFactor(
  db: Db,
  audit: AuditLog,
  auth: AuthContext,
  password: string,
  ip: string | null,
): Promise<void> {
  const keys = throttleKeys(auth.user.email, ip);
  const reservation = await reserveAttempt(db, keys);
  const [user] = await db.select({ hash: users.passwordHash }).from(users).where(eq(users.id, auth.userId));
  if (!user?.hash || !(await verifyPassword(password, user.hash))) {
    throw new AppError('validation_failed', 'That password is not right', [
      { path: 'password', issue: 'does not match' },
    ]);
  }
  await disableTwoFactor(db, audit, auth);
  const [first, ...rest] = releaseAttemptStatements(db, keys, reservation);
  if (first) await db.batch([first, ...rest]);
}
