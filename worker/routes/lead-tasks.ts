import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { idSchema } from '../../shared/schemas/common';
import { taskCreateSchema, taskListSchema, taskSchema, taskUpdateSchema } from '../../shared/schemas/leads';
import { commonErrors, json, jsonBody, newRouter, notFoundError } from '../lib/openapi';
import { requireAuth } from '../middleware/require-auth';
import { requirePermission } from '../middleware/require-permission';
import { addTask, listTasks, updateTask } from '../services/leads/lead-tasks';

const params = z.object({ id: idSchema });
const taskParams = z.object({ id: idSchema, taskId: idSchema });

/** A lead's follow-up tasks, mounted at /leads next to the leads themselves. */
export const leadTaskRoutes = newRouter(requireAuth)
  .openapi(
    createRoute({
      method: 'get',
      path: '/{id}/tasks',
      tags: ['leads'],
      summary: 'Follow-up tasks of a lead, soonest first',
      middleware: [requirePermission('leads:view')] as const,
      request: { params },
      responses: {
        200: json(taskListSchema, 'Tasks'),
        ...commonErrors,
        ...notFoundError,
      },
    }),
    async (c) => c.json(await listTasks(c.var.tenant, c.req.valid('param').id), 200),
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
