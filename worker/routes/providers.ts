import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { idSchema } from '../../shared/schemas/common';
import {
  assignedSchema,
  assignmentHistorySchema,
  assignSchema,
  npiCheckSchema,
  pendingPoolSchema,
  providerCreateSchema,
  providerListSchema,
  providerSchema,
  providerUpdateSchema,
  retiredSchema,
  retirementPreviewSchema,
  retireSchema,
} from '../../shared/schemas/providers';
import {
  commonErrors,
  conflictError,
  json,
  jsonBody,
  newRouter,
  noContent,
  notFoundError,
} from '../lib/openapi';
import { idempotent } from '../middleware/idempotency';
import { requireAuth } from '../middleware/require-auth';
import { requirePermission } from '../middleware/require-permission';
import {
  assignmentHistory,
  assignPatients,
  pendingPool,
  unassignPatient,
} from '../services/providers/assignments';
import { checkNpi } from '../services/providers/check-npi';
import {
  reactivateProvider,
  retirementPreview,
  retireProvider,
  updateProvider,
} from '../services/providers/manage-provider';
import { createProvider, listProviders } from '../services/providers/providers';

const providerParams = z.object({ id: idSchema });

/** Providers (spec 000, step 6): staff with the provider role and outside clinicians. */
export const providerRoutes = newRouter(requireAuth)
  .openapi(
    createRoute({
      method: 'get',
      path: '/',
      tags: ['providers'],
      summary: 'Providers with their current load against capacity',
      middleware: [requirePermission('patients:view')] as const,
      responses: { 200: json(providerListSchema, 'Providers'), ...commonErrors },
    }),
    async (c) => c.json({ items: await listProviders(c.var.tenant) }, 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/',
      tags: ['providers'],
      summary: 'Add a provider (the NPI check digit is validated offline)',
      middleware: [requirePermission('patients:full'), idempotent] as const,
      request: jsonBody(providerCreateSchema),
      responses: { 201: json(providerSchema, 'Added'), ...commonErrors, ...conflictError },
    }),
    async (c) => c.json(await createProvider(c.var.tenant, c.var.audit, c.req.valid('json')), 201),
  )
  .openapi(
    createRoute({
      method: 'patch',
      path: '/{id}',
      tags: ['providers'],
      summary: 'Edit a provider (capacity cannot drop below their current patients)',
      middleware: [requirePermission('patients:full')] as const,
      request: { params: providerParams, ...jsonBody(providerUpdateSchema) },
      responses: { 200: json(providerSchema, 'Saved'), ...commonErrors, ...notFoundError, ...conflictError },
    }),
    async (c) =>
      c.json(
        await updateProvider(c.var.tenant, c.var.audit, c.req.valid('param').id, c.req.valid('json')),
        200,
      ),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/{id}/retirement',
      tags: ['providers'],
      summary: 'The patients retiring this provider would return to the pending pool',
      middleware: [requirePermission('patients:full')] as const,
      request: { params: providerParams },
      responses: {
        200: json(retirementPreviewSchema, 'Who returns to the pool'),
        ...commonErrors,
        ...notFoundError,
      },
    }),
    async (c) => c.json(await retirementPreview(c.var.tenant, c.var.audit, c.req.valid('param').id), 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/{id}/retire',
      tags: ['providers'],
      summary:
        'Retire a provider: their patients (exactly those confirmed) return to the pending pool, history kept',
      middleware: [requirePermission('patients:full')] as const,
      request: { params: providerParams, ...jsonBody(retireSchema) },
      responses: { 200: json(retiredSchema, 'Retired'), ...commonErrors, ...notFoundError, ...conflictError },
    }),
    async (c) => {
      const { tenant, audit, auth } = c.var;
      const result = await retireProvider(
        tenant,
        audit,
        auth,
        c.req.valid('param').id,
        c.req.valid('json').patientIds,
      );
      return c.json(result, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/{id}/reactivate',
      tags: ['providers'],
      summary: 'Reactivate a retired provider',
      middleware: [requirePermission('patients:full')] as const,
      request: { params: providerParams },
      responses: {
        200: json(providerSchema, 'Active again'),
        ...commonErrors,
        ...notFoundError,
        ...conflictError,
      },
    }),
    async (c) => c.json(await reactivateProvider(c.var.tenant, c.var.audit, c.req.valid('param').id), 200),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/npi/{npi}',
      tags: ['providers'],
      summary: "Check an NPI's check digit and look it up in the public NPPES registry",
      middleware: [requirePermission('patients:view')] as const,
      request: {
        params: z.object({ npi: z.string().regex(/^\d{10}$/, { message: 'An NPI has 10 digits' }) }),
      },
      responses: {
        200: json(npiCheckSchema, 'Check-digit result, and the registry details when it could be reached'),
        ...commonErrors,
      },
    }),
    async (c) => c.json(await checkNpi(c.req.valid('param').npi, c.env.NPPES_API_URL), 200),
  );

/** The pending pool and assignments (spec 000, step 6). */
export const assignmentRoutes = newRouter(requireAuth)
  .openapi(
    createRoute({
      method: 'get',
      path: '/pending',
      tags: ['assignments'],
      summary: 'Enrolled patients of a facility with no provider',
      middleware: [requirePermission('patients:view')] as const,
      request: { query: z.strictObject({ facilityId: idSchema }) },
      responses: {
        200: json(pendingPoolSchema, 'The pool'),
        ...commonErrors,
        ...notFoundError,
      },
    }),
    async (c) =>
      c.json(
        { items: await pendingPool(c.var.tenant, c.var.audit, c.var.auth, c.req.valid('query').facilityId) },
        200,
      ),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/',
      tags: ['assignments'],
      summary: 'Assign patients to providers, all or nothing (reassigning ends the current assignment)',
      middleware: [requirePermission('patients:full'), idempotent] as const,
      request: jsonBody(assignSchema),
      responses: {
        200: json(assignedSchema, 'Assigned'),
        ...commonErrors,
        ...notFoundError,
        ...conflictError,
      },
    }),
    async (c) =>
      c.json(
        await assignPatients(c.var.tenant, c.var.audit, c.var.auth, c.req.valid('json').assignments),
        200,
      ),
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/{patientId}',
      tags: ['assignments'],
      summary: "End a patient's current assignment (they return to the pending pool)",
      middleware: [requirePermission('patients:full')] as const,
      request: { params: z.object({ patientId: idSchema }) },
      responses: { ...noContent, ...commonErrors, ...notFoundError, ...conflictError },
    }),
    async (c) => {
      await unassignPatient(c.var.tenant, c.var.audit, c.var.auth, c.req.valid('param').patientId);
      return c.body(null, 204);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/history/{patientId}',
      tags: ['assignments'],
      summary: "A patient's assignment history: assigned, reassigned, unassigned, by whom",
      middleware: [requirePermission('patients:view')] as const,
      request: { params: z.object({ patientId: idSchema }) },
      responses: {
        200: json(assignmentHistorySchema, 'History'),
        ...commonErrors,
        ...notFoundError,
      },
    }),
    async (c) =>
      c.json(
        {
          items: await assignmentHistory(
            c.var.tenant,
            c.var.audit,
            c.var.auth,
            c.req.valid('param').patientId,
          ),
        },
        200,
      ),
  );
