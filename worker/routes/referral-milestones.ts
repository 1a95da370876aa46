import { createRoute } from '@hono/zod-openapi';
import { milestonesSchema, milestonesUpdateSchema } from '../../shared/schemas/referral-letters';
import { idParams } from '../../shared/schemas/referrals';
import { commonErrors, json, jsonBody, newRouter, notFoundError } from '../lib/openapi';
import { requireAuth } from '../middleware/require-auth';
import { requirePermission } from '../middleware/require-permission';
import { readMilestones, updateMilestones } from '../services/referral-letters/milestones';

/** What happened after an incoming referral; each milestone queues its letter to the referrer once. */
export const referralMilestoneRoutes = newRouter(requireAuth)
  .openapi(
    createRoute({
      method: 'get',
      path: '/{id}/milestones',
      tags: ['referrals'],
      summary: 'Consultation (date, outcome, findings), treatment start and completion of a referral',
      middleware: [requirePermission('referrals:view')] as const,
      request: { params: idParams },
      responses: { 200: json(milestonesSchema, 'The milestones'), ...commonErrors, ...notFoundError },
    }),
    async (c) => c.json(await readMilestones(c.var.tenant, c.var.audit, c.req.valid('param').id), 200),
  )
  .openapi(
    createRoute({
      method: 'patch',
      path: '/{id}/milestones',
      tags: ['referrals'],
      summary: 'Record the consultation outcome, treatment start or completion; each queues its letter once',
      middleware: [requirePermission('referrals:edit')] as const,
      request: { params: idParams, ...jsonBody(milestonesUpdateSchema) },
      responses: { 200: json(milestonesSchema, 'The milestones'), ...commonErrors, ...notFoundError },
    }),
    async (c) =>
      c.json(
        await updateMilestones(c.var.tenant, c.var.audit, c.req.valid('param').id, c.req.valid('json')),
        200,
      ),
  );
