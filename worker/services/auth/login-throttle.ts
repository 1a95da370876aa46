import { inArray, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { loginThrottles } from '../../../db/schema';
import { AppError } from '../../lib/app-error';
import { iso, ms } from '../../lib/time';
import { THROTTLE } from './session-policy';

/**
 * Failed sign-ins are counted per account and per address within a window;
 * past the limit the key is locked and sign-in answers 429 with Retry-After,
 * even with the right password, so guessing gains nothing.
 */
export function throttleKeys(email: string, ip: string | null) {
  return { account: `account:${email}`, address: ip ? `ip:${ip}` : null };
}

export async function assertNotThrottled(db: Db, keys: ReturnType<typeof throttleKeys>, now = Date.now()) {
  const wanted = [keys.account, keys.address].filter((k): k is string => !!k);
  const rows = await db.select().from(loginThrottles).where(inArray(loginThrottles.key, wanted));
  const lockedUntil = Math.max(0, ...rows.map((r) => (r.lockedUntil ? ms(r.lockedUntil) : 0)));
  if (lockedUntil > now) {
    const seconds = Math.ceil((lockedUntil - now) / 1000);
    throw new AppError(
      'rate_limited',
      `Too many failed sign-in attempts. Try again in ${Math.ceil(seconds / 60)} minute(s).`,
      undefined,
      { 'Retry-After': String(seconds) },
    );
  }
}

/** One upsert per key: a new window starts when the old one has passed. */
export function recordFailureStatements(db: Db, keys: ReturnType<typeof throttleKeys>, now = Date.now()) {
  const windowStart = iso(now - THROTTLE.windowMs);
  const lockUntil = iso(now + THROTTLE.lockMs);
  const entries: [string, number][] = [[keys.account, THROTTLE.accountFailures]];
  if (keys.address) entries.push([keys.address, THROTTLE.addressFailures]);
  return entries.map(([key, limit]) =>
    db
      .insert(loginThrottles)
      .values({ key, failures: 1, windowStartedAt: iso(now), lockedUntil: limit <= 1 ? lockUntil : null })
      .onConflictDoUpdate({
        target: loginThrottles.key,
        set: {
          failures: sql`case when ${loginThrottles.windowStartedAt} < ${windowStart} then 1 else ${loginThrottles.failures} + 1 end`,
          windowStartedAt: sql`case when ${loginThrottles.windowStartedAt} < ${windowStart} then ${iso(now)} else ${loginThrottles.windowStartedAt} end`,
          lockedUntil: sql`case when ${loginThrottles.windowStartedAt} >= ${windowStart} and ${loginThrottles.failures} + 1 >= ${limit} then ${lockUntil} else ${loginThrottles.lockedUntil} end`,
        },
      }),
  );
}

export function clearAccountStatement(db: Db, keys: ReturnType<typeof throttleKeys>) {
  return db.delete(loginThrottles).where(inArray(loginThrottles.key, [keys.account]));
}
