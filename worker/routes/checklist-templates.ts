import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import {
  facilityOverrideSchema,
  facilityTemplateQuerySchema,
  reorderSchema,
  templateAnswerSchema,
  templateChangePreviewSchema,
  templateItemInputSchema,
  templateItemUpdateSchema,
  templatePreviewSchema,
} from '../../shared/schemas/checklists';
import { idSchema } from '../../shared/schemas/common';
import { commonErrors, conflictError, json, jsonBody, newRouter, notFoundError } from '../lib/openapi';
import { requireAuth } from '../middleware/require-auth';
import { requirePermission } from '../middleware/require-permission';
import {
  editChecklistTemplate,
  overrideFacilityChecklist,
  previewChecklistTemplateChange,
} from '../services/checklists/edit-checklist-template';
import { facilityChecklistTemplate } from '../services/checklists/view-checklist-template';

const templateAnswer = json(templateAnswerSchema, 'The template and its items');

const params = z.object({ id: idSchema });
const itemParams = z.object({ id: idSchema, itemId: idSchema });

/** Checklist templates: the organisation's default, optionally one per facility (spec 000, step 5). */
export const checklistTemplateRoutes = newRouter(requireAuth)
  .openapi(
    createRoute({
      method: 'get',
      path: '/',
      tags: ['checklists'],
      summary: "The template that applies to a facility (its own, or the organisation's)",
      middleware: [requirePermission('patients:view')] as const,
      request: { query: facilityTemplateQuerySchema },
      responses: { 200: templateAnswer, ...commonErrors, ...notFoundError },
    }),
    async (c) =>
      c.json(await facilityChecklistTemplate(c.var.tenant, c.var.auth, c.req.valid('query').facilityId), 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/facility-override',
      tags: ['checklists'],
      summary: "Give a facility its own checklist, starting from the organisation's",
      middleware: [requirePermission('checklist:facility')] as const,
      request: jsonBody(facilityOverrideSchema),
      responses: { 201: templateAnswer, ...commonErrors, ...notFoundError, ...conflictError },
    }),
    async (c) => {
      const { tenant, audit, auth } = c.var;
      return c.json(
        await overrideFacilityChecklist(tenant, audit, auth, c.req.valid('json').facilityId),
        201,
      );
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/{id}/preview',
      tags: ['checklists'],
      summary:
        'Who an item edit (add, update, remove) would reach and how each enrollment status would move; saves nothing',
      middleware: [requirePermission('checklist:facility')] as const,
      request: { params, ...jsonBody(templateChangePreviewSchema) },
      responses: {
        200: json(templatePreviewSchema, 'The patients the edit reaches'),
        ...commonErrors,
        ...notFoundError,
      },
    }),
    async (c) => {
      const { tenant, audit, auth } = c.var;
      const preview = await previewChecklistTemplateChange(
        tenant,
        audit,
        auth,
        c.req.valid('param').id,
        c.req.valid('json'),
      );
      return c.json(preview, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/{id}/items',
      tags: ['checklists'],
      summary:
        "Add an item (with intakeTemplateId, one that completes itself when the patient submits that form); checklists of patients not yet active gain it. With appliesOn `discharge`, a task that a confirmed discharge adds to the patient's checklist instead",
      middleware: [requirePermission('checklist:facility')] as const,
      request: { params, ...jsonBody(templateItemInputSchema) },
      responses: { 200: templateAnswer, ...commonErrors, ...notFoundError },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const { tenant, audit, auth } = c.var;
      const template = await editChecklistTemplate(tenant, audit, auth, id, {
        op: 'add',
        ...c.req.valid('json'),
      });
      return c.json(template, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'patch',
      path: '/{id}/items/{itemId}',
      tags: ['checklists'],
      summary:
        'Edit an item (title, description, kind, required, intakeTemplateId); done items keep their completion',
      middleware: [requirePermission('checklist:facility')] as const,
      request: { params: itemParams, ...jsonBody(templateItemUpdateSchema) },
      responses: { 200: templateAnswer, ...commonErrors, ...notFoundError },
    }),
    async (c) => {
      const { id, itemId } = c.req.valid('param');
      const { tenant, audit, auth } = c.var;
      const template = await editChecklistTemplate(tenant, audit, auth, id, {
        op: 'update',
        itemId,
        ...c.req.valid('json'),
      });
      return c.json(template, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/{id}/items/{itemId}',
      tags: ['checklists'],
      summary: 'Remove an item; a completed item is never lost from a patient',
      middleware: [requirePermission('checklist:facility')] as const,
      request: { params: itemParams },
      responses: { 200: templateAnswer, ...commonErrors, ...notFoundError },
    }),
    async (c) => {
      const { id, itemId } = c.req.valid('param');
      const { tenant, audit, auth } = c.var;
      const template = await editChecklistTemplate(tenant, audit, auth, id, {
        op: 'remove',
        itemId,
      });
      return c.json(template, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'put',
      path: '/{id}/order',
      tags: ['checklists'],
      summary: 'Reorder the items (send every item id in the new order)',
      middleware: [requirePermission('checklist:facility')] as const,
      request: { params, ...jsonBody(reorderSchema) },
      responses: { 200: templateAnswer, ...commonErrors, ...notFoundError },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const { tenant, audit, auth } = c.var;
      const template = await editChecklistTemplate(tenant, audit, auth, id, {
        op: 'reorder',
        itemIds: c.req.valid('json').itemIds,
      });
      return c.json(template, 200);
    },
  );
