import { createRoute } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { z } from 'zod';
import { idSchema } from '../../shared/schemas/common';
import {
  RECORDS_FILE_KINDS,
  recordsFileListSchema,
  recordsFileParams,
  recordsFileSchema,
  recordsLinkCreatedSchema,
  recordsLinkListSchema,
  recordsLinkParams,
  recordsLinkSchema,
  secureLinkCreateSchema,
  uploadLinkCreateSchema,
} from '../../shared/schemas/records-transfer';
import type { AppEnv } from '../env';
import { commonErrors, conflictError, json, jsonBody, newRouter, notFoundError } from '../lib/openapi';
import { clientIp } from '../middleware/request-context';
import { requireAuth } from '../middleware/require-auth';
import { requirePermission } from '../middleware/require-permission';
import { deliverInBackground } from '../services/email/deliver-in-background';
import { readKindedUpload } from '../services/facilities/read-document-upload';
import { downloadRecordsFile, listRecordsFiles, uploadRecordsFile } from '../services/records/records-files';
import {
  listRecordsLinks,
  revokeRecordsLink,
  sendSecureLink,
  sendUploadLink,
} from '../services/records/secure-links';

const params = z.object({ id: idSchema });
const fileErrors = {
  413: json(z.object({ error: z.object({ code: z.string(), message: z.string() }) }), 'Over 25 MB'),
  415: json(z.object({ error: z.object({ code: z.string(), message: z.string() }) }), 'Not a PDF or image'),
};

const deps = (c: Context<AppEnv>) => ({
  baseUrl: c.env.PUBLIC_BASE_URL,
  ip: clientIp(c.req.raw.headers),
  userAgent: c.req.header('User-Agent') ?? null,
});

/** A request's files and the secure links that carry them out or in (mounted under /records-requests). */
export const recordsTransferRoutes = newRouter(requireAuth)
  .openapi(
    createRoute({
      method: 'get',
      path: '/{id}/documents',
      tags: ['records'],
      summary: "The request's files: records to send, records received, the signed authorization",
      middleware: [requirePermission('records:view')] as const,
      request: { params },
      responses: {
        200: json(recordsFileListSchema, 'Files, oldest first'),
        ...commonErrors,
        ...notFoundError,
      },
    }),
    async (c) =>
      c.json({ items: await listRecordsFiles(c.var.tenant, c.var.audit, c.req.valid('param').id) }, 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/{id}/documents',
      tags: ['records'],
      summary:
        'Add a file (multipart/form-data: `file`, `kind` release|received|authorization); PDF, PNG or JPEG, at most 25 MB',
      middleware: [requirePermission('records:edit')] as const,
      request: { params },
      responses: {
        201: json(recordsFileSchema, 'Stored'),
        ...commonErrors,
        ...notFoundError,
        ...conflictError,
        ...fileErrors,
      },
    }),
    async (c) => {
      const upload = await readKindedUpload(c.req, RECORDS_FILE_KINDS);
      const file = await uploadRecordsFile(
        c.var.tenant,
        c.var.audit,
        c.var.auth,
        c.env.FILES,
        c.req.valid('param').id,
        upload,
      );
      return c.json(file, 201);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/{id}/documents/{fileId}/download',
      tags: ['records'],
      summary: 'Download a file of the request (audited)',
      middleware: [requirePermission('records:view')] as const,
      request: { params: recordsFileParams },
      responses: { 200: { description: 'The file' }, ...commonErrors, ...notFoundError },
    }),
    async (c) => {
      const { id, fileId } = c.req.valid('param');
      const { row, body } = await downloadRecordsFile(c.var.tenant, c.var.audit, c.env.FILES, id, fileId);
      return c.body(body, 200, {
        'Content-Type': row.contentType,
        'Content-Length': String(row.sizeBytes),
        'Content-Disposition': `attachment; filename="${row.fileName}"`,
        'X-Content-Type-Options': 'nosniff',
        'Cache-Control': 'private, no-store',
      });
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/{id}/secure-link',
      tags: ['records'],
      summary:
        'Send the records: an expiring link with a download limit, and its one-time code in a separate email',
      middleware: [requirePermission('records:prepare')] as const,
      request: { params, ...jsonBody(secureLinkCreateSchema) },
      responses: {
        201: json(recordsLinkCreatedSchema, 'Sent; the URL is in this answer only'),
        ...commonErrors,
        ...notFoundError,
        ...conflictError,
      },
    }),
    async (c) => {
      const { link, emailIds } = await sendSecureLink(
        c.var.tenant,
        c.var.audit,
        c.var.auth,
        c.req.valid('param').id,
        c.req.valid('json'),
        deps(c),
      );
      deliverInBackground(c, emailIds);
      return c.json(link, 201);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/{id}/upload-link',
      tags: ['records'],
      summary: "Ask the holder of a new patient's records to upload them through a link that works once",
      middleware: [requirePermission('records:edit')] as const,
      request: { params, ...jsonBody(uploadLinkCreateSchema) },
      responses: {
        201: json(recordsLinkCreatedSchema, 'Sent; the URL is in this answer only'),
        ...commonErrors,
        ...notFoundError,
        ...conflictError,
      },
    }),
    async (c) => {
      const { link, emailIds } = await sendUploadLink(
        c.var.tenant,
        c.var.audit,
        c.var.auth,
        c.req.valid('param').id,
        c.req.valid('json'),
        deps(c),
      );
      deliverInBackground(c, emailIds);
      return c.json(link, 201);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/{id}/links',
      tags: ['records'],
      summary: "The request's links with every view, code, download and upload (time and address)",
      middleware: [requirePermission('records:view')] as const,
      request: { params },
      responses: {
        200: json(recordsLinkListSchema, 'Links, newest first'),
        ...commonErrors,
        ...notFoundError,
      },
    }),
    async (c) =>
      c.json({ items: await listRecordsLinks(c.var.tenant, c.var.audit, c.req.valid('param').id) }, 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/{id}/links/{linkId}/revoke',
      tags: ['records'],
      summary: 'Revoke a link at once',
      middleware: [requirePermission('records:prepare')] as const,
      request: { params: recordsLinkParams },
      responses: {
        200: json(recordsLinkSchema, 'Revoked'),
        ...commonErrors,
        ...notFoundError,
        ...conflictError,
      },
    }),
    async (c) => {
      const { id, linkId } = c.req.valid('param');
      return c.json(await revokeRecordsLink(c.var.tenant, c.var.audit, c.var.auth, id, linkId, deps(c)), 200);
    },
  );
