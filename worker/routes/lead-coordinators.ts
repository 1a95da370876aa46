import { createRoute } from '@hono/zod-openapi';
import { coordinatorListSchema } from '../../shared/schemas/leads';
import { commonErrors, json, newRouter } from '../lib/openapi';
import { requireAuth } from '../middleware/require-auth';
import { requirePermission } from '../middleware/require-permission';
import { listCoordinators } from '../services/leads/coordinators';

/**
 * Members who can look after leads. Separate from /members (users:view) so a
 * coordinator can see colleagues' names and loads without seeing the
 * organisation's member administration.
 */
export const leadCoordinatorRoutes = newRouter(requireAuth).openapi(
  createRoute({
    method: 'get',
    path: '/',
    tags: ['leads'],
    summary: 'Active members who can look after leads, with their open leads',
    middleware: [requirePermission('leads:view')] as const,
    responses: {
      200: json(coordinatorListSchema, 'Coordinators'),
      ...commonErrors,
    },
  }),
  async (c) => c.json({ items: await listCoordinators(c.var.tenant) }, 200),
);
