import { createRoute } from '@hono/zod-openapi';
import { eq } from 'drizzle-orm';
import { organizations } from '../../db/schema';
import { organizationSchema } from '../../shared/schemas/auth';
import { organizationUpdateSchema } from '../../shared/schemas/members';
import { commonErrors, json, jsonBody, newRouter } from '../lib/openapi';
import { iso } from '../lib/time';
import { requireAuth } from '../middleware/require-auth';
import { requirePermission } from '../middleware/require-permission';

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
  async (c) => {
    const { db, auth, audit } = c.var;
    const change = c.req.valid('json');
    await db.batch([
      db.update(organizations).set(change).where(eq(organizations.id, auth.organizationId)),
      audit.statement({
        action: 'update',
        entityType: 'organization',
        entityId: auth.organizationId,
        detail: { changed: Object.keys(change), at: iso() },
      }),
    ]);
    const [org] = await db.select().from(organizations).where(eq(organizations.id, auth.organizationId));
    return c.json({ id: org!.id, name: org!.name, requireTwoFactor: org!.requireTwoFactor }, 200);
  },
);
