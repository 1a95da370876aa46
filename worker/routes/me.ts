import { createRoute } from '@hono/zod-openapi';
import {
  meSchema,
  twoFactorDisableSchema,
  twoFactorEnabledSchema,
  twoFactorEnableSchema,
  twoFactorSetupSchema,
} from '../../shared/schemas/auth';
import { commonErrors, conflictError, json, jsonBody, newRouter, noContent } from '../lib/openapi';
import { clientIp } from '../middleware/request-context';
import { requireAuth } from '../middleware/require-auth';
import { meFrom } from '../services/auth/session-context';
import { turnOffTwoFactor } from '../services/auth/turn-off-two-factor';
import { enableTwoFactor, startTwoFactorSetup } from '../services/auth/two-factor';

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
      const { db, audit, auth } = c.var;
      await turnOffTwoFactor(db, audit, auth, c.req.valid('json').password, clientIp(c.req.raw.headers));
      return c.body(null, 204);
    },
  );
