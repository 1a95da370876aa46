import { createRoute } from '@hono/zod-openapi';
import { createMiddleware } from 'hono/factory';
import { z } from 'zod';
import { errorEnvelopeSchema, okSchema } from '../../shared/schemas/common';
import type { AppEnv } from '../env';
import { AppError } from '../lib/app-error';
import { json, newRouter, notFoundError, rateLimitedError } from '../lib/openapi';
import { clientIp } from '../middleware/request-context';
import { inquiryThankYouPage } from '../pages/inquiry-thank-you-page';
import { findOpenLeadForm, isAllowedOrigin, submitWebFormLead } from '../services/leads/lead-form';
import { readInquiryBody } from '../services/leads/read-inquiry-body';

const params = z.object({ key: z.string() });

const forbiddenError = {
  403: json(errorEnvelopeSchema, 'The Origin is not an allowed website (`forbidden`)'),
};

const publicAnswerHeaders = createMiddleware<AppEnv>(async (c, next) => {
  // The answer depends on Origin, must never sit in a shared cache, and sends no referrer onwards.
  c.header('Vary', 'Origin');
  c.header('Cache-Control', 'no-store');
  c.header('X-Content-Type-Options', 'nosniff');
  c.header('Referrer-Policy', 'no-referrer');
  await next();
});

// Unknown, malformed and turned-off keys get this very answer: nothing tells them apart.
const formNotFound = () => new AppError('not_found', 'Not found');
const originRefused = () =>
  new AppError('forbidden', 'This website is not allowed to send inquiries to this practice');

/**
 * The practice website's own inquiry form posts here (spec 001, 8.1). There
 * is no sign-in: the unguessable key names the organisation, CORS admits only
 * the websites the practice listed, a honeypot catches form-filling bots, and
 * each address may post a few times per window. Answers carry no patient data.
 */
export const publicLeadRoutes = newRouter(publicAnswerHeaders)
  .openapi(
    createRoute({
      method: 'options',
      path: '/{key}',
      tags: ['public'],
      summary: "CORS preflight: allowed only from the practice's listed websites",
      security: [],
      request: { params },
      responses: {
        204: { description: 'Allowed: Access-Control-Allow-Origin names the requesting website' },
        ...forbiddenError,
        ...notFoundError,
      },
    }),
    async (c) => {
      const form = await findOpenLeadForm(c.var.db, c.req.valid('param').key);
      if (!form) throw formNotFound();
      const origin = c.req.header('Origin');
      // No CORS headers for anyone else: the browser then refuses to send the post.
      if (!origin || !isAllowedOrigin(form, origin)) throw originRefused();
      c.header('Access-Control-Allow-Origin', origin);
      c.header('Access-Control-Allow-Methods', 'POST');
      c.header('Access-Control-Allow-Headers', 'Content-Type');
      c.header('Access-Control-Max-Age', '600');
      return c.body(null, 204);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/{key}',
      tags: ['public'],
      summary: 'An inquiry from the practice website: creates a lead with the source "Web form"',
      description:
        'No sign-in. Body as `application/json` or `application/x-www-form-urlencoded` (16 KB at most): ' +
        '`firstName`, `lastName`, `email` and/or `phone`, optional `dateOfBirth` (YYYY-MM-DD) and `message`; ' +
        '`website` is a honeypot and must stay empty. A plain form may add `redirect`, a page on an allowed ' +
        'website to return to (303); without it the answer is a short thank-you page. At most 5 inquiries ' +
        'per 10 minutes from one address.',
      security: [],
      request: { params },
      responses: {
        202: json(okSchema, 'Received (JSON posts)'),
        200: { content: { 'text/html': { schema: z.string() } }, description: 'Thank-you page (form posts)' },
        303: { description: 'Back to the `redirect` page (form posts)' },
        400: json(errorEnvelopeSchema, 'Validation failed (`validation_failed`)'),
        ...forbiddenError,
        ...notFoundError,
        ...rateLimitedError,
      },
    }),
    async (c) => {
      const form = await findOpenLeadForm(c.var.db, c.req.valid('param').key);
      if (!form) throw formNotFound();
      // A post with no Origin (another server, an old browser's plain form) is allowed; a browser
      // always names the origin of a cross-site post, so a listed website is the only one that passes.
      const origin = c.req.header('Origin') ?? null;
      if (origin !== null) {
        if (!isAllowedOrigin(form, origin)) throw originRefused();
        // Set before anything can fail, so the website's script can read a 400 or 429 too.
        c.header('Access-Control-Allow-Origin', origin);
      }
      const isForm = /^application\/x-www-form-urlencoded\b/i.test(c.req.header('Content-Type') ?? '');
      const { redirect } = await submitWebFormLead(c.var.db, c.var.audit, form, {
        ip: clientIp(c.req.raw.headers),
        origin,
        referer: c.req.header('Referer') ?? null,
        body: await readInquiryBody(c.req, isForm),
      });
      if (!isForm) return c.json({ ok: true as const }, 202);
      if (redirect) return c.redirect(redirect, 303);
      return inquiryThankYouPage(c, form.organizationName);
    },
  );
