import { DAY, HOUR, MINUTE, SECOND } from '../../lib/time';

export const SESSION_IDLE_MS = 30 * MINUTE;
export const SESSION_ABSOLUTE_MS = 12 * HOUR;
/** A password-checked sign-in waits this long for its second factor. */
export const TWO_FACTOR_CHALLENGE_MS = 5 * MINUTE;
/**
 * `last_seen_at` is refreshed at most this often: the idle clock is then exact
 * to within a minute and a burst of requests costs no write each.
 */
export const SESSION_TOUCH_INTERVAL_MS = MINUTE;

/**
 * Sign-in throttling (services/auth/login-throttle.ts). Each failure on an
 * account makes the next try wait longer (10 s, 20 s, 40 s, … up to 15 min)
 * once `freeFailures` are spent; an address past `addressFailures` in its
 * window gets no free failures and answers wrong passwords with 429, but
 * never refuses a right one.
 */
export const THROTTLE = {
  accountWindowMs: DAY,
  freeFailures: 3,
  firstWaitMs: 10 * SECOND,
  maxWaitMs: 15 * MINUTE,
  addressWindowMs: 15 * MINUTE,
  addressFailures: 20,
  /** An address where the account signed in is "known" this long after. */
  knownAddressMs: 30 * DAY,
  /** The holder is emailed when this many failures in a row reach the account. */
  notifyAt: 3,
};
