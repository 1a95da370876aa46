import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { ROSTER_FIELDS } from '../../shared/roster/columns';
import { idSchema } from '../../shared/schemas/common';
import { rosterCommitSchema, rosterPreviewJsonSchema } from '../../shared/schemas/patients';
import { AppError } from '../lib/app-error';
import { zodDetails } from '../lib/error-handler';
import { commonErrors, conflictError, json, jsonBody, newRouter, notFoundError } from '../lib/openapi';
import { idempotent } from '../middleware/idempotency';
import { requireAuth } from '../middleware/require-auth';
import { requirePermission } from '../middleware/require-permission';
import { readRosterFile } from '../services/patients/read-roster-file';
import { commitRoster } from '../services/patients/roster-commit';
import { previewRoster, tableToRows } from '../services/patients/roster-preview';

const problem = z.object({ field: z.string(), issue: z.string() });
const previewSchema = z.object({
  source: z.string(),
  headers: z.array(z.string()).optional(),
  mapping: z.array(z.enum(ROSTER_FIELDS).nullable()).optional(),
  rows: z.array(
    z.object({
      index: z.number(),
      values: z.record(z.string(), z.string()),
      errors: z.array(problem),
      warnings: z.array(
        problem.extend({ existingPatientId: z.string().optional(), sameAsRow: z.number().optional() }),
      ),
    }),
  ),
  summary: z.object({
    rows: z.number(),
    valid: z.number(),
    withErrors: z.number(),
    withWarnings: z.number(),
  }),
});
const mappingSchema = z.array(z.enum(ROSTER_FIELDS).nullable()).max(100);

/** Roster import (spec 000, step 3 option B): preview checks, commit writes all or nothing. */
export const patientImportRoutes = newRouter(requireAuth)
  .openapi(
    createRoute({
      method: 'post',
      path: '/preview',
      tags: ['patient import'],
      summary:
        'Check a roster without saving: multipart `file` (CSV or XLSX) with `facilityId` (and optional `mapping` JSON), or JSON rows already read (OCR)',
      middleware: [requirePermission('patients:edit')] as const,
      responses: {
        200: json(previewSchema, 'Per-row errors and warnings'),
        ...commonErrors,
        ...notFoundError,
      },
    }),
    async (c) => {
      const { tenant, audit, auth } = c.var;
      if (/^multipart\/form-data/i.test(c.req.header('Content-Type') ?? '')) {
        const form = await c.req.parseBody().catch(() => {
          throw new AppError(
            'validation_failed',
            'The upload could not be read; send it as multipart/form-data',
          );
        });
        const facility = idSchema.safeParse(form.facilityId);
        if (!facility.success)
          throw new AppError('validation_failed', 'Choose the facility first', [
            { path: 'facilityId', issue: 'required' },
          ]);
        if (!(form.file instanceof File))
          throw new AppError('validation_failed', 'Choose a roster file', [
            { path: 'file', issue: 'required' },
          ]);
        let mapping: z.infer<typeof mappingSchema> | undefined;
        if (typeof form.mapping === 'string' && form.mapping) {
          let raw: unknown;
          try {
            raw = JSON.parse(form.mapping);
          } catch {
            throw new AppError('validation_failed', 'The column mapping is not valid JSON', [
              { path: 'mapping', issue: 'malformed JSON' },
            ]);
          }
          const parsed = mappingSchema.safeParse(raw);
          if (!parsed.success)
            throw new AppError(
              'validation_failed',
              'The column mapping is not valid',
              zodDetails(parsed.error),
            );
          mapping = parsed.data;
        }
        const table = await readRosterFile(form.file);
        const { headers, mapping: used, rows } = tableToRows(table.rows, mapping);
        const result = await previewRoster(tenant, audit, auth, facility.data, rows, table.source);
        return c.json({ source: table.source, headers, mapping: used, ...result }, 200);
      }
      const body = rosterPreviewJsonSchema.safeParse(await c.req.json().catch(() => null));
      if (!body.success)
        throw new AppError(
          'validation_failed',
          body.error.issues[0]?.message ?? 'The roster is not valid',
          zodDetails(body.error),
        );
      const result = await previewRoster(
        tenant,
        audit,
        auth,
        body.data.facilityId,
        body.data.rows,
        body.data.source,
      );
      return c.json({ source: body.data.source, ...result }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/commit',
      tags: ['patient import'],
      summary:
        'Import the reviewed rows: all or none; send an Idempotency-Key so a retry never imports twice',
      middleware: [requirePermission('patients:edit'), idempotent] as const,
      request: jsonBody(rosterCommitSchema),
      responses: {
        201: json(
          z.object({ importId: z.string(), imported: z.number(), patientIds: z.array(z.string()) }),
          'Imported',
        ),
        ...commonErrors,
        ...notFoundError,
        ...conflictError,
      },
    }),
    async (c) => c.json(await commitRoster(c.var.tenant, c.var.audit, c.var.auth, c.req.valid('json')), 201),
  );
