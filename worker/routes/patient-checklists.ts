import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import {
  checklistSchema,
  completeItemSchema,
  evidenceSchema,
  itemNoteSchema,
  statusChangeSchema,
  statusHistorySchema,
} from '../../shared/schemas/checklists';
import { idSchema } from '../../shared/schemas/common';
import { AppError } from '../lib/app-error';
import { commonErrors, conflictError, json, jsonBody, newRouter, notFoundError } from '../lib/openapi';
import { requireAuth } from '../middleware/require-auth';
import { requirePermission } from '../middleware/require-permission';
import {
  attachEvidence,
  completeTask,
  patientChecklist,
  setNote,
  setStatus,
  statusHistory,
  undoItem,
  uploadItemDocument,
} from '../services/checklists/checklist-actions';

const patientParams = z.object({ id: idSchema });
const itemParams = z.object({ id: idSchema, itemId: idSchema });
const checklistAnswer = {
  200: json(checklistSchema, 'The checklist and the enrollment it implies'),
  ...commonErrors,
  ...notFoundError,
  ...conflictError,
};

/** A patient's checklist and enrollment status (spec 000, step 5); mounted under /patients. */
export const patientChecklistRoutes = newRouter(requireAuth)
  .openapi(
    createRoute({
      method: 'get',
      path: '/{id}/checklist',
      tags: ['checklists'],
      summary: "A patient's checklist, progress and enrollment",
      middleware: [requirePermission('patients:view')] as const,
      request: { params: patientParams },
      responses: checklistAnswer,
    }),
    async (c) =>
      c.json(await patientChecklist(c.var.tenant, c.var.audit, c.var.auth, c.req.valid('param').id), 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/{id}/checklist/{itemId}/done',
      tags: ['checklists'],
      summary: 'Mark a task done (optionally with a note)',
      middleware: [requirePermission('patients:edit')] as const,
      request: { params: itemParams, ...jsonBody(completeItemSchema) },
      responses: checklistAnswer,
    }),
    async (c) => {
      const { id, itemId } = c.req.valid('param');
      return c.json(
        await completeTask(c.var.tenant, c.var.audit, c.var.auth, id, itemId, c.req.valid('json').note),
        200,
      );
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/{id}/checklist/{itemId}/undo',
      tags: ['checklists'],
      summary: 'Open a done item again',
      middleware: [requirePermission('patients:edit')] as const,
      request: { params: itemParams },
      responses: checklistAnswer,
    }),
    async (c) => {
      const { id, itemId } = c.req.valid('param');
      return c.json(await undoItem(c.var.tenant, c.var.audit, c.var.auth, id, itemId), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'put',
      path: '/{id}/checklist/{itemId}/note',
      tags: ['checklists'],
      summary: 'Set the note of an item',
      middleware: [requirePermission('patients:edit')] as const,
      request: { params: itemParams, ...jsonBody(itemNoteSchema) },
      responses: checklistAnswer,
    }),
    async (c) => {
      const { id, itemId } = c.req.valid('param');
      return c.json(
        await setNote(c.var.tenant, c.var.audit, c.var.auth, id, itemId, c.req.valid('json').note),
        200,
      );
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/{id}/checklist/{itemId}/evidence',
      tags: ['checklists'],
      summary: 'Attach the page staff are looking at as evidence (address, title, time, text hash)',
      middleware: [requirePermission('patients:edit')] as const,
      request: { params: itemParams, ...jsonBody(evidenceSchema) },
      responses: checklistAnswer,
    }),
    async (c) => {
      const { id, itemId } = c.req.valid('param');
      return c.json(
        await attachEvidence(c.var.tenant, c.var.audit, c.var.auth, id, itemId, c.req.valid('json')),
        200,
      );
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/{id}/checklist/{itemId}/documents',
      tags: ['checklists'],
      summary: "Upload a document item's file (multipart `file`); marks it done",
      middleware: [requirePermission('patients:edit')] as const,
      request: { params: itemParams },
      responses: checklistAnswer,
    }),
    async (c) => {
      const { id, itemId } = c.req.valid('param');
      const form = await c.req.parseBody().catch(() => {
        throw new AppError(
          'validation_failed',
          'The upload could not be read; send it as multipart/form-data',
        );
      });
      if (!(form.file instanceof File))
        throw new AppError('validation_failed', 'Choose a file to upload', [
          { path: 'file', issue: 'required' },
        ]);
      return c.json(
        await uploadItemDocument(c.var.tenant, c.var.audit, c.var.auth, c.env.FILES, id, itemId, form.file),
        200,
      );
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/{id}/status',
      tags: ['checklists'],
      summary:
        'Discharge (completed), or override the status ahead of the checklist (needs enrollment:override and a reason)',
      middleware: [requirePermission('patients:edit')] as const,
      request: { params: patientParams, ...jsonBody(statusChangeSchema) },
      responses: checklistAnswer,
    }),
    async (c) =>
      c.json(
        await setStatus(c.var.tenant, c.var.audit, c.var.auth, c.req.valid('param').id, c.req.valid('json')),
        200,
      ),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/{id}/status-history',
      tags: ['checklists'],
      summary: 'Every enrollment status change: from, to, when, why, by whom',
      middleware: [requirePermission('patients:view')] as const,
      request: { params: patientParams },
      responses: {
        200: json(statusHistorySchema, 'History'),
        ...commonErrors,
        ...notFoundError,
      },
    }),
    async (c) =>
      c.json(
        { items: await statusHistory(c.var.tenant, c.var.audit, c.var.auth, c.req.valid('param').id) },
        200,
      ),
  );
