import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { idSchema } from '../../shared/schemas/common';
import { patientMessagesSchema } from '../../shared/schemas/patients';
import { commonErrors, json, newRouter, notFoundError } from '../lib/openapi';
import { requireAuth } from '../middleware/require-auth';
import { requirePermission } from '../middleware/require-permission';
import { listPatientMessages } from '../services/patients/patient-messages';

/** What a patient sent the practice (texts from their own number); mounted under /patients. */
export const patientMessageRoutes = newRouter(requireAuth).openapi(
  createRoute({
    method: 'get',
    path: '/{id}/messages',
    tags: ['patients'],
    summary: 'Texts the patient sent from their own number, newest first',
    middleware: [requirePermission('patients:view')] as const,
    request: { params: z.object({ id: idSchema }) },
    responses: { 200: json(patientMessagesSchema, 'The messages'), ...commonErrors, ...notFoundError },
  }),
  async (c) => c.json(await listPatientMessages(c.var.tenant, c.var.audit, c.req.valid('param').id), 200),
);
