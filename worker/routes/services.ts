import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { idSchema } from '../../shared/schemas/common';
import {
  serviceCreateSchema,
  serviceListSchema,
  serviceSchema,
  serviceUpdateSchema,
} from '../../shared/schemas/patients';
import { commonErrors, conflictError, json, jsonBody, newRouter, notFoundError } from '../lib/openapi';
import { requireAuth } from '../middleware/require-auth';
import { requirePermission } from '../middleware/require-permission';
import { createService, listServices, updateService } from '../services/patients/service-catalog';

/** The organisation's service catalogue in four categories (spec 000, step 4). */
export const serviceRoutes = newRouter(requireAuth)
  .openapi(
    createRoute({
      method: 'get',
      path: '/',
      tags: ['services'],
      summary: 'The service catalogue',
      middleware: [requirePermission('patients:view')] as const,
      responses: {
        200: json(serviceListSchema, 'Services by category'),
        ...commonErrors,
      },
    }),
    async (c) => c.json({ items: await listServices(c.var.tenant) }, 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/',
      tags: ['services'],
      summary: 'Add a service to the catalogue (administrators)',
      middleware: [requirePermission('patients:full')] as const,
      request: jsonBody(serviceCreateSchema),
      responses: { 201: json(serviceSchema, 'Added'), ...commonErrors, ...conflictError },
    }),
    async (c) => c.json(await createService(c.var.tenant, c.var.audit, c.req.valid('json')), 201),
  )
  .openapi(
    createRoute({
      method: 'patch',
      path: '/{id}',
      tags: ['services'],
      summary: 'Rename, describe, or retire a service (administrators)',
      middleware: [requirePermission('patients:full')] as const,
      request: { params: z.object({ id: idSchema }), ...jsonBody(serviceUpdateSchema) },
      responses: { 200: json(serviceSchema, 'The service'), ...commonErrors, ...notFoundError },
    }),
    async (c) =>
      c.json(
        await updateService(c.var.tenant, c.var.audit, c.req.valid('param').id, c.req.valid('json')),
        200,
      ),
  );
