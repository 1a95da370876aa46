import { createRoute } from '@hono/zod-openapi';
import { recordsFiguresQuerySchema, recordsFiguresSchema } from '../../shared/schemas/records';
import { commonErrors, json, newRouter } from '../lib/openapi';
import { requireAuth } from '../middleware/require-auth';
import { requirePermission } from '../middleware/require-permission';
import { recordsFigures } from '../services/records/records-figures';

/** A period's records figures: received, completed, turnaround and the share done on time. */
export const recordsFiguresRoutes = newRouter(requireAuth).openapi(
  createRoute({
    method: 'get',
    path: '/',
    tags: ['records'],
    summary: 'Received, completed, median and 90th-percentile turnaround, and on-time share for a period',
    middleware: [requirePermission('records:view')] as const,
    request: { query: recordsFiguresQuerySchema },
    responses: { 200: json(recordsFiguresSchema, 'Figures'), ...commonErrors },
  }),
  async (c) => c.json(await recordsFigures(c.var.tenant, c.var.audit, c.req.valid('query')), 200),
);
