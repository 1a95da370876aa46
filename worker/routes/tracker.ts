import { createRoute } from '@hono/zod-openapi';
import { trackerGridSchema, trackerQuerySchema } from '../../shared/schemas/checklists';
import { commonErrors, json, newRouter, notFoundError } from '../lib/openapi';
import { requireAuth } from '../middleware/require-auth';
import { requirePermission } from '../middleware/require-permission';
import { trackerGrid } from '../services/checklists/tracker';

/** The patient tracker grid and worklist of one facility (spec 000, step 5). */
export const trackerRoutes = newRouter(requireAuth).openapi(
  createRoute({
    method: 'get',
    path: '/',
    tags: ['checklists'],
    summary:
      "A facility's patients with status, preferences, progress and what is missing; and what blocks the most patients",
    middleware: [requirePermission('patients:view')] as const,
    request: { query: trackerQuerySchema },
    responses: {
      200: json(trackerGridSchema, 'The grid'),
      ...commonErrors,
      ...notFoundError,
    },
  }),
  async (c) => c.json(await trackerGrid(c.var.tenant, c.var.audit, c.var.auth, c.req.valid('query')), 200),
);
