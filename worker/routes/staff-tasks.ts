import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { idSchema } from '../../shared/schemas/common';
import { staffTaskPageSchema, staffTaskQuerySchema, staffTaskSchema } from '../../shared/schemas/staff-tasks';
import { commonErrors, json, newRouter, notFoundError } from '../lib/openapi';
import { requireAuth } from '../middleware/require-auth';
import { requirePermission } from '../middleware/require-permission';
import { completeStaffTask, listStaffTasks } from '../services/tasks/staff-tasks';

/** Tasks for staff members (automation rules give them): one's own, or a patient's or lead's. */
export const staffTaskRoutes = newRouter(requireAuth)
  .openapi(
    createRoute({
      method: 'get',
      path: '/',
      tags: ['tasks'],
      summary: 'Your open (or done) tasks, or those about one patient or lead, soonest due first',
      middleware: [requirePermission('patients:view')] as const,
      request: { query: staffTaskQuerySchema },
      responses: { 200: json(staffTaskPageSchema, 'A page of tasks'), ...commonErrors },
    }),
    async (c) =>
      c.json(await listStaffTasks(c.var.tenant, c.var.audit, c.var.auth, c.req.valid('query')), 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/{id}/done',
      tags: ['tasks'],
      summary: 'Mark a task done (its assignee, or someone who manages automations)',
      middleware: [requirePermission('patients:view')] as const,
      request: { params: z.object({ id: idSchema }) },
      responses: { 200: json(staffTaskSchema, 'The task'), ...commonErrors, ...notFoundError },
    }),
    async (c) =>
      c.json(await completeStaffTask(c.var.tenant, c.var.audit, c.var.auth, c.req.valid('param').id), 200),
  );
