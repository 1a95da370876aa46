import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { idSchema, pageOf } from '../../shared/schemas/common';
import {
  intakeRequestCreateSchema,
  intakeRequestListQuerySchema,
  intakeRequestRenewSchema,
  intakeRequestSchema,
  intakeRequestWithLinkSchema,
} from '../../shared/schemas/intake-api';
import { commonErrors, conflictError, json, jsonBody, newRouter, notFoundError } from '../lib/openapi';
import { requireAuth } from '../middleware/require-auth';
import { requirePermission } from '../middleware/require-permission';
import { deliverInBackground } from '../services/email/deliver-in-background';
import {
  cancelRequest,
  getRequest,
  listRequests,
  renewRequest,
  sendRequest,
} from '../services/intake/requests';

const params = z.object({ id: idSchema });

/**
 * Intake forms sent to leads and patients (spec 001, 8.2). The link is in the
 * answer to sending and renewing only: it is stored nowhere but the email
 * (and only as a hash in the database). No Idempotency-Key here: replaying
 * the answer would mean keeping the link; a retried send makes a second
 * request that staff can cancel.
 */
export const intakeRequestRoutes = newRouter(requireAuth)
  .openapi(
    createRoute({
      method: 'get',
      path: '/',
      tags: ['intake'],
      summary:
        'Forms sent, newest first; by status, lead, patient or template; outstanding=true for what is still awaited',
      middleware: [requirePermission('intake:view')] as const,
      request: { query: intakeRequestListQuerySchema },
      responses: { 200: json(pageOf(intakeRequestSchema), 'A page of requests'), ...commonErrors },
    }),
    async (c) => c.json(await listRequests(c.var.tenant, c.var.audit, c.req.valid('query')), 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/',
      tags: ['intake'],
      summary:
        'Send the latest published version of a template to a lead or a patient, by email or as a link',
      middleware: [requirePermission('intake:edit')] as const,
      request: jsonBody(intakeRequestCreateSchema),
      responses: {
        201: json(intakeRequestWithLinkSchema, 'Sent; `link` is shown this once'),
        ...commonErrors,
        ...notFoundError,
        ...conflictError,
      },
    }),
    async (c) => {
      const { request, messageIds } = await sendRequest(
        c.var.tenant,
        c.var.audit,
        c.var.auth,
        c.req.valid('json'),
        { baseUrl: c.env.PUBLIC_BASE_URL },
      );
      if (messageIds.length) deliverInBackground(c, messageIds);
      return c.json(request, 201);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/{id}',
      tags: ['intake'],
      summary: 'One request and its status',
      middleware: [requirePermission('intake:view')] as const,
      request: { params },
      responses: { 200: json(intakeRequestSchema, 'The request'), ...commonErrors, ...notFoundError },
    }),
    async (c) => c.json(await getRequest(c.var.tenant, c.var.audit, c.req.valid('param').id), 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/{id}/renew',
      tags: ['intake'],
      summary:
        'A new link and expiry; the old link stops working at once and what the person saved is pre-filled',
      middleware: [requirePermission('intake:edit')] as const,
      request: { params, ...jsonBody(intakeRequestRenewSchema) },
      responses: {
        200: json(intakeRequestWithLinkSchema, 'Renewed; `link` is shown this once'),
        ...commonErrors,
        ...notFoundError,
        ...conflictError,
      },
    }),
    async (c) => {
      const { request, messageIds } = await renewRequest(
        c.var.tenant,
        c.var.audit,
        c.var.auth,
        c.req.valid('param').id,
        c.req.valid('json'),
        { baseUrl: c.env.PUBLIC_BASE_URL },
      );
      if (messageIds.length) deliverInBackground(c, messageIds);
      return c.json(request, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/{id}/cancel',
      tags: ['intake'],
      summary: 'Withdraw the form; its link then answers like one that never existed',
      middleware: [requirePermission('intake:edit')] as const,
      request: { params },
      responses: {
        200: json(intakeRequestSchema, 'The request'),
        ...commonErrors,
        ...notFoundError,
        ...conflictError,
      },
    }),
    async (c) =>
      c.json(await cancelRequest(c.var.tenant, c.var.audit, c.var.auth, c.req.valid('param').id), 200),
  );
