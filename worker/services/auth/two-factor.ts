import { and, eq, isNull, lt, or } from 'drizzle-orm';
import * as OTPAuth from 'otpauth';
import type { Db } from '../../../db/client';
import { backupCodes, users } from '../../../db/schema';
import { AppError } from '../../lib/app-error';
import type { AuditLog } from '../../lib/audit-log';
import { newId, randomBytes, sha256 } from '../../lib/crypto';
import { iso } from '../../lib/time';
import type { AuthContext } from './session-context';

const ISSUER = 'Sidecar CRM';
const BACKUP_CODE_COUNT = 10;

function totp(secret: string, label: string) {
  return new OTPAuth.TOTP({
    issuer: ISSUER,
    label,
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
    secret: OTPAuth.Secret.fromBase32(secret),
  });
}

/** ±1 step of 30 s tolerates phone clocks that drift a little. */
/** The 30-second step the code belongs to (±1 step of 30 s tolerates drifting phone clocks), or null. */
export function totpStep(secret: string, code: string, timestamp = Date.now()): number | null {
  const delta = totp(secret, 'x').validate({ token: code, timestamp, window: 1 });
  return delta === null ? null : Math.floor(timestamp / 30_000) + delta;
}

export function currentTotp(secret: string, timestamp = Date.now()): string {
  return totp(secret, 'x').generate({ timestamp });
}

/** A new secret, not yet in force until `enableTwoFactor` sees a code made from it. */
export async function startTwoFactorSetup(db: Db, auth: AuthContext) {
  if (auth.user.twoFactorEnabled) throw new AppError('conflict', 'Two-factor sign-in is already on');
  const secret = new OTPAuth.Secret({ size: 20 }).base32;
  await db.update(users).set({ totpSecret: secret, updatedAt: iso() }).where(eq(users.id, auth.userId));
  return { secret, otpauthUrl: totp(secret, auth.user.email).toString() };
}

function newBackupCode(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
  const bytes = randomBytes(10);
  const chars = Array.from(bytes, (b) => alphabet[b % alphabet.length]).join('');
  return `${chars.slice(0, 5)}-${chars.slice(5)}`;
}

const normaliseBackupCode = (code: string) =>
  code
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');

export async function enableTwoFactor(db: Db, audit: AuditLog, auth: AuthContext, code: string) {
  const [user] = await db.select().from(users).where(eq(users.id, auth.userId)).limit(1);
  if (!user?.totpSecret) throw new AppError('conflict', 'Start two-factor setup first');
  if (user.totpEnabledAt) throw new AppError('conflict', 'Two-factor sign-in is already on');
  const step = totpStep(user.totpSecret, code);
  if (step === null) {
    throw new AppError(
      'validation_failed',
      'That code does not match. Check the time on your phone and try again.',
      [{ path: 'code', issue: 'does not match' }],
    );
  }
  const codes = Array.from({ length: BACKUP_CODE_COUNT }, newBackupCode);
  const now = iso();
  const rows = await Promise.all(
    codes.map(async (c) => ({
      id: newId('bkc'),
      userId: user.id,
      codeHash: await sha256(normaliseBackupCode(c)),
      createdAt: now,
    })),
  );
  await db.batch([
    db.delete(backupCodes).where(eq(backupCodes.userId, user.id)),
    db.insert(backupCodes).values(rows),
    db
      .update(users)
      .set({ totpEnabledAt: now, totpLastStep: step, updatedAt: now })
      .where(eq(users.id, user.id)),
    audit.statement({ action: 'two_factor_enable', entityType: 'user', entityId: user.id }),
  ]);
  return { backupCodes: codes };
}

export async function disableTwoFactor(db: Db, audit: AuditLog, auth: AuthContext) {
  if (auth.organization.requireTwoFactor) {
    throw new AppError(
      'conflict',
      'Your organisation requires two-factor sign-in, so it cannot be turned off',
    );
  }
  const now = iso();
  await db.batch([
    db.delete(backupCodes).where(eq(backupCodes.userId, auth.userId)),
    db
      .update(users)
      .set({ totpSecret: null, totpEnabledAt: null, updatedAt: now })
      .where(eq(users.id, auth.userId)),
    audit.statement({ action: 'two_factor_disable', entityType: 'user', entityId: auth.userId }),
  ]);
}

/** A TOTP code, or an unused backup code (spent by this call). */
export async function verifySecondFactor(
  db: Db,
  userId: string,
  code: string,
): Promise<'totp' | 'backup_code' | null> {
  const [user] = await db.select().from(users).where(eq(users.id, userId)).limit(1);
  if (!user?.totpSecret || !user.totpEnabledAt) return null;
  const step = /^\d{6}$/.test(code.trim()) ? totpStep(user.totpSecret, code.trim()) : null;
  if (step !== null) {
    // Accept each step once: a code seen over someone's shoulder cannot be replayed.
    const claimed = await db
      .update(users)
      .set({ totpLastStep: step })
      .where(and(eq(users.id, userId), or(isNull(users.totpLastStep), lt(users.totpLastStep, step))))
      .returning({ id: users.id });
    return claimed.length ? 'totp' : null;
  }
  const hash = await sha256(normaliseBackupCode(code));
  const spent = await db
    .update(backupCodes)
    .set({ usedAt: iso() })
    .where(and(eq(backupCodes.userId, userId), eq(backupCodes.codeHash, hash), isNull(backupCodes.usedAt)))
    .returning({ id: backupCodes.id });
  return spent.length ? 'backup_code' : null;
}
