import { eq, sql } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import type { Db } from '../../../db/client';
import { loginThrottles } from '../../../db/schema';
import { AppError } from '../../lib/app-error';
import { addressBucket } from '../../lib/rate-limit';
import { iso, ms } from '../../lib/time';
import { THROTTLE } from './session-policy';

/**
 * Sign-in attempts are throttled without handing out lock-outs (ARCHITECTURE.md,
 * "Sign-in throttling"):
 * - per account, a growing wait: after the free failures each failure makes
 *   the next try wait twice as long. A try inside the wait is refused before
 *   the password is checked, so guessing gains nothing. An address where the
 *   account signed in before keeps its own wait (`pair:`), so a stranger
 *   elsewhere cannot keep the holder out at the office.
 * - per address, a count in a window: past it, the address gets no free
 *   failures and wrong passwords answer 429, but a right password (and second
 *   factor) is still admitted, so one person's typos or a stranger on the
 *   shared clinic address never lock the front desk out.
 * An attempt is counted before the check in one atomic upsert, so parallel
 * guesses cannot slip past; a success gives it back.
 */
export function throttleKeys(email: string, ip: string | null) {
  const bucket = ip ? addressBucket(ip) : null;
  return {
    email,
    account: `account:${email}`,
    pair: bucket ? `pair:${email}|${bucket}` : null,
    known: bucket ? `known:${email}|${bucket}` : null,
    address: bucket ? `ip:${bucket}` : null,
  };
}

export type ThrottleKeys = ReturnType<typeof throttleKeys>;
/** What a reserved attempt found: the key it counted on, its failures and whether the address is past its limit. */
export type Reservation = { key: string; failures: number; addressOver: boolean; addressRetryAt: number };

function countStatement(db: Db, key: string, windowMs: number, now: number) {
  const fresh = sql`${loginThrottles.windowStartedAt} < ${iso(now - windowMs)}`;
  return db
    .insert(loginThrottles)
    .values({ key, failures: 1, windowStartedAt: iso(now), lockedUntil: null })
    .onConflictDoUpdate({
      target: loginThrottles.key,
      set: {
        failures: sql`case when ${fresh} then 1 else ${loginThrottles.failures} + 1 end`,
        windowStartedAt: sql`case when ${fresh} then ${iso(now)} else ${loginThrottles.windowStartedAt} end`,
      },
    })
    .returning({ failures: loginThrottles.failures, windowStartedAt: loginThrottles.windowStartedAt });
}

/** The wait after the `failures`-th failure: none while free, then doubling from the first wait. */
export function waitAfter(failures: number, free: number): number {
  if (failures < free) return 0;
  return Math.min(THROTTLE.maxWaitMs, THROTTLE.firstWaitMs * 2 ** Math.min(20, failures - free));
}

/**
 * Counts one try on `key` unless it is inside its wait: the upsert only
 * touches a row whose wait is over, so a refused try changes nothing and
 * returns no row. The new wait is computed in SQL from the new count, so two
 * parallel tries cannot both see the old one.
 */
function backoffStatement(db: Db, key: string, free: number, now: number) {
  const fresh = sql`${loginThrottles.windowStartedAt} < ${iso(now - THROTTLE.accountWindowMs)}`;
  const next = sql`(case when ${fresh} then 1 else ${loginThrottles.failures} + 1 end)`;
  const exponent = sql`min(20, max(0, ${next} - ${free}))`;
  const waitMs = sql`min(${THROTTLE.maxWaitMs}, ${THROTTLE.firstWaitMs} * (1 << ${exponent}))`;
  const waitEnd = sql`strftime('%Y-%m-%dT%H:%M:%fZ', (${now} + ${waitMs}) / 1000.0, 'unixepoch')`;
  const firstWait = waitAfter(1, free);
  return db
    .insert(loginThrottles)
    .values({
      key,
      failures: 1,
      windowStartedAt: iso(now),
      lockedUntil: firstWait ? iso(now + firstWait) : null,
    })
    .onConflictDoUpdate({
      target: loginThrottles.key,
      set: {
        failures: next,
        windowStartedAt: sql`case when ${fresh} then ${iso(now)} else ${loginThrottles.windowStartedAt} end`,
        lockedUntil: sql`case when ${next} >= ${free} then ${waitEnd} else null end`,
      },
      setWhere: sql`${loginThrottles.lockedUntil} is null or ${loginThrottles.lockedUntil} <= ${iso(now)}`,
    })
    .returning({ failures: loginThrottles.failures });
}

