import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { idSchema, pageOf } from '../../shared/schemas/common';
import {
  activityCreateSchema,
  assignSchema,
  convertSchema,
  duplicateMatchSchema,
  leadCreateSchema,
  leadMatchSchema,
  leadSchema,
  leadUpdateSchema,
  mergeSchema,
  scoreSchema,
  scoringRulesSchema,
  stageMoveSchema,
  taskCreateSchema,
  taskSchema,
  taskUpdateSchema,
} from '../../shared/schemas/leads';
import { AppError } from '../lib/app-error';
import {
  commonErrors,
  conflictError,
  json,
  jsonBody,
  newRouter,
  noContent,
  notFoundError,
} from '../lib/openapi';
import { idempotent } from '../middleware/idempotency';
import { requireAuth } from '../middleware/require-auth';
import { requirePermission } from '../middleware/require-permission';
import { addActivity, assignLead, convertLead, mergeLead, moveStage } from '../services/leads/lead-actions';
import { leadAnalytics } from '../services/leads/lead-analytics';
import { updateLead } from '../services/leads/lead-edit';
import { leadScore, saveScoringRules, scoringRules } from '../services/leads/lead-score';
import { addTask, listTasks, updateTask } from '../services/leads/lead-tasks';
import { createLead, findLeadMatches, getLead, listLeads, timeline } from '../services/leads/leads';

const params = z.object({ id: idSchema });

/** Leads (spec 001, 8.1): prospects from first inquiry to treatment start. */
export const leadRoutes = newRouter();
leadRoutes.use('*', requireAuth);

