import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { idSchema } from '../../shared/schemas/common';
import {
  webhookDeliveryDetailSchema,
  webhookDeliveryPageSchema,
  webhookDeliveryQuerySchema,
  webhookEndpointCreatedSchema,
  webhookEndpointCreateSchema,
  webhookEndpointListSchema,
  webhookEndpointSchema,
  webhookEndpointUpdateSchema,
  webhookRotateSchema,
} from '../../shared/schemas/webhooks';
import { commonErrors, conflictError, json, jsonBody, newRouter, notFoundError } from '../lib/openapi';
import { requireAuth } from '../middleware/require-auth';
import { requirePermission } from '../middleware/require-permission';
import {
  createWebhookEndpoint,
  disableWebhookEndpoint,
  getWebhookDelivery,
  listWebhookDeliveries,
  listWebhookEndpoints,
  rotateWebhookSecret,
  updateWebhookEndpoint,
} from '../services/automations/webhook-endpoints';

const idParam = { params: z.object({ id: idSchema }) };

/** Where webhook actions POST (signing secret shown once), and every delivery with its attempts. */
export const webhookEndpointRoutes = newRouter(requireAuth)
  .openapi(
    createRoute({
      method: 'get',
      path: '/',
      tags: ['automations'],
      summary: 'Webhook endpoints, newest first (never their secrets)',
      middleware: [requirePermission('automations:view')] as const,
      responses: { 200: json(webhookEndpointListSchema, 'Endpoints'), ...commonErrors },
    }),
    async (c) => c.json(await listWebhookEndpoints(c.var.tenant), 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/',
      tags: ['automations'],
      summary: 'Add an endpoint; the answer holds its signing secret, shown this once',
      middleware: [requirePermission('automations:full')] as const,
      request: jsonBody(webhookEndpointCreateSchema),
      responses: { 201: json(webhookEndpointCreatedSchema, 'Created, with its secret'), ...commonErrors },
    }),
    async (c) =>
      c.json(
        await createWebhookEndpoint(
          c.var.tenant,
          c.var.audit,
          c.var.auth,
          c.req.valid('json'),
          c.env.ENVIRONMENT === 'development',
        ),
        201,
      ),
  )
  .openapi(
    createRoute({
      method: 'patch',
      path: '/{id}',
      tags: ['automations'],
      summary: "Change an endpoint's address or description (its secret stays)",
      middleware: [requirePermission('automations:full')] as const,
      request: { ...idParam, ...jsonBody(webhookEndpointUpdateSchema) },
      responses: { 200: json(webhookEndpointSchema, 'The endpoint'), ...commonErrors, ...notFoundError },
    }),
    async (c) =>
      c.json(
        await updateWebhookEndpoint(
          c.var.tenant,
          c.var.audit,
          c.req.valid('param').id,
          c.req.valid('json'),
          c.env.ENVIRONMENT === 'development',
        ),
        200,
      ),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/{id}/rotate-secret',
      tags: ['automations'],
      summary:
        'A new signing secret, shown this once; the old one signs beside it for `overlapHours` (24, or 0 to stop it at once)',
      middleware: [requirePermission('automations:full')] as const,
      request: { ...idParam, ...jsonBody(webhookRotateSchema) },
      responses: {
        200: json(webhookEndpointCreatedSchema, 'The endpoint, with its new secret'),
        ...commonErrors,
        ...notFoundError,
        ...conflictError,
      },
    }),
    async (c) =>
      c.json(
        await rotateWebhookSecret(c.var.tenant, c.var.audit, c.req.valid('param').id, c.req.valid('json')),
        200,
      ),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/{id}/disable',
      tags: ['automations'],
      summary: 'Stop sending to an endpoint',
      middleware: [requirePermission('automations:full')] as const,
      request: idParam,
      responses: { 200: json(webhookEndpointSchema, 'The endpoint'), ...commonErrors, ...notFoundError },
    }),
    async (c) =>
      c.json(await disableWebhookEndpoint(c.var.tenant, c.var.audit, c.req.valid('param').id), 200),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/deliveries',
      tags: ['automations'],
      summary: 'Webhook deliveries, newest first, with their status',
      middleware: [requirePermission('automations:view')] as const,
      request: { query: webhookDeliveryQuerySchema },
      responses: { 200: json(webhookDeliveryPageSchema, 'A page of deliveries'), ...commonErrors },
    }),
    async (c) => c.json(await listWebhookDeliveries(c.var.tenant, c.req.valid('query')), 200),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/deliveries/{id}',
      tags: ['automations'],
      summary: 'One delivery: its body and every attempt with the answer',
      middleware: [requirePermission('automations:view')] as const,
      request: idParam,
      responses: {
        200: json(webhookDeliveryDetailSchema, 'The delivery'),
        ...commonErrors,
        ...notFoundError,
      },
    }),
    async (c) => c.json(await getWebhookDelivery(c.var.tenant, c.var.audit, c.req.valid('param').id), 200),
  );
