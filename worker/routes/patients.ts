import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { idSchema, pageOf } from '../../shared/schemas/common';
import {
  bulkServiceSelectionSchema,
  patientCreateSchema,
  patientListQuerySchema,
  patientSchema,
  patientUpdateSchema,
  serviceSelectionResultSchema,
  serviceSelectionSchema,
} from '../../shared/schemas/patients';
import { commonErrors, conflictError, json, jsonBody, newRouter, notFoundError } from '../lib/openapi';
import { idempotent } from '../middleware/idempotency';
import { requireAuth } from '../middleware/require-auth';
import { requirePermission } from '../middleware/require-permission';
import { getVisiblePatientRow } from '../services/patients/patient-access';
import { patientView } from '../services/patients/patient-view';
import { createPatient, listPatients, updatePatient } from '../services/patients/patients';
import { selectServices } from '../services/patients/service-catalog';

const params = z.object({ id: idSchema });
export const patientRoutes = newRouter(requireAuth)
  .openapi(
    createRoute({
      method: 'get',
      path: '/',
      tags: ['patients'],
      summary: 'Patients, by facility, searched by name or MRN, alphabetical, in cursor pages',
      middleware: [requirePermission('patients:view')] as const,
      request: { query: patientListQuerySchema },
      responses: {
        200: json(pageOf(patientSchema), 'A page of patients'),
        ...commonErrors,
        ...notFoundError,
      },
    }),
    async (c) => c.json(await listPatients(c.var.tenant, c.var.audit, c.var.auth, c.req.valid('query')), 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/',
      tags: ['patients'],
      summary:
        'Add one patient; a likely duplicate answers 409 with the existing id unless confirmDuplicate is true',
      middleware: [requirePermission('patients:edit'), idempotent] as const,
      request: jsonBody(patientCreateSchema),
      responses: { 201: json(patientSchema, 'Added'), ...commonErrors, ...notFoundError, ...conflictError },
    }),
    async (c) => c.json(await createPatient(c.var.tenant, c.var.audit, c.var.auth, c.req.valid('json')), 201),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/services/bulk',
      tags: ['patients'],
      summary: 'Apply one service selection to many patients at once',
      middleware: [requirePermission('patients:edit')] as const,
      request: jsonBody(bulkServiceSelectionSchema),
      responses: { 200: json(serviceSelectionResultSchema, 'Selected'), ...commonErrors, ...notFoundError },
    }),
    async (c) => {
      const { patientIds, ...selection } = c.req.valid('json');
      return c.json(await selectServices(c.var.tenant, c.var.audit, c.var.auth, patientIds, selection), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/{id}',
      tags: ['patients'],
      summary: 'One patient',
      middleware: [requirePermission('patients:view')] as const,
      request: { params },
      responses: { 200: json(patientSchema, 'The patient'), ...commonErrors, ...notFoundError },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const patient = await patientView(
        c.var.tenant,
        await getVisiblePatientRow(c.var.tenant, c.var.auth, id),
      );
      c.var.audit.record({ action: 'read', entityType: 'patient', entityId: id });
      return c.json(patient, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'patch',
      path: '/{id}',
      tags: ['patients'],
      summary: 'Change a patient (only the fields sent)',
      middleware: [requirePermission('patients:edit')] as const,
      request: { params, ...jsonBody(patientUpdateSchema) },
      responses: { 200: json(patientSchema, 'The patient'), ...commonErrors, ...notFoundError },
    }),
    async (c) =>
      c.json(
        await updatePatient(
          c.var.tenant,
          c.var.audit,
          c.var.auth,
          c.req.valid('param').id,
          c.req.valid('json'),
        ),
        200,
      ),
  )
  .openapi(
    createRoute({
      method: 'put',
      path: '/{id}/services',
      tags: ['patients'],
      summary: "Replace a patient's selected services, or select all healthcare services (the full package)",
      middleware: [requirePermission('patients:edit')] as const,
      request: { params, ...jsonBody(serviceSelectionSchema) },
      responses: { 200: json(patientSchema, 'The patient'), ...commonErrors, ...notFoundError },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      await selectServices(c.var.tenant, c.var.audit, c.var.auth, [id], c.req.valid('json'));
      return c.json(
        await patientView(c.var.tenant, await getVisiblePatientRow(c.var.tenant, c.var.auth, id)),
        200,
      );
    },
  );