leadRoutes
  .openapi(
    createRoute({
      method: 'get',
      path: '/',
      tags: ['leads'],
      summary: 'Leads, newest first, by stage or coordinator, or searched by name, email or phone',
      middleware: [requirePermission('leads:view')] as const,
      request: {
        query: z.strictObject({
          q: z.string().trim().max(100).optional(),
          stageId: idSchema.optional(),
          coordinatorId: idSchema.optional(),
          limit: z.coerce.number().int().min(1).max(200).default(50),
          cursor: z.string().max(1000).optional(),
        }),
      },
      responses: { 200: json(pageOf(leadSchema), 'A page of leads'), ...commonErrors },
    }),
    async (c) => c.json(await listLeads(c.var.tenant, c.var.audit, c.req.valid('query')), 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/',
      tags: ['leads'],
      summary: 'Create a lead; likely duplicates are returned with it to open, merge or ignore',
      middleware: [requirePermission('lead:create'), idempotent] as const,
      request: jsonBody(leadCreateSchema),
      responses: {
        201: json(z.object({ lead: leadSchema, likelyDuplicates: z.array(duplicateMatchSchema) }), 'Created'),
        ...commonErrors,
      },
    }),
    async (c) => c.json(await createLead(c.var.tenant, c.var.audit, c.var.auth, c.req.valid('json')), 201),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/match',
      tags: ['leads'],
      summary: 'Likely duplicates of a person before saving (email, phone, or name and date of birth)',
      middleware: [requirePermission('leads:view')] as const,
      request: jsonBody(leadMatchSchema),
      responses: {
        200: json(z.object({ items: z.array(duplicateMatchSchema) }), 'Matches'),
        ...commonErrors,
      },
    }),
    async (c) => {
      const items = await findLeadMatches(c.var.tenant, c.req.valid('json'));
      c.var.audit.record({
        action: 'read',
        entityType: 'lead_match',
        detail: { matches: items.map((m) => m.id) },
      });
      return c.json({ items }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/{id}',
      tags: ['leads'],
      summary: 'One lead',
      middleware: [requirePermission('leads:view')] as const,
      request: { params },
      responses: { 200: json(leadSchema, 'The lead'), ...commonErrors, ...notFoundError },
    }),
    async (c) => c.json(await getLead(c.var.tenant, c.var.audit, c.req.valid('param').id), 200),
  )
  .openapi(
    createRoute({
      method: 'patch',
      path: '/{id}',
      tags: ['leads'],
      summary: "Correct a lead's details (null clears an optional field)",
      middleware: [requirePermission('leads:edit')] as const,
      request: { params, ...jsonBody(leadUpdateSchema) },
      responses: { 200: json(leadSchema, 'The lead'), ...commonErrors, ...notFoundError, ...conflictError },
    }),
    async (c) =>
      c.json(await updateLead(c.var.tenant, c.var.audit, c.req.valid('param').id, c.req.valid('json')), 200),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/{id}/timeline',
      tags: ['leads'],
      summary: 'Calls, emails, notes, stage changes and assignments, newest first',
      middleware: [requirePermission('leads:view')] as const,
      request: { params },
      responses: {
        200: json(
          z.object({
            items: z.array(
              z.object({
                id: z.string(),
                kind: z.string(),
                text: z.string().nullable(),
                detail: z.record(z.string(), z.unknown()).nullable(),
                createdBy: z.string(),
                createdAt: z.string(),
              }),
            ),
          }),
          'Timeline',
        ),
        ...commonErrors,
        ...notFoundError,
      },
    }),
    async (c) => c.json({ items: await timeline(c.var.tenant, c.var.audit, c.req.valid('param').id) }, 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/{id}/activities',
      tags: ['leads'],
      summary: 'Log a call, an email or a note',
      middleware: [requirePermission('leads:edit')] as const,
      request: { params, ...jsonBody(activityCreateSchema) },
      responses: { ...noContent, ...commonErrors, ...notFoundError },
    }),
    async (c) => {
      await addActivity(c.var.tenant, c.var.audit, c.var.auth, c.req.valid('param').id, c.req.valid('json'));
      return c.body(null, 204);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/{id}/stage',
      tags: ['leads'],
      summary: 'Move the lead to another pipeline stage',
      middleware: [requirePermission('leads:edit')] as const,
      request: { params, ...jsonBody(stageMoveSchema) },
      responses: { 200: json(leadSchema, 'The lead'), ...commonErrors, ...notFoundError },
    }),
    async (c) =>
      c.json(
        await moveStage(c.var.tenant, c.var.audit, c.var.auth, c.req.valid('param').id, c.req.valid('json')),
        200,
      ),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/{id}/assign',
      tags: ['leads'],
      summary: 'Assign a coordinator, or (no id) the next treatment coordinator round-robin',
      middleware: [requirePermission('lead:assign')] as const,
      request: { params, ...jsonBody(assignSchema) },
      responses: { 200: json(leadSchema, 'The lead'), ...commonErrors, ...notFoundError, ...conflictError },
    }),
    async (c) =>
      c.json(
        await assignLead(
          c.var.tenant,
          c.var.audit,
          c.var.auth,
          c.req.valid('param').id,
          c.req.valid('json').coordinatorId,
        ),
        200,
      ),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/{id}/convert',
      tags: ['leads'],
      summary: 'Make the lead a patient of a facility or location; the lead is marked won',
      middleware: [requirePermission('lead:convert')] as const,
      request: { params, ...jsonBody(convertSchema) },
      responses: {
        200: json(z.object({ lead: leadSchema, patientId: z.string() }), 'Converted'),
        ...commonErrors,
        ...notFoundError,
        ...conflictError,
      },
    }),
    async (c) =>
      c.json(
        await convertLead(
          c.var.tenant,
          c.var.audit,
          c.var.auth,
          c.req.valid('param').id,
          c.req.valid('json'),
        ),
        200,
      ),
  );

const taskParams = z.object({ id: idSchema, taskId: idSchema });

