import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { loginThrottles } from '../../db/schema';
import { AppError } from './app-error';
import { iso, ms } from './time';

/**
 * A fixed-window counter in `login_throttles` (the cron removes rows a day
 * old, so keys need no cleanup of their own). Each call counts one hit in a
 * single atomic upsert, so parallel requests cannot slip past the limit; past
 * `limit` hits in the window it refuses with 429 and Retry-After until the
 * window ends. Sign-in keeps its own lock-out rules in services/auth/login-throttle.ts.
 */
export async function countHit(
  db: Db,
  key: string,
  limit: number,
  windowMs: number,
  message: string,
  now = Date.now(),
) {
  const fresh = sql`${loginThrottles.windowStartedAt} < ${iso(now - windowMs)}`;
  const [row] = await db
    .insert(loginThrottles)
    .values({ key, failures: 1, windowStartedAt: iso(now), lockedUntil: null })
    .onConflictDoUpdate({
      target: loginThrottles.key,
      set: {
        failures: sql`case when ${fresh} then 1 else ${loginThrottles.failures} + 1 end`,
        windowStartedAt: sql`case when ${fresh} then ${iso(now)} else ${loginThrottles.windowStartedAt} end`,
      },
    })
    .returning({ hits: loginThrottles.failures, windowStartedAt: loginThrottles.windowStartedAt });
  if (row && row.hits > limit) {
    const seconds = Math.max(1, Math.ceil((ms(row.windowStartedAt) + windowMs - now) / 1000));
    throw new AppError('rate_limited', message, undefined, { 'Retry-After': String(seconds) });
  }
}

/**
 * The part of a client address that identifies one client: the whole IPv4
 * address, or the /64 prefix of an IPv6 one (a single home or phone is handed
 * a whole /64, so counting full IPv6 addresses would be trivial to get around).
 */
export function addressBucket(ip: string | null): string {
  if (!ip) return 'unknown';
  // Plain IPv4, or IPv4 written as IPv6 (`::ffff:192.0.2.1`): the IPv4 address.
  const v4 = ip.match(/(\d{1,3}(?:\.\d{1,3}){3})$/);
  if (v4) return v4[1]!;
  if (!ip.includes(':')) return ip;
  const [head = '', tail = ''] = ip.toLowerCase().split('::');
  const left = head ? head.split(':') : [];
  const right = ip.includes('::') && tail ? tail.split(':') : [];
  const groups = ip.includes('::')
    ? [...left, ...Array(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right]
    : left;
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}
