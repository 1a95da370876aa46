import { createRoute } from '@hono/zod-openapi';
import { leadAnalyticsQuerySchema, leadAnalyticsSchema } from '../../shared/schemas/leads';
import { commonErrors, json, newRouter } from '../lib/openapi';
import { requireAuth } from '../middleware/require-auth';
import { requirePermission } from '../middleware/require-permission';
import { analyticsPeriod } from '../services/leads/analytics-period';
import { leadAnalytics } from '../services/leads/lead-analytics';

/** Lead analytics, mounted at /leads/analytics ahead of /leads/{id}. */
export const leadAnalyticsRoutes = newRouter(requireAuth).openapi(
  createRoute({
    method: 'get',
    path: '/',
    tags: ['leads'],
    summary:
      'Funnel by stage, conversion by source and coordinator, time in stage and new leads per week, for a period',
    middleware: [requirePermission('leads:view')] as const,
    request: { query: leadAnalyticsQuerySchema },
    responses: { 200: json(leadAnalyticsSchema, 'Analytics'), ...commonErrors },
  }),
  async (c) =>
    c.json(await leadAnalytics(c.var.tenant, c.var.audit, analyticsPeriod(c.req.valid('query'))), 200),
);
