import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { loginThrottles } from '../../../db/schema';
import { AppError } from '../../lib/app-error';
import { iso, ms } from '../../lib/time';
import { THROTTLE } from './session-policy';

/**
 * Sign-in attempts are counted per account and per address within a window.
 * An attempt is counted *before* the password or code is checked, in one
 * atomic upsert, so parallel guesses cannot slip past the limit; a success
 * gives the attempt back. Past the limit the key is locked and sign-in answers
 * 429 with Retry-After, even with the right password, so guessing gains nothing.
 */
export function throttleKeys(email: string, ip: string | null) {
  return { account: `account:${email}`, address: ip ? `ip:${ip}` : null };
}

type Keys = ReturnType<typeof throttleKeys>;

function countStatement(db: Db, key: string, limit: number, now: number) {
  const windowStart = iso(now - THROTTLE.windowMs);
  const lockUntil = iso(now + THROTTLE.lockMs);
  const fresh = sql`${loginThrottles.windowStartedAt} < ${windowStart}`;
  return db
    .insert(loginThrottles)
    .values({ key, failures: 1, windowStartedAt: iso(now), lockedUntil: null })
    .onConflictDoUpdate({
      target: loginThrottles.key,
      set: {
        failures: sql`case when ${fresh} then 1 else ${loginThrottles.failures} + 1 end`,
        lockedUntil: sql`case when not ${fresh} and ${loginThrottles.failures} + 1 > ${limit} then coalesce(${loginThrottles.lockedUntil}, ${lockUntil}) else ${loginThrottles.lockedUntil} end`,
        windowStartedAt: sql`case when ${fresh} then ${iso(now)} else ${loginThrottles.windowStartedAt} end`,
      },
    })
    .returning({ failures: loginThrottles.failures, lockedUntil: loginThrottles.lockedUntil });
}

function refuse(lockedUntil: number, now: number): never {
  const seconds = Math.max(1, Math.ceil((lockedUntil - now) / 1000));
  throw new AppError(
    'rate_limited',
    `Too many failed sign-in attempts. Try again in ${Math.ceil(seconds / 60)} minute(s).`,
    undefined,
    {
      'Retry-After': String(seconds),
    },
  );
}

/** Counts this attempt against the account and the address, or refuses it (429). */
export async function reserveAttempt(db: Db, keys: Keys, now = Date.now()) {
  const statements = [countStatement(db, keys.account, THROTTLE.accountFailures, now)];
  if (keys.address) statements.push(countStatement(db, keys.address, THROTTLE.addressFailures, now));
  const results = await db.batch(statements as [(typeof statements)[number], ...typeof statements]);
  const lockedUntil = Math.max(0, ...results.flat().map((r) => (r.lockedUntil ? ms(r.lockedUntil) : 0)));
  if (lockedUntil > now) refuse(lockedUntil, now);
}

/** A success: the account starts afresh and the address gets its attempt back. */
export function releaseAttemptStatements(db: Db, keys: Keys) {
  const out = [db.delete(loginThrottles).where(eq(loginThrottles.key, keys.account))];
  if (keys.address) {
    out.push(
      db
        .update(loginThrottles)
        .set({ failures: sql`max(${loginThrottles.failures} - 1, 0)` })
        .where(eq(loginThrottles.key, keys.address)) as unknown as (typeof out)[number],
    );
  }
  return out;
}

/** Counts one try of a code against a two-factor challenge; more than `limit` ends it. */
export async function countChallengeAttempt(db: Db, challengeId: string, limit: number, now = Date.now()) {
  const [row] = await countStatement(db, `challenge:${challengeId}`, limit, now);
  return row?.failures ?? 1;
}
