import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { idSchema } from '../../shared/schemas/common';
import {
  siteMappingListQuerySchema,
  siteMappingLookupSchema,
  siteMappingQuerySchema,
  siteMappingSaveSchema,
  siteMappingSchema,
  taughtSiteListSchema,
} from '../../shared/schemas/site-mappings';
import { commonErrors, json, jsonBody, newRouter, noContent, notFoundError } from '../lib/openapi';
import { requireAuth } from '../middleware/require-auth';
import { requirePermission } from '../middleware/require-permission';
import {
  deleteSiteMapping,
  listTaughtSites,
  saveSiteMapping,
  siteMappingFor,
} from '../services/site-mappings/site-mappings';

const params = z.object({ id: idSchema });

/**
 * "Teach this site": where on a host's pages the name, birth date and record
 * numbers are, kept per organisation and host for the panel's page reader.
 * Read by everyone who sees patients, taught (listed, forgotten) by those who edit them.
 */
export const siteMappingRoutes = newRouter(requireAuth)
  .openapi(
    createRoute({
      method: 'get',
      path: '/taught',
      tags: ['site-mappings'],
      summary: "The organisation's taught sites by host: the values each reads, who taught it, when",
      middleware: [requirePermission('patients:edit')] as const,
      request: { query: siteMappingListQuerySchema },
      responses: { 200: json(taughtSiteListSchema, 'Taught sites'), ...commonErrors },
    }),
    async (c) => c.json(await listTaughtSites(c.var.tenant, c.req.valid('query')), 200),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/',
      tags: ['site-mappings'],
      summary: "The organisation's mapping for one host, or null",
      middleware: [requirePermission('patients:view')] as const,
      request: { query: siteMappingQuerySchema },
      responses: { 200: json(siteMappingLookupSchema, 'The mapping or null'), ...commonErrors },
    }),
    async (c) => c.json({ mapping: await siteMappingFor(c.var.tenant, c.req.valid('query').host) }, 200),
  )
  .openapi(
    createRoute({
      method: 'put',
      path: '/',
      tags: ['site-mappings'],
      summary: "Keep (or replace) the host's mapping",
      middleware: [requirePermission('patients:edit')] as const,
      request: jsonBody(siteMappingSaveSchema),
      responses: { 200: json(siteMappingSchema, 'The mapping kept'), ...commonErrors },
    }),
    async (c) =>
      c.json(await saveSiteMapping(c.var.tenant, c.var.audit, c.var.auth.userId, c.req.valid('json')), 200),
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/{id}',
      tags: ['site-mappings'],
      summary: "Forget a host's mapping",
      middleware: [requirePermission('patients:edit')] as const,
      request: { params },
      responses: { ...noContent, ...commonErrors, ...notFoundError },
    }),
    async (c) => {
      await deleteSiteMapping(c.var.tenant, c.var.audit, c.req.valid('param').id);
      return c.body(null, 204);
    },
  );