function refuse(retryAt: number, now: number, message: string): never {
  const seconds = Math.max(1, Math.ceil((retryAt - now) / 1000));
  throw new AppError('rate_limited', message, undefined, { 'Retry-After': String(seconds) });
}

function waitMessage(retryAt: number, now: number) {
  const seconds = Math.max(1, Math.ceil((retryAt - now) / 1000));
  const when = seconds < 60 ? `${seconds} seconds` : `${Math.ceil(seconds / 60)} minute(s)`;
  return `Too many failed sign-in attempts. Try again in ${when}.`;
}

/** Counts this attempt against the account (or its known address) and the address, or refuses it (429). */
export async function reserveAttempt(db: Db, keys: ThrottleKeys, now = Date.now()): Promise<Reservation> {
  let addressOver = false;
  let addressRetryAt = now;
  let key = keys.account;
  if (keys.address && keys.known && keys.pair) {
    const [[address], [known]] = await db.batch([
      countStatement(db, keys.address, THROTTLE.addressWindowMs, now),
      db
        .select({ lockedUntil: loginThrottles.lockedUntil })
        .from(loginThrottles)
        .where(eq(loginThrottles.key, keys.known)),
    ]);
    addressOver = (address?.failures ?? 0) > THROTTLE.addressFailures;
    addressRetryAt = address ? ms(address.windowStartedAt) + THROTTLE.addressWindowMs : now;
    if (known?.lockedUntil && ms(known.lockedUntil) > now) key = keys.pair;
  }
  const free = addressOver ? 0 : THROTTLE.freeFailures;
  const [row] = await backoffStatement(db, key, free, now);
  if (!row) {
    const [current] = await db
      .select({ lockedUntil: loginThrottles.lockedUntil })
      .from(loginThrottles)
      .where(eq(loginThrottles.key, key));
    const retryAt = current?.lockedUntil ? ms(current.lockedUntil) : now + THROTTLE.firstWaitMs;
    refuse(retryAt, now, waitMessage(retryAt, now));
  }
  return { key, failures: row.failures, addressOver, addressRetryAt };
}

/** A wrong password from an address past its limit: 429 until its window ends, so tools see they are slowed. */
export function refuseFromBusyAddress(reservation: Reservation, now = Date.now()): never {
  refuse(
    reservation.addressRetryAt,
    now,
    'Too many failed sign-in attempts from this network. Check the email and password; the right ones still work.',
  );
}

/** A success: the account starts afresh, the address gets its attempt back and is known to this account. */
export function releaseAttemptStatements(
  db: Db,
  keys: ThrottleKeys,
  reservation: Reservation,
  now = Date.now(),
): BatchItem<'sqlite'>[] {
  const out: BatchItem<'sqlite'>[] = [
    db.delete(loginThrottles).where(eq(loginThrottles.key, reservation.key)),
  ];
  if (keys.address && keys.known) {
    const knownUntil = iso(now + THROTTLE.knownAddressMs);
    out.push(
      db
        .update(loginThrottles)
        .set({ failures: sql`max(${loginThrottles.failures} - 1, 0)` })
        .where(eq(loginThrottles.key, keys.address)),
      db
        .insert(loginThrottles)
        .values({ key: keys.known, failures: 0, windowStartedAt: iso(now), lockedUntil: knownUntil })
        .onConflictDoUpdate({
          target: loginThrottles.key,
          set: { windowStartedAt: iso(now), lockedUntil: knownUntil },
        }),
    );
  }
  return out;
}

/** Counts one try of a code against a two-factor challenge; the caller ends it past its limit. */
export async function countChallengeAttempt(db: Db, challengeId: string, now = Date.now()) {
  const [row] = await countStatement(db, `challenge:${challengeId}`, THROTTLE.addressWindowMs, now);
  return row?.failures ?? 1;
}
