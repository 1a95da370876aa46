import { createRoute } from '@hono/zod-openapi';
import {
  leadImportCommitSchema,
  leadImportedSchema,
  leadImportParamsSchema,
  leadImportPreviewSchema,
} from '../../shared/schemas/lead-import';
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
import {
  cancelLeadImport,
  commitLeadImport,
  previewLeadImport,
  readLeadImportUpload,
} from '../services/leads/lead-import';

/** Lead lists from another system (issue 18): preview checks and stages the file, commit writes all or nothing. */
export const leadImportRoutes = newRouter(requireAuth)
  .openapi(
    createRoute({
      method: 'post',
      path: '/preview',
      tags: ['lead import'],
      summary:
        'Check a lead list (multipart `file`, CSV or XLSX, optional `mapping` JSON and `replaces`) without importing it; the file is kept for the commit',
      middleware: [requirePermission('lead:create')] as const,
      // A plain OpenAPI object, not zod: readLeadImportUpload checks the fields with its own messages.
      request: {
        body: { content: { 'multipart/form-data': { schema: { type: 'object' } } }, required: true },
      },
      responses: {
        200: json(leadImportPreviewSchema, 'Counts, columns and the rows with problems'),
        ...commonErrors,
      },
    }),
    async (c) => {
      const upload = await readLeadImportUpload(c.req);
      return c.json(await previewLeadImport(c.var.tenant, c.var.audit, c.var.auth, c.env.FILES, upload), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/{importId}/commit',
      tags: ['lead import'],
      summary:
        'Import a previewed list: all or none; send an Idempotency-Key so a retry returns the first answer',
      middleware: [requirePermission('lead:create'), idempotent] as const,
      request: { params: leadImportParamsSchema, ...jsonBody(leadImportCommitSchema) },
      responses: {
        201: json(leadImportedSchema, 'Imported'),
        ...commonErrors,
        ...notFoundError,
        ...conflictError,
      },
    }),
    async (c) =>
      c.json(
        await commitLeadImport(
          c.var.tenant,
          c.var.audit,
          c.var.auth,
          c.env.FILES,
          c.req.valid('param').importId,
          c.req.valid('json'),
        ),
        201,
      ),
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/{importId}',
      tags: ['lead import'],
      summary: 'Drop a previewed list without importing it (the staged file is deleted)',
      middleware: [requirePermission('lead:create')] as const,
      request: { params: leadImportParamsSchema },
      responses: { ...noContent, ...commonErrors, ...notFoundError },
    }),
    async (c) => {
      await cancelLeadImport(
        c.var.tenant,
        c.var.audit,
        c.var.auth,
        c.env.FILES,
        c.req.valid('param').importId,
      );
      return c.body(null, 204);
    },
  );
