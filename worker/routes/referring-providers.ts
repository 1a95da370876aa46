import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { pageOf } from '../../shared/schemas/common';
import {
  idParams,
  practiceListQuerySchema,
  practiceSchema,
  providerCandidateSchema,
  providerCreateSchema,
  providerListItemSchema,
  providerListQuerySchema,
  providerMatchSchema,
  providerMergeSchema,
  providerSchema,
  providerUpdateSchema,
  referrerLookupResultSchema,
  referrerLookupSchema,
} from '../../shared/schemas/referrals';
import { commonErrors, conflictError, json, jsonBody, newRouter, notFoundError } from '../lib/openapi';
import { idempotent } from '../middleware/idempotency';
import { requireAuth } from '../middleware/require-auth';
import { requirePermission } from '../middleware/require-permission';
import { addressVerifierFor } from '../services/address/verifier-for';
import { listProviders } from '../services/referrals/list-providers';
import { listPractices } from '../services/referrals/practices';
import {
  createProvider,
  findProviderMatches,
  mergeProviders,
  readProvider,
  updateProvider,
} from '../services/referrals/providers';
import { lookUpReferrer } from '../services/referrals/referrer-lookup';

const unavailable = {
  503: json(
    z.object({ error: z.object({ code: z.string(), message: z.string() }) }),
    'Address verification unavailable',
  ),
};

export const referringProviderRoutes = newRouter(requireAuth)
  .openapi(
    createRoute({
      method: 'get',
      path: '/',
      tags: ['referrals'],
      summary:
        'The directory in name order: search by the start of a name, practice or city; counts per provider',
      middleware: [requirePermission('referrals:view')] as const,
      request: { query: providerListQuerySchema },
      responses: { 200: json(pageOf(providerListItemSchema), 'A page of providers'), ...commonErrors },
    }),
    async (c) => c.json(await listProviders(c.var.tenant, c.var.audit, c.req.valid('query')), 200),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/practices',
      tags: ['referrals'],
      summary: 'Practices whose name starts with the search, to add a provider to one',
      middleware: [requirePermission('referrals:view')] as const,
      request: { query: practiceListQuerySchema },
      responses: { 200: json(z.object({ items: z.array(practiceSchema) }), 'Practices'), ...commonErrors },
    }),
    async (c) => {
      const page = await listPractices(c.var.tenant, c.req.valid('query'));
      c.var.audit.record({
        action: 'list',
        entityType: 'referral_practice',
        detail: { count: page.items.length },
      });
      return c.json(page, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/duplicates',
      tags: ['referrals'],
      summary: 'Likely duplicates before saving (NPI, email, or name at the same practice)',
      middleware: [requirePermission('referrals:view')] as const,
      request: jsonBody(providerMatchSchema),
      responses: {
        200: json(z.object({ items: z.array(providerCandidateSchema) }), 'Candidates'),
        ...commonErrors,
      },
    }),
    async (c) => {
      const items = await findProviderMatches(c.var.tenant, c.req.valid('json'));
      c.var.audit.record({
        action: 'read',
        entityType: 'referring_provider_match',
        detail: { matches: items.map((m) => m.id) },
      });
      return c.json({ items }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/lookup',
      tags: ['referrals'],
      summary:
        'The directory entries a referrer named in a capture could be (name and practice, spelling slips allowed), best first',
      middleware: [requirePermission('referrals:view')] as const,
      request: jsonBody(referrerLookupSchema),
      responses: { 200: json(referrerLookupResultSchema, 'Entries that fit'), ...commonErrors },
    }),
    async (c) => {
      const result = await lookUpReferrer(c.var.tenant, c.req.valid('json'));
      c.var.audit.record({
        action: 'read',
        entityType: 'referring_provider_match',
        detail: { matches: result.items.map((m) => m.id) },
      });
      return c.json(result, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/',
      tags: ['referrals'],
      summary: 'Add a provider (and a new practice); likely duplicates answer 409 naming them',
      middleware: [requirePermission('referral:manage_providers'), idempotent] as const,
      request: jsonBody(providerCreateSchema),
      responses: { 201: json(providerSchema, 'Created'), ...commonErrors, ...conflictError, ...unavailable },
    }),
    async (c) =>
      c.json(
        await createProvider(
          c.var.tenant,
          c.var.audit,
          c.var.auth,
          c.req.valid('json'),
          addressVerifierFor(c.env),
        ),
        201,
      ),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/{id}',
      tags: ['referrals'],
      summary: 'One provider with the practice',
      middleware: [requirePermission('referrals:view')] as const,
      request: { params: idParams },
      responses: { 200: json(providerSchema, 'The provider'), ...commonErrors, ...notFoundError },
    }),
    async (c) => c.json(await readProvider(c.var.tenant, c.var.audit, c.req.valid('param').id), 200),
  )
  .openapi(
    createRoute({
      method: 'patch',
      path: '/{id}',
      tags: ['referrals'],
      summary: 'Change a provider (only the fields sent); retire with active false',
      middleware: [requirePermission('referral:manage_providers')] as const,
      request: { params: idParams, ...jsonBody(providerUpdateSchema) },
      responses: {
        200: json(providerSchema, 'The provider'),
        ...commonErrors,
        ...notFoundError,
        ...conflictError,
      },
    }),
    async (c) =>
      c.json(
        await updateProvider(c.var.tenant, c.var.audit, c.req.valid('param').id, c.req.valid('json')),
        200,
      ),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/{id}/merge',
      tags: ['referrals'],
      summary: 'Merge a duplicate entry into this one; its referrals move here',
      middleware: [requirePermission('referral:manage_providers')] as const,
      request: { params: idParams, ...jsonBody(providerMergeSchema) },
      responses: {
        200: json(providerSchema, 'The provider kept'),
        ...commonErrors,
        ...notFoundError,
        ...conflictError,
      },
    }),
    async (c) =>
      c.json(
        await mergeProviders(
          c.var.tenant,
          c.var.audit,
          c.req.valid('param').id,
          c.req.valid('json').duplicateId,
        ),
        200,
      ),
  );
