import { createRoute } from '@hono/zod-openapi';
import { leadBoardQuerySchema, leadBoardSchema } from '../../shared/schemas/lead-board';
import { commonErrors, json, newRouter } from '../lib/openapi';
import { requireAuth } from '../middleware/require-auth';
import { requirePermission } from '../middleware/require-permission';
import { leadBoard } from '../services/leads/lead-board';

/** The pipeline as columns per stage; cards move with POST /leads/{id}/stage. */
export const leadBoardRoutes = newRouter(requireAuth).openapi(
  createRoute({
    method: 'get',
    path: '/',
    tags: ['leads'],
    summary: 'Each pipeline stage with its count and newest leads, scored, with their next follow-up',
    middleware: [requirePermission('leads:view')] as const,
    request: { query: leadBoardQuerySchema },
    responses: {
      200: json(leadBoardSchema, 'The board'),
      ...commonErrors,
    },
  }),
  async (c) => c.json(await leadBoard(c.var.tenant, c.var.audit, c.req.valid('query')), 200),
);
