import { createRoute } from '@hono/zod-openapi';
import { eq } from 'drizzle-orm';
import { users } from '../../db/schema';
import {
  meSchema,
  twoFactorDisableSchema,
  twoFactorEnabledSchema,
  twoFactorEnableSchema,
  twoFactorSetupSchema,
} from '../../shared/schemas/auth';
import { AppError } from '../lib/app-error';
import { commonErrors, conflictError, json, jsonBody, newRouter, noContent } from '../lib/openapi';
import { clientIp } from '../middleware/request-context';
import { requireAuth } from '../middleware/require-auth';
import { releaseAttemptStatements, reserveAttempt, throttleKeys } from '../services/auth/login-throttle';
import { verifyPassword } from '../services/auth/password-hash';
import { meFrom } from '../services/auth/session-context';
import { disableTwoFactor, enableTwoFactor, startTwoFactorSetup } from '../services/auth/two-factor';

export const meRoutes = newRouter(requireAuth)
  .openapi(
    createRoute({
      method: 'get',
      path: '/',
      tags: ['me'],
      summary: 'Who is signed in, their organisation, role and permissions',
      responses: { 200: json(meSchema, 'The signed-in member'), ...commonErrors },
    }),
    (c) => {
      c.var.audit.record({
        action: 'read',
        entityType: 'user',
        entityId: c.var.auth.userId,
        detail: { self: true },
      });
      return c.json(meFrom(c.var.auth), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/two-factor/setup',
      tags: ['me'],
      summary: 'Start two-factor setup: a new authenticator secret',
      responses: {
        200: json(twoFactorSetupSchema, 'Scan or type this secret into an authenticator app'),
        ...commonErrors,
        ...conflictError,
      },
    }),
    async (c) => c.json(await startTwoFactorSetup(c.var.db, c.var.auth), 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/two-factor/enable',
      tags: ['me'],
      summary: 'Turn two-factor sign-in on with a code from the app; returns one-time backup codes',
      request: jsonBody(twoFactorEnableSchema),
      responses: {
        200: json(twoFactorEnabledSchema, 'On; keep the backup codes somewhere safe'),
        ...commonErrors,
        ...conflictError,
      },
    }),
    async (c) =>
      c.json(await enableTwoFactor(c.var.db, c.var.audit, c.var.auth, c.req.valid('json').code), 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/two-factor/disable',
      tags: ['me'],
      summary: 'Turn two-factor sign-in off (needs the password)',
      request: jsonBody(twoFactorDisableSchema),
      responses: { ...noContent, ...commonErrors, ...conflictError },
    }),
    async (c) => {
      // The same per-account limit as sign-in: a stolen session cannot guess the password here.
      const keys = throttleKeys(c.var.auth.user.email, clientIp(c.req.raw.headers));
      await reserveAttempt(c.var.db, keys);
      const [user] = await c.var.db
        .select({ hash: users.passwordHash })
        .from(users)
        .where(eq(users.id, c.var.auth.userId));
      if (!user?.hash || !(await verifyPassword(c.req.valid('json').password, user.hash))) {
        throw new AppError('validation_failed', 'That password is not right', [
          { path: 'password', issue: 'does not match' },
        ]);
      }
      await disableTwoFactor(c.var.db, c.var.audit, c.var.auth);
      await c.var.db.batch(
        releaseAttemptStatements(c.var.db, keys) as [ReturnType<typeof releaseAttemptStatements>[number]],
      );
      return c.body(null, 204);
    },
  );
