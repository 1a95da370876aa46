import { createRoute } from '@hono/zod-openapi';
import {
  rosterCommitSchema,
  rosterImportedSchema,
  rosterPreviewJsonSchema,
} from '../../shared/schemas/patients';
import {
  rosterAppliedSchema,
  rosterApplySchema,
  rosterPreviewWithDiffSchema,
} from '../../shared/schemas/roster-diff';
import { commonErrors, conflictError, json, jsonBody, newRouter, notFoundError } from '../lib/openapi';
import { idempotent } from '../middleware/idempotency';
import { requireAuth } from '../middleware/require-auth';
import { requirePermission } from '../middleware/require-permission';
import { previewRosterUpload, readRosterUpload } from '../services/patients/preview-roster-upload';
import { applyRosterDiff } from '../services/patients/roster-apply';
import { commitRoster } from '../services/patients/roster-commit';

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
      // Both declared: JSON so the typed client can send rows it read, multipart so the
      // media-type gate admits files. The multipart schema is a plain OpenAPI object, not
      // zod: readRosterUpload checks the file's fields with its own messages.
      request: {
        body: {
          content: {
            'application/json': { schema: rosterPreviewJsonSchema },
            'multipart/form-data': { schema: { type: 'object' } },
          },
          required: false,
        },
      },
      responses: {
        200: json(
          rosterPreviewWithDiffSchema,
          'Per-row errors and warnings; for a facility with current patients the roster names, the admissions, discharges and changes',
        ),
        ...commonErrors,
        ...notFoundError,
      },
    }),
    async (c) => {
      const upload = await readRosterUpload(c.req);
      return c.json(await previewRosterUpload(c.var.tenant, c.var.audit, c.var.auth, upload), 200);
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
        201: json(rosterImportedSchema, 'Imported'),
        ...commonErrors,
        ...notFoundError,
        ...conflictError,
      },
    }),
    async (c) => c.json(await commitRoster(c.var.tenant, c.var.audit, c.var.auth, c.req.valid('json')), 201),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/apply',
      tags: ['patient import'],
      summary:
        "Apply the confirmed part of a roster diff: admissions (new patients with their checklist), discharges (with the template's discharge tasks) and changes, all or none; send an Idempotency-Key",
      middleware: [requirePermission('patients:edit'), idempotent] as const,
      request: jsonBody(rosterApplySchema),
      responses: {
        200: json(rosterAppliedSchema, 'Applied'),
        ...commonErrors,
        ...notFoundError,
        ...conflictError,
      },
    }),
    async (c) =>
      c.json(await applyRosterDiff(c.var.tenant, c.var.audit, c.var.auth, c.req.valid('json')), 200),
  );
