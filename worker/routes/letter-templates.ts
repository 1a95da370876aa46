import { createRoute } from '@hono/zod-openapi';
import {
  letterKindParams,
  letterPreviewInputSchema,
  letterPreviewSchema,
  letterSettingsSchema,
  letterSettingsUpdateSchema,
  letterTemplateInputSchema,
  letterTemplateListSchema,
  letterTemplateSchema,
} from '../../shared/schemas/referral-letters';
import { commonErrors, json, jsonBody, newRouter, notFoundError } from '../lib/openapi';
import { requireAuth } from '../middleware/require-auth';
import { requirePermission } from '../middleware/require-permission';
import { letterSettings, saveLetterSettings } from '../services/referral-letters/letter-settings';
import {
  listLetterTemplates,
  resetLetterTemplate,
  saveLetterTemplate,
} from '../services/referral-letters/letter-templates';
import { previewLetter } from '../services/referral-letters/letters';

/**
 * The organisation's letter templates (one per kind, the built-in text until
 * edited), the letterhead and report interval, and previews against a real
 * referral. Editing is an administrator's (`referrals:full`).
 */
export const letterTemplateRoutes = newRouter(requireAuth)
  .openapi(
    createRoute({
      method: 'get',
      path: '/',
      tags: ['referrals'],
      summary: 'Every letter kind with the text in use, and the merge fields a template may use',
      middleware: [requirePermission('referrals:view')] as const,
      responses: { 200: json(letterTemplateListSchema, 'Templates and fields'), ...commonErrors },
    }),
    async (c) => c.json(await listLetterTemplates(c.var.tenant), 200),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/settings',
      tags: ['referrals'],
      summary: 'Letterhead, signature block and months between progress reports',
      middleware: [requirePermission('referrals:view')] as const,
      responses: { 200: json(letterSettingsSchema, 'The settings'), ...commonErrors },
    }),
    async (c) => c.json(await letterSettings(c.var.tenant), 200),
  )
  .openapi(
    createRoute({
      method: 'patch',
      path: '/settings',
      tags: ['referrals'],
      summary: 'Change the letterhead, signature block or progress report interval',
      middleware: [requirePermission('referrals:full')] as const,
      request: jsonBody(letterSettingsUpdateSchema),
      responses: { 200: json(letterSettingsSchema, 'The settings'), ...commonErrors },
    }),
    async (c) => c.json(await saveLetterSettings(c.var.tenant, c.var.audit, c.req.valid('json')), 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/preview',
      tags: ['referrals'],
      summary: 'A template (saved, or the text given) rendered against one referral',
      middleware: [requirePermission('referrals:view')] as const,
      request: jsonBody(letterPreviewInputSchema),
      responses: { 200: json(letterPreviewSchema, 'The letter'), ...commonErrors, ...notFoundError },
    }),
    async (c) => c.json(await previewLetter(c.var.tenant, c.var.audit, c.req.valid('json')), 200),
  )
  .openapi(
    createRoute({
      method: 'put',
      path: '/{kind}',
      tags: ['referrals'],
      summary: 'The organisation’s text for a letter kind; unknown merge fields are refused',
      middleware: [requirePermission('referrals:full')] as const,
      request: { params: letterKindParams, ...jsonBody(letterTemplateInputSchema) },
      responses: { 200: json(letterTemplateSchema, 'The template'), ...commonErrors },
    }),
    async (c) =>
      c.json(
        await saveLetterTemplate(
          c.var.tenant,
          c.var.audit,
          c.var.auth.userId,
          c.req.valid('param').kind,
          c.req.valid('json'),
        ),
        200,
      ),
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/{kind}',
      tags: ['referrals'],
      summary: 'Back to the built-in text for a letter kind',
      middleware: [requirePermission('referrals:full')] as const,
      request: { params: letterKindParams },
      responses: { 200: json(letterTemplateSchema, 'The built-in template'), ...commonErrors },
    }),
    async (c) => c.json(await resetLetterTemplate(c.var.tenant, c.var.audit, c.req.valid('param').kind), 200),
  );
