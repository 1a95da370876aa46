import { createRoute } from '@hono/zod-openapi';
import { scoringRulesSchema } from '../../shared/schemas/leads';
import { commonErrors, json, jsonBody, newRouter } from '../lib/openapi';
import { requireAuth } from '../middleware/require-auth';
import { requirePermission } from '../middleware/require-permission';
import { saveScoringRules, scoringRules } from '../services/leads/lead-score';

/** The organisation's scoring rules. */
export const scoringRuleRoutes = newRouter(requireAuth)
  .openapi(
    createRoute({
      method: 'get',
      path: '/',
      tags: ['leads'],
      summary: 'Lead scoring rules (the defaults until edited)',
      middleware: [requirePermission('leads:view')] as const,
      responses: { 200: json(scoringRulesSchema, 'Rules'), ...commonErrors },
    }),
    async (c) => c.json(await scoringRules(c.var.tenant), 200),
  )
  .openapi(
    createRoute({
      method: 'put',
      path: '/',
      tags: ['leads'],
      summary: 'Replace the lead scoring rules',
      middleware: [requirePermission('leads:full')] as const,
      request: jsonBody(scoringRulesSchema),
      responses: { 200: json(scoringRulesSchema, 'Rules'), ...commonErrors },
    }),
    async (c) =>
      c.json(await saveScoringRules(c.var.tenant, c.var.audit, c.var.auth.userId, c.req.valid('json')), 200),
  );
