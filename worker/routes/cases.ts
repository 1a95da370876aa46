import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import {
  bookingSyncListSchema,
  caseImportPreviewSchema,
  caseImportResultSchema,
  caseImportSchema,
  caseListQuerySchema,
  casePageSchema,
  caseSchema,
  caseUpsertSchema,
  upsertResultSchema,
} from '../../shared/schemas/cases';
import { idSchema } from '../../shared/schemas/common';
import { commonErrors, conflictError, json, jsonBody, newRouter, notFoundError } from '../lib/openapi';
import { idempotent } from '../middleware/idempotency';
import { requireAuth } from '../middleware/require-auth';
import { requirePermission } from '../middleware/require-permission';
import { listBookingSyncs } from '../services/cases/booking-syncs';
import { commitCaseImport, previewCaseImport } from '../services/cases/case-import';
import { readCaseImportTable } from '../services/cases/case-import-upload';
import { getCase, listCases, upsertCases } from '../services/cases/cases';

// Both declared, as for the roster import: JSON `{ csv }` for the typed client and integrations,
// multipart so the media-type gate admits a CSV or XLSX `file` (checked by readCaseImportTable).
const importBody = {
  body: {
    content: {
      'application/json': { schema: caseImportSchema },
      'multipart/form-data': { schema: { type: 'object' as const } },
    },
    // Not required: zod-openapi would then check a multipart body against the JSON schema.
    required: false,
  },
};

/**
 * Cases synced from the practice's booking system. Reading them is reading
 * patient data (`patients:view`); syncing them feeds the automations, so it
 * is the automation editors' (`automations:edit`).
 */
export const caseRoutes = newRouter(requireAuth)
  .openapi(
    createRoute({
      method: 'get',
      path: '/syncs',
      tags: ['cases'],
      summary: 'When each location last synced cases and appointments',
      middleware: [requirePermission('patients:view')] as const,
      responses: { 200: json(bookingSyncListSchema, 'Locations and sync times'), ...commonErrors },
    }),
    async (c) => c.json(await listBookingSyncs(c.var.tenant), 200),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/',
      tags: ['cases'],
      summary: 'Cases with their parameters, newest first',
      middleware: [requirePermission('patients:view')] as const,
      request: { query: caseListQuerySchema },
      responses: { 200: json(casePageSchema, 'A page of cases'), ...commonErrors },
    }),
    async (c) => c.json(await listCases(c.var.tenant, c.var.audit, c.req.valid('query')), 200),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/{id}',
      tags: ['cases'],
      summary: 'One case with its parameters',
      middleware: [requirePermission('patients:view')] as const,
      request: { params: z.object({ id: idSchema }) },
      responses: { 200: json(caseSchema, 'The case'), ...commonErrors, ...notFoundError },
    }),
    async (c) => c.json(await getCase(c.var.tenant, c.var.audit, c.req.valid('param').id), 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/upsert',
      tags: ['cases'],
      summary: 'Insert or update cases by the booking system id (repeatable)',
      middleware: [requirePermission('automations:edit')] as const,
      request: jsonBody(caseUpsertSchema),
      responses: { 200: json(upsertResultSchema, 'Inserted and updated counts'), ...commonErrors },
    }),
    async (c) => c.json(await upsertCases(c.var.tenant, c.var.audit, c.req.valid('json').items), 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/import/preview',
      tags: ['cases'],
      summary:
        'Check a file of cases and appointments without importing it: multipart `file` (CSV or XLSX) or JSON `{ csv }`',
      middleware: [requirePermission('automations:edit')] as const,
      request: importBody,
      responses: {
        200: json(caseImportPreviewSchema, 'Columns read, counts and problems by row and column'),
        ...commonErrors,
      },
    }),
    async (c) => c.json(await previewCaseImport(c.var.tenant, await readCaseImportTable(c.req)), 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/import',
      tags: ['cases'],
      summary:
        'Import cases and appointments: every row or none, by external id (repeatable); send an Idempotency-Key so a retry replays the first answer',
      middleware: [requirePermission('automations:edit'), idempotent] as const,
      request: importBody,
      responses: { 200: json(caseImportResultSchema, 'What was written'), ...commonErrors, ...conflictError },
    }),
    async (c) =>
      c.json(await commitCaseImport(c.var.tenant, c.var.audit, await readCaseImportTable(c.req)), 200),
  );
