import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { idSchema } from '../../shared/schemas/common';
import { documentListSchema, documentSchema } from '../../shared/schemas/facilities';
import { commonErrors, json, newRouter, noContent, notFoundError } from '../lib/openapi';
import { requireAuth } from '../middleware/require-auth';
import { requirePermission } from '../middleware/require-permission';
import {
  deleteFacilityDocument,
  downloadFacilityDocument,
  listFacilityDocuments,
  uploadFacilityDocument,
} from '../services/facilities/facility-documents';
import { readDocumentUpload } from '../services/facilities/read-document-upload';

const facilityParams = z.object({ id: idSchema });
const documentParams = z.object({ id: idSchema, documentId: idSchema });

/** Legal documents of a facility, stored in R2 (mounted under /facilities). */
export const facilityDocumentRoutes = newRouter(requireAuth)
  .openapi(
    createRoute({
      method: 'get',
      path: '/{id}/documents',
      tags: ['facility documents'],
      summary: "A facility's legal documents",
      middleware: [requirePermission('facility:documents')] as const,
      request: { params: facilityParams },
      responses: {
        200: json(documentListSchema, 'Documents, newest first'),
        ...commonErrors,
        ...notFoundError,
      },
    }),
    async (c) =>
      c.json(
        {
          items: await listFacilityDocuments(c.var.tenant, c.var.audit, c.var.auth, c.req.valid('param').id),
        },
        200,
      ),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/{id}/documents',
      tags: ['facility documents'],
      summary:
        'Upload a document (multipart/form-data: `file`, `kind`); PDF, PNG, JPEG or Word, at most 25 MB',
      middleware: [requirePermission('facilities:full')] as const,
      request: { params: facilityParams },
      responses: {
        201: json(documentSchema, 'Stored'),
        ...commonErrors,
        ...notFoundError,
        413: json(z.object({ error: z.object({ code: z.string(), message: z.string() }) }), 'Over 25 MB'),
        415: json(
          z.object({ error: z.object({ code: z.string(), message: z.string() }) }),
          'Not an accepted file type',
        ),
      },
    }),
    async (c) => {
      const upload = await readDocumentUpload(c.req);
      const doc = await uploadFacilityDocument(
        c.var.tenant,
        c.var.audit,
        c.var.auth,
        c.env.FILES,
        c.req.valid('param').id,
        upload,
      );
      return c.json(doc, 201);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/{id}/documents/{documentId}/download',
      tags: ['facility documents'],
      summary: 'Download a document (sent as an attachment)',
      middleware: [requirePermission('facility:documents')] as const,
      request: { params: documentParams },
      responses: { 200: { description: 'The file' }, ...commonErrors, ...notFoundError },
    }),
    async (c) => {
      const { id, documentId } = c.req.valid('param');
      const { row, body } = await downloadFacilityDocument(
        c.var.tenant,
        c.var.audit,
        c.var.auth,
        c.env.FILES,
        id,
        documentId,
      );
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
      method: 'delete',
      path: '/{id}/documents/{documentId}',
      tags: ['facility documents'],
      summary: 'Delete a document (the deletion is recorded)',
      middleware: [requirePermission('facilities:full')] as const,
      request: { params: documentParams },
      responses: { ...noContent, ...commonErrors, ...notFoundError },
    }),
    async (c) => {
      const { id, documentId } = c.req.valid('param');
      await deleteFacilityDocument(c.var.tenant, c.var.audit, c.var.auth, c.env.FILES, id, documentId);
      return c.body(null, 204);
    },
  );
