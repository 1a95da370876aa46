import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { appointmentListSchema, appointmentSchema, consultationBookSchema } from '../../shared/schemas/cases';
import { idSchema } from '../../shared/schemas/common';
import { commonErrors, conflictError, json, jsonBody, newRouter, notFoundError } from '../lib/openapi';
import { requireAuth } from '../middleware/require-auth';
import { requirePermission } from '../middleware/require-permission';
import {
  bookConsultation,
  cancelConsultation,
  listConsultations,
} from '../services/leads/lead-consultations';

const params = z.object({ id: idSchema });
const appointmentParams = z.object({ id: idSchema, appointmentId: idSchema });

/** A lead's consultations, booked from the lead's page; mounted at /leads next to the leads. */
export const leadConsultationRoutes = newRouter(requireAuth)
  .openapi(
    createRoute({
      method: 'get',
      path: '/{id}/consultations',
      tags: ['leads'],
      summary: "The lead's appointments (consultations), latest first",
      middleware: [requirePermission('leads:view')] as const,
      request: { params },
      responses: { 200: json(appointmentListSchema, 'Appointments'), ...commonErrors, ...notFoundError },
    }),
    async (c) => c.json(await listConsultations(c.var.tenant, c.var.audit, c.req.valid('param').id), 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/{id}/consultations',
      tags: ['leads'],
      summary: "Book the lead's consultation at a location; it shows on the lead's timeline",
      middleware: [requirePermission('leads:edit')] as const,
      request: { params, ...jsonBody(consultationBookSchema) },
      responses: {
        201: json(appointmentSchema, 'Booked'),
        ...commonErrors,
        ...notFoundError,
        ...conflictError,
      },
    }),
    async (c) =>
      c.json(
        await bookConsultation(
          c.var.tenant,
          c.var.audit,
          c.var.auth,
          c.req.valid('param').id,
          c.req.valid('json'),
        ),
        201,
      ),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/{id}/consultations/{appointmentId}/cancel',
      tags: ['leads'],
      summary: "Cancel a booked consultation; the cancellation shows on the lead's timeline",
      middleware: [requirePermission('leads:edit')] as const,
      request: { params: appointmentParams },
      responses: {
        200: json(appointmentSchema, 'Cancelled'),
        ...commonErrors,
        ...notFoundError,
        ...conflictError,
      },
    }),
    async (c) => {
      const { id, appointmentId } = c.req.valid('param');
      return c.json(await cancelConsultation(c.var.tenant, c.var.audit, c.var.auth, id, appointmentId), 200);
    },
  );
