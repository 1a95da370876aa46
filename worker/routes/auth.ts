import { createRoute } from '@hono/zod-openapi';
import type { Context } from 'hono';
import {
  loginBodySchema,
  loginResponseSchema,
  passwordResetConfirmSchema,
  passwordResetRequestSchema,
  sessionResponseSchema,
  twoFactorLoginBodySchema,
} from '../../shared/schemas/auth';
import type { AppEnv } from '../env';
import { commonErrors, json, jsonBody, newRouter, noContent, rateLimitedError } from '../lib/openapi';
import { clientIp } from '../middleware/request-context';
import { requireAuth } from '../middleware/require-auth';
import { completeTwoFactorLogin } from '../services/auth/complete-two-factor-login';
import { endSession } from '../services/auth/end-session';
import { login } from '../services/auth/login';
import { confirmPasswordReset, requestPasswordReset } from '../services/auth/password-reset';
import { signedInAnswer } from '../services/auth/signed-in-answer';
import { deliverInBackground } from '../services/email/deliver-in-background';

const client = (c: Context<AppEnv>) => ({
  ip: clientIp(c.req.raw.headers),
  userAgent: c.req.header('User-Agent') ?? null,
});

export const authRoutes = newRouter()
  .openapi(
    createRoute({
      method: 'post',
      path: '/login',
      tags: ['auth'],
      summary: 'Sign in with email and password',
      request: jsonBody(loginBodySchema),
      responses: {
        200: json(loginResponseSchema, 'Signed in, or a second factor is required'),
        ...commonErrors,
        ...rateLimitedError,
      },
    }),
    async (c) => {
      const result = await login(c.var.db, c.var.audit, c.req.valid('json'), client(c), (ids) =>
        deliverInBackground(c, ids),
      );
      if (result.status === 'two_factor_required') return c.json(result, 200);
      return c.json(await signedInAnswer(c.var.db, result.token, result.expiresAt), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/login/two-factor',
      tags: ['auth'],
      summary: 'Complete sign-in with an authenticator code or a backup code',
      request: jsonBody(twoFactorLoginBodySchema),
      responses: { 200: json(sessionResponseSchema, 'Signed in'), ...commonErrors, ...rateLimitedError },
    }),
    async (c) => {
      const result = await completeTwoFactorLogin(c.var.db, c.var.audit, c.req.valid('json'), client(c));
      return c.json(await signedInAnswer(c.var.db, result.token, result.expiresAt), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/logout',
      tags: ['auth'],
      summary: 'End this session',
      middleware: [requireAuth] as const,
      responses: { ...noContent, ...commonErrors },
    }),
    async (c) => {
      await endSession(c.var.db, c.var.audit, c.var.auth);
      c.set('touchSessionId', undefined);
      return c.body(null, 204);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/password-reset',
      tags: ['auth'],
      summary: 'Email a password-reset link (the answer never says whether the address has an account)',
      request: jsonBody(passwordResetRequestSchema),
      responses: {
        202: { description: 'If the address has an account, a link is on its way' },
        ...commonErrors,
      },
    }),
    async (c) => {
      const messageId = await requestPasswordReset(
        c.var.db,
        c.var.audit,
        c.req.valid('json').email,
        c.env.PUBLIC_BASE_URL,
      );
      if (messageId) deliverInBackground(c, [messageId]);
      return c.body(null, 202);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/password-reset/confirm',
      tags: ['auth'],
      summary: 'Set a new password with a reset token',
      request: jsonBody(passwordResetConfirmSchema),
      responses: { ...noContent, ...commonErrors },
    }),
    async (c) => {
      const { token, password } = c.req.valid('json');
      await confirmPasswordReset(c.var.db, c.var.audit, token, password);
      return c.body(null, 204);
    },
  );
