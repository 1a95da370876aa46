import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { idSchema, pageOf } from '../../shared/schemas/common';
import {
  intakeAcceptSchema,
  intakeChangesSchema,
  intakeSubmissionListQuerySchema,
  intakeSubmissionSchema,
  intakeSubmissionSummarySchema,
} from '../../shared/schemas/intake-api';
import { commonErrors, conflictError, json, jsonBody, newRouter, notFoundError } from '../lib/openapi';
import { requireAuth } from '../middleware/require-auth';
import { requirePermission } from '../middleware/require-permission';
import { acceptSubmission, submissionChanges } from '../services/intake/accept-submission';
import { getSubmission, listSubmissions } from '../services/intake/submissions';
import { downloadSubmissionPdf } from '../services/intake-pdf/download-submission-pdf';

const params = z.object({ id: idSchema });

/**
 * Submitted intake forms: review the answers and signature records, see what
 * accepting would change in the lead or patient record, and accept chosen
 * fields. Everything here needs intake:view_submissions and is audited.
 */
export const intakeSubmissionRoutes = newRouter(requireAuth, requirePermission('intake:view_submissions'))
  .openapi(
    createRoute({
      method: 'get',
      path: '/',
      tags: ['intake'],
      summary: 'Submissions, newest first; by template, lead, patient, or accepted=true|false',
      request: { query: intakeSubmissionListQuerySchema },
      responses: {
        200: json(pageOf(intakeSubmissionSummarySchema), 'A page of submissions'),
        ...commonErrors,
      },
    }),
    async (c) => c.json(await listSubmissions(c.var.tenant, c.var.audit, c.req.valid('query')), 200),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/{id}',
      tags: ['intake'],
      summary: 'One submission: answers labelled as in the version answered, signature records, PDF',
      request: { params },
      responses: {
        200: json(intakeSubmissionSchema, 'The submission'),
        ...commonErrors,
        ...notFoundError,
      },
    }),
    async (c) => c.json(await getSubmission(c.var.tenant, c.var.audit, c.req.valid('param').id), 200),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/{id}/changes',
      tags: ['intake'],
      summary: 'Field by field, what accepting would change in the lead or patient record',
      request: { params },
      responses: {
        200: json(intakeChangesSchema, 'The review'),
        ...commonErrors,
        ...notFoundError,
        ...conflictError,
      },
    }),
    async (c) => c.json(await submissionChanges(c.var.tenant, c.var.audit, c.req.valid('param').id), 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/{id}/accept',
      tags: ['intake'],
      summary: 'Accept into the record, copying only the chosen fields ([] accepts with no change)',
      request: { params, ...jsonBody(intakeAcceptSchema) },
      responses: {
        200: json(intakeChangesSchema, 'Accepted'),
        ...commonErrors,
        ...notFoundError,
        ...conflictError,
      },
    }),
    async (c) =>
      c.json(
        await acceptSubmission(
          c.var.tenant,
          c.var.audit,
          c.var.auth,
          c.req.valid('param').id,
          c.req.valid('json').fields,
        ),
        200,
      ),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/{id}/pdf/download',
      tags: ['intake'],
      summary: 'The signed form as a PDF (sent as an attachment)',
      request: { params },
      responses: { 200: { description: 'The PDF' }, ...commonErrors, ...notFoundError },
    }),
    async (c) => {
      const pdf = await downloadSubmissionPdf(
        c.var.tenant,
        c.var.audit,
        c.env.FILES,
        c.req.valid('param').id,
      );
      return c.body(pdf.body, 200, {
        'Content-Type': 'application/pdf',
        'Content-Length': String(pdf.size),
        'Content-Disposition': `attachment; filename="${pdf.fileName}"`,
        'X-Content-Type-Options': 'nosniff',
        'Cache-Control': 'private, no-store',
      });
    },
  );
