import { createRoute } from '@hono/zod-openapi';

import { z } from 'zod';
import { checklistTemplates } from '../../db/schema';
import { ENROLLMENT_ORDER } from '../../shared/enrollment';
import {
  reorderSchema,
  templateItemInputSchema,
  templateItemUpdateSchema,
  templateSchema,
} from '../../shared/schemas/checklists';
import { idSchema } from '../../shared/schemas/common';
import { commonErrors, conflictError, json, jsonBody, newRouter, notFoundError } from '../lib/openapi';
import type { TenantDb } from '../lib/tenant-db';
import { requireAuth } from '../middleware/require-auth';
import { requirePermission } from '../middleware/require-permission';
import { changeTemplate } from '../services/checklists/checklist-actions';
import {
  effectiveTemplate,
  type ItemKind,
  overrideForFacility,
  templateItems,
} from '../services/checklists/templates';
import { trackerGrid } from '../services/checklists/tracker';
import { getVisibleFacilityRow } from '../services/facilities/facility-access';

const templateAnswer = json(
  templateSchema.extend({ patientsUpdated: z.number().optional() }),
  'The template and its items',
);

async function templateView(tenant: TenantDb, id: string, patientsUpdated?: number) {
  const template = await tenant.get(checklistTemplates, id, 'Checklist template');
  const items = await templateItems(tenant, id);
  return {
    id: template.id,
    facilityId: template.facilityId,
    name: template.name,
    items: items.map((i) => ({
      id: i.id,
      title: i.title,
      description: i.description,
      kind: i.kind as ItemKind,
      required: i.required,
      intakeTemplateId: i.intakeTemplateId,
    })),
    ...(patientsUpdated === undefined ? {} : { patientsUpdated }),
  };
}

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
      request: { query: z.strictObject({ facilityId: idSchema }) },
      responses: { 200: templateAnswer, ...commonErrors, ...notFoundError },
    }),
    async (c) => {
      const { facilityId } = c.req.valid('query');
      await getVisibleFacilityRow(c.var.tenant, c.var.auth, facilityId);
      return c.json(
        await templateView(c.var.tenant, (await effectiveTemplate(c.var.tenant, facilityId)).id),
        200,
      );
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/facility-override',
      tags: ['checklists'],
      summary: "Give a facility its own checklist, starting from the organisation's",
      middleware: [requirePermission('patients:full')] as const,
      request: jsonBody(z.strictObject({ facilityId: idSchema })),
      responses: { 201: templateAnswer, ...commonErrors, ...notFoundError, ...conflictError },
    }),
    async (c) => {
      const { facilityId } = c.req.valid('json');
      await getVisibleFacilityRow(c.var.tenant, c.var.auth, facilityId);
      const template = await overrideForFacility(c.var.tenant, facilityId);
      c.var.audit.record({
        action: 'create',
        entityType: 'checklist_template',
        entityId: template.id,
        detail: { facilityId },
      });
      return c.json(await templateView(c.var.tenant, template.id), 201);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/{id}/items',
      tags: ['checklists'],
      summary:
        'Add an item (with intakeTemplateId, one that completes itself when the patient submits that form); checklists of patients not yet active gain it',
      middleware: [requirePermission('patients:full')] as const,
      request: { params, ...jsonBody(templateItemInputSchema) },
      responses: { 200: templateAnswer, ...commonErrors, ...notFoundError },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      await c.var.tenant.get(checklistTemplates, id, 'Checklist template');
      const updated = await changeTemplate(c.var.tenant, c.var.audit, c.var.auth, id, {
        op: 'add',
        ...c.req.valid('json'),
      });
      return c.json(await templateView(c.var.tenant, id, updated), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'patch',
      path: '/{id}/items/{itemId}',
      tags: ['checklists'],
      summary:
        'Edit an item (title, description, kind, required, intakeTemplateId); done items keep their completion',
      middleware: [requirePermission('patients:full')] as const,
      request: { params: itemParams, ...jsonBody(templateItemUpdateSchema) },
      responses: { 200: templateAnswer, ...commonErrors, ...notFoundError },
    }),
    async (c) => {
      const { id, itemId } = c.req.valid('param');
      await c.var.tenant.get(checklistTemplates, id, 'Checklist template');
      const updated = await changeTemplate(c.var.tenant, c.var.audit, c.var.auth, id, {
        op: 'update',
        itemId,
        ...c.req.valid('json'),
      });
      return c.json(await templateView(c.var.tenant, id, updated), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/{id}/items/{itemId}',
      tags: ['checklists'],
      summary: 'Remove an item; a completed item is never lost from a patient',
      middleware: [requirePermission('patients:full')] as const,
      request: { params: itemParams },
      responses: { 200: templateAnswer, ...commonErrors, ...notFoundError },
    }),
    async (c) => {
      const { id, itemId } = c.req.valid('param');
      await c.var.tenant.get(checklistTemplates, id, 'Checklist template');
      const updated = await changeTemplate(c.var.tenant, c.var.audit, c.var.auth, id, {
        op: 'remove',
        itemId,
      });
      return c.json(await templateView(c.var.tenant, id, updated), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'put',
      path: '/{id}/order',
      tags: ['checklists'],
      summary: 'Reorder the items (send every item id in the new order)',
      middleware: [requirePermission('patients:full')] as const,
      request: { params, ...jsonBody(reorderSchema) },
      responses: { 200: templateAnswer, ...commonErrors, ...notFoundError },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      await c.var.tenant.get(checklistTemplates, id, 'Checklist template');
      const updated = await changeTemplate(c.var.tenant, c.var.audit, c.var.auth, id, {
        op: 'reorder',
        itemIds: c.req.valid('json').itemIds,
      });
      return c.json(await templateView(c.var.tenant, id, updated), 200);
    },
  );

const trackerRow = z.object({
  id: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  enrollmentStatus: z.enum(ENROLLMENT_ORDER),
  overridden: z.boolean(),
  visitPreference: z.string(),
  meetingStatus: z.string(),
  progress: z.object({
    requiredDone: z.number(),
    requiredTotal: z.number(),
    percent: z.number(),
    optionalDone: z.number(),
    optionalTotal: z.number(),
  }),
  missing: z.array(z.string()),
  lastUpdate: z.string(),
});

/** The patient tracker grid and worklist of one facility (spec 000, step 5). */
export const trackerRoutes = newRouter(requireAuth).openapi(
  createRoute({
    method: 'get',
    path: '/',
    tags: ['checklists'],
    summary:
      "A facility's patients with status, preferences, progress and what is missing; and what blocks the most patients",
    middleware: [requirePermission('patients:view')] as const,
    request: {
      query: z.strictObject({
        facilityId: idSchema,
        status: z.enum(ENROLLMENT_ORDER).optional(),
        missing: z.string().max(200).optional(),
        q: z.string().max(100).optional(),
        sort: z.enum(['name', 'status', 'progress', 'updated']).default('name'),
      }),
    },
    responses: {
      200: json(
        z.object({
          items: z.array(trackerRow),
          worklist: z.array(z.object({ title: z.string(), patients: z.number() })),
          truncated: z.boolean(),
        }),
        'The grid',
      ),
      ...commonErrors,
      ...notFoundError,
    },
  }),
  async (c) => c.json(await trackerGrid(c.var.tenant, c.var.audit, c.var.auth, c.req.valid('query')), 200),
);
