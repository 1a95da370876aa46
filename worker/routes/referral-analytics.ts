import { createRoute } from '@hono/zod-openapi';
import {
  practiceAnalyticsSchema,
  providerAnalyticsSchema,
  referralAnalyticsQuerySchema,
  referralOverviewSchema,
} from '../../shared/schemas/referral-analytics';
import { idParams } from '../../shared/schemas/referrals';
import { commonErrors, json, newRouter, notFoundError } from '../lib/openapi';
import { requireAuth } from '../middleware/require-auth';
import { requirePermission } from '../middleware/require-permission';
import {
  practiceAnalytics,
  providerAnalytics,
  referralOverview,
} from '../services/referrals/referral-analytics';

/** Referral analytics for a chosen period: the practice as a whole, one provider, one practice. */
export const referralAnalyticsRoutes = newRouter(requireAuth)
  .openapi(
    createRoute({
      method: 'get',
      path: '/',
      tags: ['referrals'],
      summary:
        'Referrals received, consultations, conversions, days between them, revenue and trend for a period, with top and cooling referrers',
      middleware: [requirePermission('referrals:view')] as const,
      request: { query: referralAnalyticsQuerySchema },
      responses: { 200: json(referralOverviewSchema, 'Analytics'), ...commonErrors },
    }),
    async (c) => c.json(await referralOverview(c.var.tenant, c.var.audit, c.req.valid('query')), 200),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/providers/{id}',
      tags: ['referrals'],
      summary: "One provider's figures for a period, with the relationship strength score and its reasons",
      middleware: [requirePermission('referrals:view')] as const,
      request: { params: idParams, query: referralAnalyticsQuerySchema },
      responses: {
        200: json(providerAnalyticsSchema, 'Analytics'),
        ...commonErrors,
        ...notFoundError,
      },
    }),
    async (c) =>
      c.json(
        await providerAnalytics(c.var.tenant, c.var.audit, c.req.valid('param').id, c.req.valid('query')),
        200,
      ),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/practices/{id}',
      tags: ['referrals'],
      summary: "A practice's figures for a period: its providers together, and each one's referrals",
      middleware: [requirePermission('referrals:view')] as const,
      request: { params: idParams, query: referralAnalyticsQuerySchema },
      responses: {
        200: json(practiceAnalyticsSchema, 'Analytics'),
        ...commonErrors,
        ...notFoundError,
      },
    }),
    async (c) =>
      c.json(
        await practiceAnalytics(c.var.tenant, c.var.audit, c.req.valid('param').id, c.req.valid('query')),
        200,
      ),
  );
