import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { idSchema, pageOf } from '../../shared/schemas/common';
import {
  activityCreateSchema,
  assignSchema,
  convertSchema,
  leadConvertedSchema,
  leadCreatedSchema,
  leadCreateSchema,
  leadListQuerySchema,
  leadMatchesSchema,
  leadMatchSchema,
  leadSchema,
  leadTimelineSchema,
  leadUpdateSchema,
  mergeSchema,
  scoreSchema,
  stageMoveSchema,
} from '../../shared/schemas/leads';
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
import { updateLead } from '../services/leads/lead-edit';
import { leadScore } from '../services/leads/lead-score';
import { createLead, findLeadMatches, getLead, listLeads, timeline } from '../services/leads/leads';

const params = z.object({ id: idSchema });

/** Leads (spec 001, 8.1): prospects from first inquiry to treatment start. */
export const leadRoutes = newRouter(requireAuth)
  .openapi(
    createRoute({
      method: 'get',
      path: '/',
      tags: ['leads'],
      summary: 'Leads, newest first, by stage or coordinator, or searched by name, email or phone',
      middleware: [requirePermission('leads:view')] as const,
      request: {
        query: leadListQuerySchema,
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
        201: json(leadCreatedSchema, 'Created'),
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
        200: json(leadMatchesSchema, 'Matches'),
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
        200: json(leadTimelineSchema, 'Timeline'),
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
        200: json(leadConvertedSchema, 'Converted'),
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
  )
  .openapi(
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
  )
  .openapi(
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
        await mergeLead(c.var.tenant, c.var.audit, c.var.auth, c.req.valid('param').id, c.req.valid('json')),
        200,
      ),
  );
