import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../env';
import { AppError } from '../lib/app-error';
import { type FacilityVisibility, TenantDb } from '../lib/tenant-db';
import { ms } from '../lib/time';
import { loadSession } from '../services/auth/session-context';
import { SESSION_TOUCH_INTERVAL_MS } from '../services/auth/session-policy';

/** Paths a member may still use while their organisation requires 2FA they have not set up. */
const TWO_FACTOR_SETUP_PATHS = [
  '/api/v1/me',
  '/api/v1/me/two-factor/setup',
  '/api/v1/me/two-factor/enable',
  '/api/v1/auth/logout',
];

/**
 * Bearer-token sign-in for every /api/v1 route but the public ones. Sets the
 * auth context and the tenant-scoped database (`c.var.tenant`), the only
 * database handle tenant data is reached through.
 */
export const requireAuth = createMiddleware<AppEnv>(async (c, next) => {
  // Two sub-apps mounted on one path both ask for it; the session is read once.
  if (c.var.auth) return next();
  const header = c.req.header('Authorization') ?? '';
  const token = header.startsWith('Bearer ') ? header.slice(7).trim() : '';
  const auth = token ? await loadSession(c.var.db, token) : null;
  if (auth?.sessionState !== 'active') {
    throw new AppError(
      'unauthenticated',
      token ? 'Your session has ended. Sign in again.' : 'Sign in to continue.',
    );
  }
  if (
    auth.organization.requireTwoFactor &&
    !auth.user.twoFactorEnabled &&
    !TWO_FACTOR_SETUP_PATHS.includes(c.req.path)
  ) {
    throw new AppError('forbidden', 'Your organisation requires two-factor sign-in. Set it up to continue.');
  }
  c.set('auth', auth);
  // Facility visibility is decided here, once: a facility admin sees only the
  // facilities attached to their membership, everyone else the whole organisation.
  const facilities: FacilityVisibility =
    auth.role === 'facility_admin' ? { kind: 'attached', membershipId: auth.membershipId } : { kind: 'all' };
  c.set('tenant', new TenantDb(c.var.db, auth.organizationId, facilities));
  c.var.audit.actor = { organizationId: auth.organizationId, userId: auth.userId };
  if (Date.now() - ms(auth.lastSeenAt) >= SESSION_TOUCH_INTERVAL_MS) c.set('touchSessionId', auth.sessionId);
  await next();
});
