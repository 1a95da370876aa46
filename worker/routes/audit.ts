import { createRoute } from '@hono/zod-openapi';
import { auditEventSchema, auditQuerySchema } from '../../shared/schemas/audit';
import { pageOf } from '../../shared/schemas/common';
import { commonErrors, json, newRouter } from '../lib/openapi';
import { requireAuth } from '../middleware/require-auth';
import { requirePermission } from '../middleware/require-permission';
import { listAuditEvents } from '../services/audit/list-audit-events';

/** Read-only by design: there is no route that changes or deletes an audit event. */
export const auditRoutes = newRouter(requireAuth).openapi(
  createRoute({
    method: 'get',
    path: '/',
    tags: ['audit'],
    summary: 'Audit events, newest first (filters: actor, entity, action, time range)',
    middleware: [requirePermission('audit:view')] as const,
    request: { query: auditQuerySchema },
    responses: { 200: json(pageOf(auditEventSchema), 'A page of audit events'), ...commonErrors },
  }),
  async (c) => {
    const query = c.req.valid('query');
    const page = await listAuditEvents(c.var.tenant, query);
    c.var.audit.record({ action: 'list', entityType: 'audit_event', detail: { count: page.items.length } });
    return c.json(page, 200);
  },
);
