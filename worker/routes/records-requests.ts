import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { idSchema } from '../../shared/schemas/common';
import {
  recordsAuthorizationFormSchema,
  recordsAuthorizationFormSentSchema,
  recordsAuthorizationInputSchema,
  recordsExtensionSchema,
  recordsListQuerySchema,
  recordsMoveSchema,
  recordsRequestCreateSchema,
  recordsRequestPageSchema,
  recordsRequestSchema,
  recordsTimelineSchema,
} from '../../shared/schemas/records';
import { commonErrors, conflictError, json, jsonBody, newRouter, notFoundError } from '../lib/openapi';
import { requireAuth } from '../middleware/require-auth';
import { requirePermission } from '../middleware/require-permission';
import { deliverInBackground } from '../services/email/deliver-in-background';
import { sendAuthorizationForm } from '../services/records/authorization-form';
import { checkAuthorization } from '../services/records/check-authorization';
import { extendRecordsRequest } from '../services/records/extend-request';
import { moveRecordsRequest } from '../services/records/move-request';
import {
  createRecordsRequest,
  getRecordsRequest,
  listRecordsRequests,
  recordsTimeline,
} from '../services/records/records-requests';

const params = z.object({ id: idSchema });

/** Records requests in both directions, their legal clocks and their status moves. */
export const recordsRequestRoutes = newRouter(requireAuth)
  .openapi(
    createRoute({
      method: 'get',
      path: '/',
      tags: ['records'],
      summary: 'Records requests, fewest days left first (keyset-paged)',
      middleware: [requirePermission('records:view')] as const,
      request: { query: recordsListQuerySchema },
      responses: { 200: json(recordsRequestPageSchema, 'A page of requests'), ...commonErrors },
    }),
    async (c) => c.json(await listRecordsRequests(c.var.tenant, c.var.audit, c.req.valid('query')), 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/',
      tags: ['records'],
      summary: 'Log a request; its due date comes from the strictest rule that applies',
      middleware: [requirePermission('records:edit')] as const,
      request: jsonBody(recordsRequestCreateSchema),
      responses: { 201: json(recordsRequestSchema, 'Logged'), ...commonErrors, ...notFoundError },
    }),
    async (c) =>
      c.json(await createRecordsRequest(c.var.tenant, c.var.audit, c.var.auth, c.req.valid('json')), 201),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/{id}',
      tags: ['records'],
      summary: 'One request',
      middleware: [requirePermission('records:view')] as const,
      request: { params },
      responses: { 200: json(recordsRequestSchema, 'The request'), ...commonErrors, ...notFoundError },
    }),
    async (c) => c.json(await getRecordsRequest(c.var.tenant, c.var.audit, c.req.valid('param').id), 200),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/{id}/timeline',
      tags: ['records'],
      summary: "The request's timeline, newest first",
      middleware: [requirePermission('records:view')] as const,
      request: { params },
      responses: { 200: json(recordsTimelineSchema, 'Timeline'), ...commonErrors, ...notFoundError },
    }),
    async (c) =>
      c.json({ items: await recordsTimeline(c.var.tenant, c.var.audit, c.req.valid('param').id) }, 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/{id}/status',
      tags: ['records'],
      summary: 'Move the request to another status; each move takes its own permission',
      middleware: [requirePermission('records:view')] as const,
      request: { params, ...jsonBody(recordsMoveSchema) },
      responses: {
        200: json(recordsRequestSchema, 'Moved'),
        ...commonErrors,
        ...notFoundError,
        ...conflictError,
      },
    }),
    async (c) =>
      c.json(
        await moveRecordsRequest(
          c.var.tenant,
          c.var.audit,
          c.var.auth,
          c.req.valid('param').id,
          c.req.valid('json'),
        ),
        200,
      ),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/{id}/extension',
      tags: ['records'],
      summary: 'Use the one extension the rules allow; the written notice goes out by email',
      middleware: [requirePermission('records:edit')] as const,
      request: { params, ...jsonBody(recordsExtensionSchema) },
      responses: {
        200: json(recordsRequestSchema, 'Extended'),
        ...commonErrors,
        ...notFoundError,
        ...conflictError,
      },
    }),
    async (c) =>
      c.json(
        await extendRecordsRequest(
          c.var.tenant,
          c.var.audit,
          c.var.auth,
          c.req.valid('param').id,
          c.req.valid('json'),
        ),
        200,
      ),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/{id}/authorization',
      tags: ['records'],
      summary:
        "Record the identity check or the authorization's elements; anything missing puts the request on hold",
      middleware: [requirePermission('records:edit')] as const,
      request: { params, ...jsonBody(recordsAuthorizationInputSchema) },
      responses: {
        200: json(recordsRequestSchema, 'Checked'),
        ...commonErrors,
        ...notFoundError,
        ...conflictError,
      },
    }),
    async (c) =>
      c.json(
        await checkAuthorization(
          c.var.tenant,
          c.var.audit,
          c.var.auth,
          c.req.valid('param').id,
          c.req.valid('json'),
        ),
        200,
      ),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/{id}/authorization-form',
      tags: ['records'],
      summary:
        "Send the built-in authorization form for the patient (a minor: the responsible party) to sign online; the signed PDF becomes the request's authorization",
      middleware: [requirePermission('records:edit')] as const,
      request: { params, ...jsonBody(recordsAuthorizationFormSchema) },
      responses: {
        201: json(recordsAuthorizationFormSentSchema, 'Sent; `form.link` is shown this once'),
        ...commonErrors,
        ...notFoundError,
        ...conflictError,
      },
    }),
    async (c) => {
      const { form, request, messageIds } = await sendAuthorizationForm(
        c.var.tenant,
        c.var.audit,
        c.var.auth,
        c.req.valid('param').id,
        c.req.valid('json'),
        { baseUrl: c.env.PUBLIC_BASE_URL },
      );
      if (messageIds.length) deliverInBackground(c, messageIds);
      return c.json({ form, request }, 201);
    },
  );
