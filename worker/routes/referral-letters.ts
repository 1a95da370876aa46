import { createRoute } from '@hono/zod-openapi';
import { pageOf } from '../../shared/schemas/common';
import {
  letterDetailSchema,
  letterListQuerySchema,
  letterSchema,
  letterSendSchema,
} from '../../shared/schemas/referral-letters';
import { idParams } from '../../shared/schemas/referrals';
import { commonErrors, conflictError, json, jsonBody, newRouter, notFoundError } from '../lib/openapi';
import { requireAuth } from '../middleware/require-auth';
import { requirePermission } from '../middleware/require-permission';
import { deliverInBackground } from '../services/email/deliver-in-background';
import { listLetters } from '../services/referral-letters/letter-list';
import { downloadLetterPdf, readLetter, sendLetter } from '../services/referral-letters/letters';

/**
 * Letters to referring providers, queued by the referral's events: the queue
 * and a provider's or referral's letters (every role that sees referrals),
 * the PDF and sending (`referral:send_letters`, every one audited).
 */
export const referralLetterRoutes = newRouter(requireAuth)
  .openapi(
    createRoute({
      method: 'get',
      path: '/',
      tags: ['referrals'],
      summary: 'Letters newest first: the queue (status=queued), or a provider’s or referral’s letters',
      middleware: [requirePermission('referrals:view')] as const,
      request: { query: letterListQuerySchema },
      responses: { 200: json(pageOf(letterSchema), 'A page of letters'), ...commonErrors },
    }),
    async (c) => c.json(await listLetters(c.var.tenant, c.var.audit, c.req.valid('query')), 200),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/{id}',
      tags: ['referrals'],
      summary: 'One letter with its text: as sent, or as it would go out today',
      middleware: [requirePermission('referrals:view')] as const,
      request: { params: idParams },
      responses: { 200: json(letterDetailSchema, 'The letter'), ...commonErrors, ...notFoundError },
    }),
    async (c) => c.json(await readLetter(c.var.tenant, c.var.audit, c.req.valid('param').id), 200),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/{id}/pdf',
      tags: ['referrals'],
      summary: 'The letter as a PDF on the practice letterhead, for fax or mail (audited as an export)',
      middleware: [requirePermission('referral:send_letters')] as const,
      request: { params: idParams },
      responses: { 200: { description: 'The PDF' }, ...commonErrors, ...notFoundError },
    }),
    async (c) => {
      const pdf = await downloadLetterPdf(c.var.tenant, c.var.audit, c.req.valid('param').id);
      return c.body(pdf.bytes, 200, {
        'Content-Type': 'application/pdf',
        'Content-Length': String(pdf.bytes.byteLength),
        'Content-Disposition': `attachment; filename="${pdf.fileName}"`,
        'X-Content-Type-Options': 'nosniff',
        'Cache-Control': 'private, no-store',
      });
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/{id}/send',
      tags: ['referrals'],
      summary: 'Send a queued letter: by email with the PDF attached, or record it went out by fax or mail',
      middleware: [requirePermission('referral:send_letters')] as const,
      request: { params: idParams, ...jsonBody(letterSendSchema) },
      responses: {
        200: json(letterDetailSchema, 'The sent letter'),
        ...commonErrors,
        ...notFoundError,
        ...conflictError,
      },
    }),
    async (c) => {
      const { letter, outboxId } = await sendLetter(
        c.var.tenant,
        c.var.audit,
        c.var.auth,
        c.req.valid('param').id,
        c.req.valid('json').via,
      );
      if (outboxId) deliverInBackground(c, [outboxId]);
      return c.json(letter, 200);
    },
  );
