import { createRoute } from '@hono/zod-openapi';
import { strengthRulesAnswerSchema, strengthRulesSchema } from '../../shared/schemas/referral-analytics';
import { commonErrors, json, jsonBody, newRouter } from '../lib/openapi';
import { requireAuth } from '../middleware/require-auth';
import { requirePermission } from '../middleware/require-permission';
import { saveStrengthRules, strengthRules } from '../services/referrals/strength';

/** The organisation's relationship strength rules for referring providers. */
export const referralStrengthRuleRoutes = newRouter(requireAuth)
  .openapi(
    createRoute({
      method: 'get',
      path: '/',
      tags: ['referrals'],
      summary: 'Relationship strength rules (the defaults until edited)',
      middleware: [requirePermission('referrals:view')] as const,
      responses: { 200: json(strengthRulesAnswerSchema, 'Rules'), ...commonErrors },
    }),
    async (c) => c.json(await strengthRules(c.var.tenant), 200),
  )
  .openapi(
    createRoute({
      method: 'put',
      path: '/',
      tags: ['referrals'],
      summary: 'Replace the relationship strength rules',
      middleware: [requirePermission('referral:manage_providers')] as const,
      request: jsonBody(strengthRulesSchema),
      responses: { 200: json(strengthRulesAnswerSchema, 'Rules'), ...commonErrors },
    }),
    async (c) =>
      c.json(await saveStrengthRules(c.var.tenant, c.var.audit, c.var.auth.userId, c.req.valid('json')), 200),
  );
