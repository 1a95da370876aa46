import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { idSchema } from '../../shared/schemas/common';
import {
  sourceCreateSchema,
  sourceListSchema,
  sourceSchema,
  sourceUpdateSchema,
} from '../../shared/schemas/pipeline';
import { commonErrors, conflictError, json, jsonBody, newRouter, notFoundError } from '../lib/openapi';
import { requireAuth } from '../middleware/require-auth';
import { requirePermission } from '../middleware/require-permission';
import { createSource, sourceList, updateSource } from '../services/leads/pipeline-settings';

const params = z.object({ id: idSchema });

/**
 * Where leads come from: the defaults plus the organisation's own. Sources are
 * turned off rather than deleted, so past leads keep their attribution.
 * Mounted at /lead-sources.
 */
export const leadSourceRoutes = newRouter(requireAuth)
  .openapi(
    createRoute({
      method: 'get',
      path: '/',
      tags: ['leads'],
      summary: 'Where leads come from, turned-off sources included',
      middleware: [requirePermission('leads:view')] as const,
      responses: { 200: json(sourceListSchema, 'Sources'), ...commonErrors },
    }),
    async (c) => c.json(await sourceList(c.var.tenant), 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/',
      tags: ['leads'],
      summary: "Add one of the organisation's own sources",
      middleware: [requirePermission('leads:full')] as const,
      request: jsonBody(sourceCreateSchema),
      responses: { 201: json(sourceSchema, 'Added'), ...commonErrors, ...conflictError },
    }),
    async (c) => c.json(await createSource(c.var.tenant, c.var.audit, c.req.valid('json')), 201),
  )
  .openapi(
    createRoute({
      method: 'patch',
      path: '/{id}',
      tags: ['leads'],
      summary: 'Rename a source, or turn it off (or on again)',
      middleware: [requirePermission('leads:full')] as const,
      request: { params, ...jsonBody(sourceUpdateSchema) },
      responses: {
        200: json(sourceSchema, 'The source'),
        ...commonErrors,
        ...notFoundError,
        ...conflictError,
      },
    }),
    async (c) =>
      c.json(
        await updateSource(c.var.tenant, c.var.audit, c.req.valid('param').id, c.req.valid('json')),
        200,
      ),
  );
