import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { idSchema } from '../../shared/schemas/common';
import {
  facilityNoteCreateSchema,
  facilityNoteListQuerySchema,
  facilityNoteListSchema,
  facilityNoteSchema,
} from '../../shared/schemas/facility-notes';
import { commonErrors, json, jsonBody, newRouter, notFoundError } from '../lib/openapi';
import { idempotent } from '../middleware/idempotency';
import { requireAuth } from '../middleware/require-auth';
import { requirePermission } from '../middleware/require-permission';
import { addFacilityNote, listFacilityNotes } from '../services/facilities/facility-notes';

const params = z.object({ id: idSchema });

/**
 * Notes on a facility (mounted under /facilities): read by whoever sees the
 * facility, added by whoever edits it (a facility administrator on their own).
 */
export const facilityNoteRoutes = newRouter(requireAuth)
  .openapi(
    createRoute({
      method: 'get',
      path: '/{id}/notes',
      tags: ['facility notes'],
      summary: "A facility's notes, newest first",
      middleware: [requirePermission('facilities:view')] as const,
      request: { params, query: facilityNoteListQuerySchema },
      responses: { 200: json(facilityNoteListSchema, 'Notes'), ...commonErrors, ...notFoundError },
    }),
    async (c) =>
      c.json(
        await listFacilityNotes(c.var.tenant, c.var.audit, c.req.valid('param').id, c.req.valid('query')),
        200,
      ),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/{id}/notes',
      tags: ['facility notes'],
      summary: 'Add a note to a facility',
      middleware: [requirePermission('facilities:edit'), idempotent] as const,
      request: { params, ...jsonBody(facilityNoteCreateSchema) },
      responses: { 201: json(facilityNoteSchema, 'The note'), ...commonErrors, ...notFoundError },
    }),
    async (c) =>
      c.json(
        await addFacilityNote(
          c.var.tenant,
          c.var.audit,
          c.var.auth.userId,
          c.req.valid('param').id,
          c.req.valid('json'),
        ),
        201,
      ),
  );
