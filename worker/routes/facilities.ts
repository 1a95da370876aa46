import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { pageOf } from '../../shared/schemas/common';
import {
  addressInputSchema,
  addressSchema,
  contractChangeSchema,
  contractHistorySchema,
  facilityCreateSchema,
  facilityDemandMonthsQuerySchema,
  facilityDemandMonthsSchema,
  facilityDemandQuerySchema,
  facilityDemandSchema,
  facilityIdParams,
  facilityListQuerySchema,
  facilitySchema,
  facilityUpdateSchema,
} from '../../shared/schemas/facilities';
import {
  outsideCategoryListSchema,
  outsideCategoryQuerySchema,
  removedOutsideCategorySchema,
  removeOutsideCategorySchema,
} from '../../shared/schemas/outside-categories';
import { commonErrors, conflictError, json, jsonBody, newRouter, notFoundError } from '../lib/openapi';
import { idempotent } from '../middleware/idempotency';
import { requireAuth } from '../middleware/require-auth';
import { requirePermission } from '../middleware/require-permission';
import { addressVerifierFor } from '../services/address/verifier-for';
import { deliverInBackground } from '../services/email/deliver-in-background';
import { changeContractStatus, contractHistory } from '../services/facilities/contract-status';
import { createFacility } from '../services/facilities/create-facility';
import { listOutsideCategories, removeOutsideCategories } from '../services/facilities/outside-categories';
import {
  readFacility,
  readFacilityDemand,
  readFacilityDemandMonths,
  readFacilityPage,
} from '../services/facilities/read-facilities';
import { resendAdministratorInvitation, updateFacility } from '../services/facilities/update-facility';
import { verifyAddress } from '../services/facilities/verify-address';

const unavailable = {
  503: json(
    z.object({ error: z.object({ code: z.string(), message: z.string() }) }),
    'Address verification unavailable',
  ),
};

