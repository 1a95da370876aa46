import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { idSchema } from '../../shared/schemas/common';
import {
  stageCreateSchema,
  stageDeleteResultSchema,
  stageDeleteSchema,
  stageListSchema,
  stageOrderSchema,
  stageSchema,
  stageUpdateSchema,
} from '../../shared/schemas/pipeline';
import { AppError } from '../lib/app-error';
import { commonErrors, conflictError, json, jsonBody, newRouter, notFoundError } from '../lib/openapi';
import { requireAuth } from '../middleware/require-auth';
import { requirePermission } from '../middleware/require-permission';
import {
  createStage,
  deleteStage,
  reorderStages,
  stageList,
  updateStage,
} from '../services/leads/pipeline-settings';

const params = z.object({ id: idSchema });

/**
 * The organisation's pipeline stages: everyone with leads:view reads them,
 * leads:full changes them. Mounted at /pipeline-stages.
 */
export const pipelineStageRoutes = newRouter(requireAuth)
  .openapi(
    createRoute({
      method: 'get',
      path: '/',
      tags: ['leads'],
      summary: 'The pipeline, in order (each stage open, won or lost)',
      middleware: [requirePermission('leads:view')] as const,
      responses: { 200: json(stageListSchema, 'Stages'), ...commonErrors },
    }),
    async (c) => c.json(await stageList(c.var.tenant), 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/',
      tags: ['leads'],
      summary: 'Add a stage, at the end unless a position (0 = first) is given',
      middleware: [requirePermission('leads:full')] as const,
      request: jsonBody(stageCreateSchema),
      responses: { 201: json(stageSchema, 'Added'), ...commonErrors, ...conflictError },
    }),
    async (c) => c.json(await createStage(c.var.tenant, c.var.audit, c.req.valid('json')), 201),
  )
  // Static paths before /{id}.
  .openapi(
    createRoute({
      method: 'put',
      path: '/order',
      tags: ['leads'],
      summary: 'Put the stages in a new order (every stage once; the first must be open)',
      middleware: [requirePermission('leads:full')] as const,
      request: jsonBody(stageOrderSchema),
      responses: { 200: json(stageListSchema, 'Stages in the new order'), ...commonErrors },
    }),
    async (c) =>
      c.json({ items: await reorderStages(c.var.tenant, c.var.audit, c.req.valid('json').ids) }, 200),
  )
  .openapi(
    createRoute({
      method: 'patch',
      path: '/{id}',
      tags: ['leads'],
      summary: 'Rename a stage or change whether it means open, won or lost',
      middleware: [requirePermission('leads:full')] as const,
      request: { params, ...jsonBody(stageUpdateSchema) },
      responses: { 200: json(stageSchema, 'The stage'), ...commonErrors, ...notFoundError, ...conflictError },
    }),
    async (c) =>
      c.json(await updateStage(c.var.tenant, c.var.audit, c.req.valid('param').id, c.req.valid('json')), 200),
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/{id}',
      tags: ['leads'],
      summary:
        'Remove a stage; one holding leads needs moveTo (query or body), and its leads move there, each move on the timeline',
      middleware: [requirePermission('leads:full')] as const,
      request: {
        params,
        query: stageDeleteSchema,
        body: { content: { 'application/json': { schema: stageDeleteSchema } }, required: false },
      },
      responses: {
        200: json(stageDeleteResultSchema, 'Removed; the remaining stages'),
        ...commonErrors,
        ...notFoundError,
        ...conflictError,
      },
    }),
    async (c) => {
      const fromQuery = c.req.valid('query').moveTo;
      const fromBody = c.req.valid('json').moveTo;
      if (fromQuery && fromBody && fromQuery !== fromBody)
        throw new AppError('validation_failed', 'Give moveTo once, in the query or the body', [
          { path: 'moveTo', issue: 'given twice, differently' },
        ]);
      return c.json(
        await deleteStage(
          c.var.tenant,
          c.var.audit,
          c.var.auth,
          c.req.valid('param').id,
          fromBody ?? fromQuery,
        ),
        200,
      );
    },
  );
