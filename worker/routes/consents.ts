import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { idSchema, pageOf } from '../../shared/schemas/common';
import { consentListQuerySchema, consentRevokeSchema, consentSchema } from '../../shared/schemas/consents';
import { commonErrors, conflictError, json, jsonBody, newRouter, notFoundError } from '../lib/openapi';
import { requireAuth } from '../middleware/require-auth';
import { requirePermission } from '../middleware/require-permission';
import { listConsents, revokeConsent } from '../services/consents/consents';

const params = z.object({ id: idSchema });

/**
 * Consents given on signed intake forms. Reading them is reading the
 * submissions they came from (intake:view_submissions); revoking is the
 * Intake Forms "Full" of spec 001's matrix (intake:full: administrators,
 * front desk and treatment coordinators), who collect them. Both audited.
 */
export const consentRoutes = newRouter(requireAuth)
  .openapi(
    createRoute({
      method: 'get',
      path: '/',
      tags: ['consents'],
      summary: "A patient's or a lead's consents, newest first (a patient's include those given as a lead)",
      middleware: [requirePermission('intake:view_submissions')] as const,
      request: { query: consentListQuerySchema },
      responses: {
        200: json(pageOf(consentSchema), 'A page of consents'),
        ...commonErrors,
        ...notFoundError,
      },
    }),
    async (c) => c.json(await listConsents(c.var.tenant, c.var.audit, c.req.valid('query')), 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/{id}/revoke',
      tags: ['consents'],
      summary: 'Revoke a consent, with the reason; it stays listed as revoked',
      middleware: [requirePermission('intake:full')] as const,
      request: { params, ...jsonBody(consentRevokeSchema) },
      responses: {
        200: json(consentSchema, 'The consent, revoked'),
        ...commonErrors,
        ...notFoundError,
        ...conflictError,
      },
    }),
    async (c) =>
      c.json(
        await revokeConsent(
          c.var.tenant,
          c.var.audit,
          c.var.auth,
          c.req.valid('param').id,
          c.req.valid('json').reason,
        ),
        200,
      ),
  );