export const facilityRoutes = newRouter(requireAuth)
  .openapi(
    createRoute({
      method: 'get',
      path: '/',
      tags: ['facilities'],
      summary: 'Facilities: search by name, filter by contract status or feature, sort, cursor pages',
      middleware: [requirePermission('facilities:view')] as const,
      request: { query: facilityListQuerySchema },
      responses: { 200: json(pageOf(facilitySchema), 'A page of facilities'), ...commonErrors },
    }),
    async (c) =>
      c.json(await readFacilityPage(c.var.tenant, c.var.audit, c.var.auth, c.req.valid('query')), 200),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/demand',
      tags: ['facilities'],
      summary: 'Demand per facility, service category and service, with next cycle dates',
      middleware: [requirePermission('facility:demand')] as const,
      request: { query: facilityDemandQuerySchema },
      responses: { 200: json(facilityDemandSchema, 'Demand'), ...commonErrors, ...notFoundError },
    }),
    async (c) =>
      c.json(await readFacilityDemand(c.var.tenant, c.var.audit, c.var.auth, c.req.valid('query')), 200),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/demand/months',
      tags: ['facilities'],
      summary: 'Demand month by month: patients served and their services, overall and per category',
      middleware: [requirePermission('facility:demand')] as const,
      request: { query: facilityDemandMonthsQuerySchema },
      responses: {
        200: json(facilityDemandMonthsSchema, 'Demand by month'),
        ...commonErrors,
        ...notFoundError,
      },
    }),
    async (c) => c.json(await readFacilityDemandMonths(c.var.tenant, c.var.audit, c.req.valid('query')), 200),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/demand/outside-categories',
      tags: ['facilities'],
      summary:
        "Services chosen for patients outside their facility's categories (made before the rule): not counted as demand",
      middleware: [requirePermission('facility:demand')] as const,
      request: { query: outsideCategoryQuerySchema },
      responses: {
        200: json(outsideCategoryListSchema, 'Selections outside the categories'),
        ...commonErrors,
      },
    }),
    async (c) => c.json(await listOutsideCategories(c.var.tenant, c.var.audit, c.req.valid('query')), 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/demand/outside-categories/remove',
      tags: ['facilities'],
      summary:
        "Removes chosen services that are outside their patient's facility's categories; a retry removes nothing more",
      middleware: [requirePermission('facility:demand'), requirePermission('patients:edit')] as const,
      request: jsonBody(removeOutsideCategorySchema),
      responses: { 200: json(removedOutsideCategorySchema, 'How many were removed'), ...commonErrors },
    }),
    async (c) => c.json(await removeOutsideCategories(c.var.tenant, c.var.audit, c.req.valid('json')), 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/verify-address',
      tags: ['facilities'],
      summary: 'Check and normalise an address before saving it (the same check saving runs)',
      middleware: [requirePermission('facilities:edit')] as const,
      request: jsonBody(addressInputSchema),
      responses: {
        200: json(addressSchema, 'The verified, normalised address'),
        ...commonErrors,
        ...unavailable,
      },
    }),
    async (c) => c.json(await verifyAddress(addressVerifierFor(c.env), c.req.valid('json')), 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/',
      tags: ['facilities'],
      summary: 'Create a facility; an administrator given here is invited (or attached if already a member)',
      middleware: [requirePermission('facilities:full'), idempotent] as const,
      request: jsonBody(facilityCreateSchema),
      responses: { 201: json(facilitySchema, 'Created'), ...commonErrors, ...conflictError, ...unavailable },
    }),
    async (c) => {
      const { facility, messageId } = await createFacility(
        c.var.tenant,
        c.var.audit,
        c.var.auth,
        c.req.valid('json'),
        {
          verifier: addressVerifierFor(c.env),
          baseUrl: c.env.PUBLIC_BASE_URL,
        },
      );
      if (messageId) deliverInBackground(c, [messageId]);
      return c.json(facility, 201);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/{id}',
      tags: ['facilities'],
      summary: 'One facility',
      middleware: [requirePermission('facilities:view')] as const,
      request: { params: facilityIdParams },
      responses: { 200: json(facilitySchema, 'The facility'), ...commonErrors, ...notFoundError },
    }),
    async (c) =>
      c.json(await readFacility(c.var.tenant, c.var.audit, c.var.auth, c.req.valid('param').id), 200),
  )
  .openapi(
    createRoute({
      method: 'patch',
      path: '/{id}',
      tags: ['facilities'],
      summary: 'Change a facility (only the fields sent); a new administrator email re-invites',
      middleware: [requirePermission('facilities:edit')] as const,
      request: { params: facilityIdParams, ...jsonBody(facilityUpdateSchema) },
      responses: {
        200: json(facilitySchema, 'The facility'),
        ...commonErrors,
        ...notFoundError,
        ...conflictError,
        ...unavailable,
      },
    }),
    async (c) => {
      const { facility, messageId } = await updateFacility(
        c.var.tenant,
        c.var.audit,
        c.var.auth,
        c.req.valid('param').id,
        c.req.valid('json'),
        { verifier: addressVerifierFor(c.env), baseUrl: c.env.PUBLIC_BASE_URL },
      );
      if (messageId) deliverInBackground(c, [messageId]);
      return c.json(facility, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/{id}/administrator/resend',
      tags: ['facilities'],
      summary: "Send the administrator's invitation again with a fresh link",
      middleware: [requirePermission('facilities:full')] as const,
      request: { params: facilityIdParams },
      responses: {
        200: json(facilitySchema, 'The facility'),
        ...commonErrors,
        ...notFoundError,
        ...conflictError,
      },
    }),
    async (c) => {
      const { facility, messageId } = await resendAdministratorInvitation(
        c.var.tenant,
        c.var.audit,
        c.var.auth,
        c.req.valid('param').id,
        c.env.PUBLIC_BASE_URL,
      );
      if (messageId) deliverInBackground(c, [messageId]);
      return c.json(facility, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/{id}/contract',
      tags: ['facilities'],
      summary: 'Change the contract status (allowed transitions only), with a note',
      middleware: [requirePermission('facilities:full')] as const,
      request: { params: facilityIdParams, ...jsonBody(contractChangeSchema) },
      responses: {
        200: json(facilitySchema, 'The facility'),
        ...commonErrors,
        ...notFoundError,
        ...conflictError,
      },
    }),
    async (c) =>
      c.json(
        await changeContractStatus(
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
      method: 'get',
      path: '/{id}/contract-history',
      tags: ['facilities'],
      summary: 'Every contract status change: who, when, from, to, note',
      middleware: [requirePermission('facilities:full')] as const,
      request: { params: facilityIdParams },
      responses: {
        200: json(contractHistorySchema, 'History, oldest first'),
        ...commonErrors,
        ...notFoundError,
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const items = await contractHistory(c.var.tenant, c.var.auth, id);
      c.var.audit.record({ action: 'read', entityType: 'facility_contract_history', entityId: id });
      return c.json({ items }, 200);
    },
  );
