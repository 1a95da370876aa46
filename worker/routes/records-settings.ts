import { createRoute } from '@hono/zod-openapi';
import { recordsSettingsSchema, recordsSettingsUpdateSchema } from '../../shared/schemas/records';
import { commonErrors, json, jsonBody, newRouter } from '../lib/openapi';
import { requireAuth } from '../middleware/require-auth';
import { requirePermission } from '../middleware/require-permission';
import { getRecordsSettings, updateRecordsSettings } from '../services/records/records-settings';

/** The organisation's states and its own deadline rules, next to every legal rule shipped. */
export const recordsSettingsRoutes = newRouter(requireAuth)
  .openapi(
    createRoute({
      method: 'get',
      path: '/',
      tags: ['records'],
      summary: 'Deadline rules: the legal ones with their sources, the states chosen and the practice rules',
      middleware: [requirePermission('records:view')] as const,
      responses: { 200: json(recordsSettingsSchema, 'Settings'), ...commonErrors },
    }),
    async (c) => c.json(await getRecordsSettings(c.var.tenant), 200),
  )
  .openapi(
    createRoute({
      method: 'put',
      path: '/',
      tags: ['records'],
      summary: 'Choose states and add tighter rules (the federal floor always applies)',
      middleware: [requirePermission('records:full')] as const,
      request: jsonBody(recordsSettingsUpdateSchema),
      responses: { 200: json(recordsSettingsSchema, 'Saved'), ...commonErrors },
    }),
    async (c) =>
      c.json(await updateRecordsSettings(c.var.tenant, c.var.audit, c.var.auth, c.req.valid('json')), 200),
  );
