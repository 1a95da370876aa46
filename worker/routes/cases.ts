import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import {
  bookingSyncListSchema,
  caseImportPreviewSchema,
  caseImportSchema,
  caseListQuerySchema,
  casePageSchema,
  caseSchema,
  caseUpsertSchema,
  upsertResultSchema,
} from '../../shared/schemas/cases';
import { idSchema } from '../../shared/schemas/common';
import { commonErrors, json, jsonBody, newRouter, notFoundError } from '../lib/openapi';
import { requireAuth } from '../middleware/require-auth';
import { requirePermission } from '../middleware/require-permission';
import { listBookingSyncs } from '../services/cases/booking-syncs';
import { commitCaseImport, previewCaseImport } from '../services/cases/case-import';
import { getCase, listCases, upsertCases } from '../services/cases/cases';

const importResultSchema = z.object({ cases: upsertResultSchema, appointments: upsertResultSchema });

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
      summary: 'Check a CSV of cases and appointments without importing it',
      middleware: [requirePermission('automations:edit')] as const,
      request: jsonBody(caseImportSchema),
      responses: { 200: json(caseImportPreviewSchema, 'Counts and problems by row'), ...commonErrors },
    }),
    async (c) => c.json(await previewCaseImport(c.var.tenant, c.req.valid('json').csv), 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/import',
      tags: ['cases'],
      summary: 'Import a CSV of cases and appointments: every row or none',
      middleware: [requirePermission('automations:edit')] as const,
      request: jsonBody(caseImportSchema),
      responses: { 200: json(importResultSchema, 'What was written'), ...commonErrors },
    }),
    async (c) => c.json(await commitCaseImport(c.var.tenant, c.var.audit, c.req.valid('json').csv), 200),
  );
