import { createRoute } from '@hono/zod-openapi';
import {
  automationSettingsSchema,
  automationSettingsUpdateSchema,
} from '../../shared/schemas/automation-settings';
import { commonErrors, json, jsonBody, newRouter } from '../lib/openapi';
import { requireAuth } from '../middleware/require-auth';
import { requirePermission } from '../middleware/require-permission';
import { getSendingSettings, updateSendingSettings } from '../services/automations/sending-settings';

/** The organisation's time zone, quiet hours and daily cap for automation messages. */
export const automationSettingsRoutes = newRouter(requireAuth)
  .openapi(
    createRoute({
      method: 'get',
      path: '/',
      tags: ['automations'],
      summary: 'Time zone, quiet hours and daily cap of automation messages',
      middleware: [requirePermission('automations:view')] as const,
      responses: { 200: json(automationSettingsSchema, 'Settings'), ...commonErrors },
    }),
    async (c) => c.json(await getSendingSettings(c.var.tenant), 200),
  )
  .openapi(
    createRoute({
      method: 'put',
      path: '/',
      tags: ['automations'],
      summary: 'Set the time zone, quiet hours and daily cap',
      middleware: [requirePermission('automations:edit')] as const,
      request: jsonBody(automationSettingsUpdateSchema),
      responses: { 200: json(automationSettingsSchema, 'Settings'), ...commonErrors },
    }),
    async (c) => c.json(await updateSendingSettings(c.var.tenant, c.var.audit, c.req.valid('json')), 200),
  );
