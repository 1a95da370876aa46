import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { pageOf } from '../../shared/schemas/common';
import {
  idParams,
  referralCreateSchema,
  referralListQuerySchema,
  referralSchema,
  referralUpdateSchema,
  referralWithLeadCreatedSchema,
  referralWithLeadSchema,
} from '../../shared/schemas/referrals';
import { commonErrors, json, jsonBody, newRouter, notFoundError } from '../lib/openapi';
import { idempotent } from '../middleware/idempotency';
import { requireAuth } from '../middleware/require-auth';
import { requirePermission } from '../middleware/require-permission';
import { readDocumentUpload } from '../services/facilities/read-document-upload';
import { downloadReferralSlip, uploadReferralSlip } from '../services/referrals/referral-slip';
import {
  createReferral,
  createReferralWithLead,
  listReferrals,
  readReferral,
  updateReferral,
} from '../services/referrals/referrals';

const fileErrors = {
  413: json(z.object({ error: z.object({ code: z.string(), message: z.string() }) }), 'Over 25 MB'),
  415: json(
    z.object({ error: z.object({ code: z.string(), message: z.string() }) }),
    'Not an accepted file type',
  ),
};

export const referralRoutes = newRouter(requireAuth)
  .openapi(
    createRoute({
      method: 'get',
      path: '/',
      tags: ['referrals'],
      summary: 'Referrals newest first, for a provider, a lead or all, in either direction',
      middleware: [requirePermission('referrals:view')] as const,
      request: { query: referralListQuerySchema },
      responses: { 200: json(pageOf(referralSchema), 'A page of referrals'), ...commonErrors },
    }),
    async (c) => c.json(await listReferrals(c.var.tenant, c.var.audit, c.req.valid('query')), 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/',
      tags: ['referrals'],
      summary: 'Record a referral: incoming from a referrer, or outgoing to a specialist',
      middleware: [requirePermission('referrals:edit'), idempotent] as const,
      request: jsonBody(referralCreateSchema),
      responses: { 201: json(referralSchema, 'Created'), ...commonErrors },
    }),
    async (c) =>
      c.json(await createReferral(c.var.tenant, c.var.audit, c.var.auth, c.req.valid('json')), 201),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/with-lead',
      tags: ['referrals'],
      summary: 'A referral and its new lead in one step (source "Referral", attributed to the referrer)',
      middleware: [
        requirePermission('referrals:edit'),
        requirePermission('lead:create'),
        idempotent,
      ] as const,
      request: jsonBody(referralWithLeadSchema),
      responses: { 201: json(referralWithLeadCreatedSchema, 'Created'), ...commonErrors },
    }),
    async (c) =>
      c.json(await createReferralWithLead(c.var.tenant, c.var.audit, c.var.auth, c.req.valid('json')), 201),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/{id}',
      tags: ['referrals'],
      summary: 'One referral',
      middleware: [requirePermission('referrals:view')] as const,
      request: { params: idParams },
      responses: { 200: json(referralSchema, 'The referral'), ...commonErrors, ...notFoundError },
    }),
    async (c) => c.json(await readReferral(c.var.tenant, c.var.audit, c.req.valid('param').id), 200),
  )
  .openapi(
    createRoute({
      method: 'patch',
      path: '/{id}',
      tags: ['referrals'],
      summary: "Change a referral (an outgoing one's status: sent, accepted, seen, report received)",
      middleware: [requirePermission('referrals:edit')] as const,
      request: { params: idParams, ...jsonBody(referralUpdateSchema) },
      responses: { 200: json(referralSchema, 'The referral'), ...commonErrors, ...notFoundError },
    }),
    async (c) =>
      c.json(
        await updateReferral(c.var.tenant, c.var.audit, c.req.valid('param').id, c.req.valid('json')),
        200,
      ),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/{id}/documents',
      tags: ['referrals'],
      summary:
        'Attach the referral slip (multipart/form-data: `file`); PDF, PNG, JPEG or Word, at most 25 MB',
      middleware: [requirePermission('referrals:edit')] as const,
      request: { params: idParams },
      responses: {
        200: json(referralSchema, 'The referral'),
        ...commonErrors,
        ...notFoundError,
        ...fileErrors,
      },
    }),
    async (c) => {
      const { file } = await readDocumentUpload(c.req);
      return c.json(
        await uploadReferralSlip(c.var.tenant, c.var.audit, c.env.FILES, c.req.valid('param').id, file),
        200,
      );
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/{id}/slip',
      tags: ['referrals'],
      summary: 'Download the referral slip (sent as an attachment)',
      middleware: [requirePermission('referrals:view')] as const,
      request: { params: idParams },
      responses: { 200: { description: 'The file' }, ...commonErrors, ...notFoundError },
    }),
    async (c) => {
      const { body, headers } = await downloadReferralSlip(
        c.var.tenant,
        c.var.audit,
        c.env.FILES,
        c.req.valid('param').id,
      );
      return c.body(body, 200, headers);
    },
  );