leadRoutes
  .openapi(
    createRoute({
      method: 'get',
      path: '/{id}/tasks',
      tags: ['leads'],
      summary: 'Follow-up tasks of a lead, soonest first',
      middleware: [requirePermission('leads:view')] as const,
      request: { params },
      responses: {
        200: json(z.object({ items: z.array(taskSchema) }), 'Tasks'),
        ...commonErrors,
        ...notFoundError,
      },
    }),
    async (c) => c.json({ items: await listTasks(c.var.tenant, c.req.valid('param').id) }, 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/{id}/tasks',
      tags: ['leads'],
      summary: 'Add a follow-up with a due time; the coordinator is reminded once when it is due',
      middleware: [requirePermission('leads:edit')] as const,
      request: { params, ...jsonBody(taskCreateSchema) },
      responses: { 201: json(taskSchema, 'Added'), ...commonErrors, ...notFoundError },
    }),
    async (c) =>
      c.json(
        await addTask(c.var.tenant, c.var.audit, c.var.auth, c.req.valid('param').id, c.req.valid('json')),
        201,
      ),
  )
  .openapi(
    createRoute({
      method: 'patch',
      path: '/{id}/tasks/{taskId}',
      tags: ['leads'],
      summary: 'Mark a follow-up done or move its due time',
      middleware: [requirePermission('leads:edit')] as const,
      request: { params: taskParams, ...jsonBody(taskUpdateSchema) },
      responses: { 200: json(taskSchema, 'The task'), ...commonErrors, ...notFoundError },
    }),
    async (c) => {
      const { id, taskId } = c.req.valid('param');
      return c.json(await updateTask(c.var.tenant, c.var.audit, id, taskId, c.req.valid('json')), 200);
    },
  );

leadRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/{id}/score',
    tags: ['leads'],
    summary: "The lead's score (0-100) and the rules that gave it",
    middleware: [requirePermission('leads:view')] as const,
    request: { params },
    responses: { 200: json(scoreSchema, 'Score'), ...commonErrors, ...notFoundError },
  }),
  async (c) => c.json(await leadScore(c.var.tenant, c.var.audit, c.req.valid('param').id), 200),
);

leadRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/{id}/merge',
    tags: ['leads'],
    summary: 'Merge a duplicate into this lead, keeping both timelines',
    middleware: [requirePermission('leads:edit')] as const,
    request: { params, ...jsonBody(mergeSchema) },
    responses: {
      200: json(leadSchema, 'The merged lead'),
      ...commonErrors,
      ...notFoundError,
      ...conflictError,
    },
  }),
  async (c) =>
    c.json(
      await mergeLead(
        c.var.tenant,
        c.var.audit,
        c.var.auth,
        c.req.valid('param').id,
        c.req.valid('json').duplicateId,
      ),
      200,
    ),
);

/** Lead analytics, mounted at /leads/analytics ahead of /leads/{id}. */
export const leadAnalyticsRoutes = newRouter();
leadAnalyticsRoutes.use('*', requireAuth);

leadAnalyticsRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/',
    tags: ['leads'],
    summary:
      'Funnel by stage, conversion by source and coordinator, time in stage and new leads per week, for a period',
    middleware: [requirePermission('leads:view')] as const,
    request: {
      query: z.strictObject({ from: z.iso.datetime().optional(), to: z.iso.datetime().optional() }),
    },
    responses: { 200: json(z.record(z.string(), z.unknown()), 'Analytics'), ...commonErrors },
  }),
  async (c) => {
    const q = c.req.valid('query');
    const to = q.to ? new Date(q.to).toISOString() : new Date(Date.now() + 1000).toISOString();
    const from = q.from
      ? new Date(q.from).toISOString()
      : new Date(Date.parse(to) - 90 * 86_400_000).toISOString();
    if (from >= to)
      throw new AppError('validation_failed', 'The period must start before it ends', [
        { path: 'from', issue: 'after to' },
      ]);
    return c.json(await leadAnalytics(c.var.tenant, c.var.audit, { from, to }), 200);
  },
);

/** The organisation's scoring rules. */
export const scoringRuleRoutes = newRouter();
scoringRuleRoutes.use('*', requireAuth);

scoringRuleRoutes
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

/** Lead sources and pipeline stages (created from sensible defaults on first use) live in pipeline-settings.ts. */
export { leadSourceRoutes, pipelineStageRoutes } from './pipeline-settings';
