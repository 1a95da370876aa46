import { createRoute } from '@hono/zod-openapi';
import { pageMatchRequestSchema, pageMatchResponseSchema } from '../../shared/schemas/page-matches';
import { commonErrors, json, jsonBody, newRouter } from '../lib/openapi';
import { requireAuth } from '../middleware/require-auth';
import { matchPage } from '../services/page-matches/page-matches';

/**
 * The panel's "who is on this page": identifiers read in the browser in,
 * ranked patients, leads and facilities out. Each kind is searched only where
 * the role may view it, so no single area permission guards the route.
 */
export const pageMatchRoutes = newRouter(requireAuth).openapi(
  createRoute({
    method: 'post',
    path: '/',
    tags: ['page-matches'],
    summary: 'Patients, leads and facilities that match what a page shows, ranked, with the reasons',
    request: jsonBody(pageMatchRequestSchema),
    responses: {
      200: json(pageMatchResponseSchema, 'Ranked candidates (none is an empty list)'),
      ...commonErrors,
    },
  }),
  async (c) => c.json(await matchPage(c.var.tenant, c.var.audit, c.var.auth, c.req.valid('json')), 200),
);
