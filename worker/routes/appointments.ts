import { createRoute } from '@hono/zod-openapi';
import {
  appointmentListQuerySchema,
  appointmentPageSchema,
  appointmentUpsertSchema,
  upsertResultSchema,
} from '../../shared/schemas/cases';
import { commonErrors, json, jsonBody, newRouter } from '../lib/openapi';
import { requireAuth } from '../middleware/require-auth';
import { requirePermission } from '../middleware/require-permission';
import { listAppointments, upsertAppointments } from '../services/cases/appointments';

/** Appointments synced from the booking system (permissions as for cases, `routes/cases.ts`). */
export const appointmentRoutes = newRouter(requireAuth)
  .openapi(
    createRoute({
      method: 'get',
      path: '/',
      tags: ['appointments'],
      summary: 'Appointments, latest start first',
      middleware: [requirePermission('patients:view')] as const,
      request: { query: appointmentListQuerySchema },
      responses: { 200: json(appointmentPageSchema, 'A page of appointments'), ...commonErrors },
    }),
    async (c) => c.json(await listAppointments(c.var.tenant, c.var.audit, c.req.valid('query')), 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/upsert',
      tags: ['appointments'],
      summary: 'Insert or update appointments by the booking system id (repeatable)',
      middleware: [requirePermission('automations:edit')] as const,
      request: jsonBody(appointmentUpsertSchema),
      responses: { 200: json(upsertResultSchema, 'Inserted and updated counts'), ...commonErrors },
    }),
    async (c) => c.json(await upsertAppointments(c.var.tenant, c.var.audit, c.req.valid('json').items), 200),
  );
