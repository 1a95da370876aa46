import { HOUR, MINUTE } from '../../lib/time';

export const SESSION_IDLE_MS = 30 * MINUTE;
export const SESSION_ABSOLUTE_MS = 12 * HOUR;
/** A password-checked sign-in waits this long for its second factor. */
export const TWO_FACTOR_CHALLENGE_MS = 5 * MINUTE;
/**
 * `last_seen_at` is refreshed at most this often: the idle clock is then exact
 * to within a minute and a burst of requests costs no write each.
 */
export const SESSION_TOUCH_INTERVAL_MS = MINUTE;

export const THROTTLE = {
  windowMs: 15 * MINUTE,
  lockMs: 15 * MINUTE,
  accountFailures: 5,
  addressFailures: 20,
};
