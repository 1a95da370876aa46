import { createRoute } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { leadFormConfigSchema, leadFormUpdateSchema } from '../../shared/schemas/lead-form';
import type { AppEnv } from '../env';
import { commonErrors, json, jsonBody, newRouter } from '../lib/openapi';
import { requireAuth } from '../middleware/require-auth';
import { requirePermission } from '../middleware/require-permission';
import { leadFormConfig, rotateLeadFormKey, updateLeadForm } from '../services/leads/lead-form';

/** The full endpoint is shown on the API's own host: the one the side panel is talking to. */
const baseUrl = (c: Context<AppEnv>) => new URL(c.req.url).origin;

/** The practice website's inquiry form (spec 001, 8.1): its public address and allowed websites. */
export const leadFormRoutes = newRouter(requireAuth)
  .openapi(
    createRoute({
      method: 'get',
      path: '/',
      tags: ['leads'],
      summary: "The website form's address, whether it is on, and the websites allowed to post",
      middleware: [requirePermission('leads:full')] as const,
      responses: { 200: json(leadFormConfigSchema, 'The form settings'), ...commonErrors },
    }),
    async (c) => c.json(await leadFormConfig(c.var.tenant, baseUrl(c)), 200),
  )
  .openapi(
    createRoute({
      method: 'patch',
      path: '/',
      tags: ['leads'],
      summary: 'Turn the website form on or off, or replace the websites allowed to post',
      middleware: [requirePermission('leads:full')] as const,
      request: jsonBody(leadFormUpdateSchema),
      responses: { 200: json(leadFormConfigSchema, 'The form settings'), ...commonErrors },
    }),
    async (c) =>
      c.json(
        await updateLeadForm(c.var.tenant, c.var.audit, c.var.auth.userId, c.req.valid('json'), baseUrl(c)),
        200,
      ),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/rotate-key',
      tags: ['leads'],
      summary: 'Give the form a new address; the old one stops working at once',
      middleware: [requirePermission('leads:full')] as const,
      responses: { 200: json(leadFormConfigSchema, 'The form settings'), ...commonErrors },
    }),
    async (c) =>
      c.json(await rotateLeadFormKey(c.var.tenant, c.var.audit, c.var.auth.userId, baseUrl(c)), 200),
  );
