import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { idSchema, pageOf } from '../../shared/schemas/common';
import {
  intakeTemplateCreateSchema,
  intakeTemplateListQuerySchema,
  intakeTemplateSchema,
  intakeTemplateSummarySchema,
  intakeTemplateUpdateSchema,
  intakeVersionListSchema,
  intakeVersionSchema,
  intakeVersionSummarySchema,
} from '../../shared/schemas/intake-api';
import { commonErrors, conflictError, json, jsonBody, newRouter, notFoundError } from '../lib/openapi';
import { idempotent } from '../middleware/idempotency';
import { requireAuth } from '../middleware/require-auth';
import { requirePermission } from '../middleware/require-permission';
import {
  archiveTemplate,
  createTemplate,
  getTemplate,
  getVersion,
  listTemplates,
  listVersions,
  publishTemplate,
  updateTemplate,
} from '../services/intake/templates';

const params = z.object({ id: idSchema });
const versionParams = z.object({
  id: idSchema,
  version: z.string().regex(/^[1-9]\d{0,5}$/, { message: 'a version number' }),
});

/**
 * Intake form templates (spec 001, 8.2): a draft the builder edits, and
 * immutable published versions that requests pin. Reading needs intake:view,
 * building and publishing intake:configure.
 */
export const intakeTemplateRoutes = newRouter(requireAuth)
  .openapi(
    createRoute({
      method: 'get',
      path: '/',
      tags: ['intake'],
      summary: 'Intake form templates, newest first (archived ones with archived=true)',
      middleware: [requirePermission('intake:view')] as const,
      request: { query: intakeTemplateListQuerySchema },
      responses: { 200: json(pageOf(intakeTemplateSummarySchema), 'A page of templates'), ...commonErrors },
    }),
    async (c) => c.json(await listTemplates(c.var.tenant, c.req.valid('query')), 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/',
      tags: ['intake'],
      summary: 'Create a template; without a definition it starts from the starter form',
      middleware: [requirePermission('intake:configure'), idempotent] as const,
      request: jsonBody(intakeTemplateCreateSchema),
      responses: { 201: json(intakeTemplateSchema, 'Created'), ...commonErrors, ...conflictError },
    }),
    async (c) =>
      c.json(await createTemplate(c.var.tenant, c.var.audit, c.var.auth.userId, c.req.valid('json')), 201),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/{id}',
      tags: ['intake'],
      summary: 'One template with its draft definition and latest published version',
      middleware: [requirePermission('intake:view')] as const,
      request: { params },
      responses: { 200: json(intakeTemplateSchema, 'The template'), ...commonErrors, ...notFoundError },
    }),
    async (c) => c.json(await getTemplate(c.var.tenant, c.req.valid('param').id), 200),
  )
  .openapi(
    createRoute({
      method: 'patch',
      path: '/{id}',
      tags: ['intake'],
      summary: "Edit the draft (name, description, definition); published versions don't change",
      middleware: [requirePermission('intake:configure')] as const,
      request: { params, ...jsonBody(intakeTemplateUpdateSchema) },
      responses: {
        200: json(intakeTemplateSchema, 'The template'),
        ...commonErrors,
        ...notFoundError,
        ...conflictError,
      },
    }),
    async (c) =>
      c.json(
        await updateTemplate(c.var.tenant, c.var.audit, c.req.valid('param').id, c.req.valid('json')),
        200,
      ),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/{id}/publish',
      tags: ['intake'],
      summary: 'Publish the draft as the next version (409 when nothing changed since the latest)',
      middleware: [requirePermission('intake:configure')] as const,
      request: { params },
      responses: {
        201: json(intakeVersionSummarySchema, 'The new version'),
        ...commonErrors,
        ...notFoundError,
        ...conflictError,
      },
    }),
    async (c) =>
      c.json(
        await publishTemplate(c.var.tenant, c.var.audit, c.var.auth.userId, c.req.valid('param').id),
        201,
      ),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/{id}/versions',
      tags: ['intake'],
      summary: 'Published versions, newest first',
      middleware: [requirePermission('intake:view')] as const,
      request: { params },
      responses: {
        200: json(intakeVersionListSchema, 'Versions'),
        ...commonErrors,
        ...notFoundError,
      },
    }),
    async (c) => c.json({ items: await listVersions(c.var.tenant, c.req.valid('param').id) }, 200),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/{id}/versions/{version}',
      tags: ['intake'],
      summary: 'One published version with its frozen definition',
      middleware: [requirePermission('intake:view')] as const,
      request: { params: versionParams },
      responses: { 200: json(intakeVersionSchema, 'The version'), ...commonErrors, ...notFoundError },
    }),
    async (c) => {
      const { id, version } = c.req.valid('param');
      return c.json(await getVersion(c.var.tenant, id, Number(version)), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/{id}/archive',
      tags: ['intake'],
      summary: 'Archive: no new requests; links already sent keep working',
      middleware: [requirePermission('intake:configure')] as const,
      request: { params },
      responses: {
        200: json(intakeTemplateSchema, 'The template'),
        ...commonErrors,
        ...notFoundError,
        ...conflictError,
      },
    }),
    async (c) => c.json(await archiveTemplate(c.var.tenant, c.var.audit, c.req.valid('param').id), 200),
  );
