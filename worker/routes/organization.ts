import { createRoute } from '@hono/zod-openapi';
import { organizationSchema } from '../../shared/schemas/auth';
import { organizationUpdateSchema } from '../../shared/schemas/members';
import { commonErrors, json, jsonBody, newRouter } from '../lib/openapi';
import { requireAuth } from '../middleware/require-auth';
import { requirePermission } from '../middleware/require-permission';
import { updateOrganization } from '../services/organization/update-organization';

export const organizationRoutes = newRouter(requireAuth).openapi(
  createRoute({
    method: 'patch',
    path: '/',
    tags: ['organization'],
    summary: 'Change organisation settings, such as requiring two-factor sign-in for everyone',
    middleware: [requirePermission('users:full')] as const,
    request: jsonBody(organizationUpdateSchema),
    responses: { 200: json(organizationSchema, 'The organisation'), ...commonErrors },
  }),
  async (c) => c.json(await updateOrganization(c.var.db, c.var.audit, c.var.auth, c.req.valid('json')), 200),
);
