import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import {
  dryRunSchema,
  explainQuerySchema,
  explainSchema,
  ruleDefinitionSchema,
  ruleListSchema,
  ruleRunListSchema,
  ruleSchema,
} from '../../shared/schemas/automation-rules';
import { idSchema } from '../../shared/schemas/common';
import { commonErrors, json, jsonBody, newRouter, notFoundError } from '../lib/openapi';
import { requireAuth } from '../middleware/require-auth';
import { requirePermission } from '../middleware/require-permission';
import { explainRule } from '../services/automations/explain-rule';
import {
  createRule,
  dryRun,
  getRule,
  listRules,
  listRuns,
  setRuleStatus,
  updateRule,
} from '../services/automations/rules';

const idParam = { params: z.object({ id: idSchema }) };
const runQuerySchema = z.strictObject({ ruleId: idSchema.optional(), subjectId: idSchema.optional() });

/** Automation rules (spec 002): draft, Play, Pause, versions, dry run and history. */
export const automationRuleRoutes = newRouter(requireAuth)
  .openapi(
    createRoute({
      method: 'get',
      path: '/',
      tags: ['automations'],
      summary: 'Automation rules, newest first',
      middleware: [requirePermission('automations:view')] as const,
      responses: { 200: json(ruleListSchema, 'Rules'), ...commonErrors },
    }),
    async (c) => c.json(await listRules(c.var.tenant), 200),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/runs',
      tags: ['automations'],
      summary: 'What the rules did, newest first (one rule, or one case)',
      middleware: [requirePermission('automations:view')] as const,
      request: { query: runQuerySchema },
      responses: { 200: json(ruleRunListSchema, 'Runs'), ...commonErrors },
    }),
    async (c) => c.json(await listRuns(c.var.tenant, c.req.valid('query')), 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/',
      tags: ['automations'],
      summary: 'Save a new rule as a draft',
      middleware: [requirePermission('automations:edit')] as const,
      request: jsonBody(ruleDefinitionSchema),
      responses: { 201: json(ruleSchema, 'Created'), ...commonErrors },
    }),
    async (c) => c.json(await createRule(c.var.tenant, c.var.audit, c.var.auth, c.req.valid('json')), 201),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/{id}',
      tags: ['automations'],
      summary: 'One rule',
      middleware: [requirePermission('automations:view')] as const,
      request: idParam,
      responses: { 200: json(ruleSchema, 'The rule'), ...commonErrors, ...notFoundError },
    }),
    async (c) => c.json(await getRule(c.var.tenant, c.req.valid('param').id), 200),
  )
  .openapi(
    createRoute({
      method: 'put',
      path: '/{id}',
      tags: ['automations'],
      summary: 'Replace the definition (a new version once the rule has run)',
      middleware: [requirePermission('automations:edit')] as const,
      request: { ...idParam, ...jsonBody(ruleDefinitionSchema) },
      responses: { 200: json(ruleSchema, 'The rule'), ...commonErrors, ...notFoundError },
    }),
    async (c) =>
      c.json(await updateRule(c.var.tenant, c.var.audit, c.req.valid('param').id, c.req.valid('json')), 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/{id}/play',
      tags: ['automations'],
      summary: 'Start the rule',
      middleware: [requirePermission('automations:edit')] as const,
      request: idParam,
      responses: { 200: json(ruleSchema, 'The rule'), ...commonErrors, ...notFoundError },
    }),
    async (c) =>
      c.json(await setRuleStatus(c.var.tenant, c.var.audit, c.req.valid('param').id, 'running'), 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/{id}/pause',
      tags: ['automations'],
      summary: 'Stop the rule',
      middleware: [requirePermission('automations:edit')] as const,
      request: idParam,
      responses: { 200: json(ruleSchema, 'The rule'), ...commonErrors, ...notFoundError },
    }),
    async (c) =>
      c.json(await setRuleStatus(c.var.tenant, c.var.audit, c.req.valid('param').id, 'paused'), 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/{id}/dry-run',
      tags: ['automations'],
      summary: 'Matches now, a sample with the tested values, and the sends of the next 7 days',
      // The sample names subjects: the service also checks the rule's population may be seen (dry-run in rules.ts).
      middleware: [requirePermission('automations:view')] as const,
      request: idParam,
      responses: { 200: json(dryRunSchema, 'The dry run'), ...commonErrors, ...notFoundError },
    }),
    async (c) => c.json(await dryRun(c.var.tenant, c.var.audit, c.var.auth, c.req.valid('param').id), 200),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/{id}/explain',
      tags: ['automations'],
      summary: 'Why the rule did or did not act on a subject: its runs, or the first check that fails',
      middleware: [requirePermission('automations:view')] as const,
      request: { ...idParam, query: explainQuerySchema },
      responses: { 200: json(explainSchema, 'The explanation'), ...commonErrors, ...notFoundError },
    }),
    async (c) =>
      c.json(
        await explainRule(
          c.var.tenant,
          c.var.audit,
          c.var.auth,
          c.req.valid('param').id,
          // The schema requires one of the two.
          c.req.valid('query').subjectId ?? c.req.valid('query').caseId ?? '',
        ),
        200,
      ),
  );
