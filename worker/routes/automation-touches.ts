import { createRoute } from '@hono/zod-openapi';
import { createMiddleware } from 'hono/factory';
import {
  automationTouchListSchema,
  automationTouchQuerySchema,
} from '../../shared/schemas/automation-touches';
import type { AppEnv } from '../env';
import { commonErrors, json, newRouter, notFoundError } from '../lib/openapi';
import { requireAuth } from '../middleware/require-auth';
import { requirePermission } from '../middleware/require-permission';
import { listAutomationTouches } from '../services/automation-touches/list-touches';

/** A lead's history is lead data, a patient's or a case's is patient data: the record's own area is needed too. */
const requireSubjectArea = createMiddleware<AppEnv>((c, next) =>
  requirePermission(c.req.query('leadId') ? 'leads:view' : 'patients:view')(c, next),
);

/** What the automations did to one record, for the patient, lead and case pages. */
export const automationTouchRoutes = newRouter(requireAuth).openapi(
  createRoute({
    method: 'get',
    path: '/',
    tags: ['automations'],
    summary: 'The automation runs that acted on a patient (and their cases), a lead or a case',
    middleware: [requirePermission('automations:view'), requireSubjectArea] as const,
    request: { query: automationTouchQuerySchema },
    responses: {
      200: json(automationTouchListSchema, 'Runs, newest first'),
      ...commonErrors,
      ...notFoundError,
    },
  }),
  async (c) => c.json(await listAutomationTouches(c.var.tenant, c.var.audit, c.req.valid('query')), 200),
);
