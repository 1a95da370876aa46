/** @jsxImportSource hono/jsx */
/**
 * The public records link at /r/<token>: a recipient enters the one-time code
 * and downloads the records sent, or a provider uploads the records asked
 * for. The services (services/records/public-link.ts, public-upload.ts) log
 * and audit every step; this file turns posts into their inputs and outcomes
 * into pages.
 */
import { type Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { getCookie, setCookie } from 'hono/cookie';
import type { AppEnv } from '../../env';
import { AppError } from '../../lib/app-error';
import { clientIp } from '../../middleware/request-context';
import { deliverInBackground } from '../../services/email/deliver-in-background';
import { GRANT_COOKIE } from '../../services/records/link-secrets';
import {
  countLinkHit,
  downloadFile,
  enterCode,
  type Found,
  findLink,
  GRANT_MS,
  sendNewCode,
  viewLink,
} from '../../services/records/public-link';
import { MAX_UPLOAD_FILES, uploadThroughLink } from '../../services/records/public-upload';
import { formSecurity, isSameOriginPost } from '../intake-form/form-security';
import { CodePage, FilesPage, type LinkNotice, NoticePage, UploadPage } from './link-pages';

type Ctx = Context<AppEnv>;

const MAX_UPLOAD_POST_BYTES = MAX_UPLOAD_FILES * 25 * 1024 * 1024 + 64 * 1024;

const notice = (c: Ctx, kind: LinkNotice, status: number) =>
  c.html(<NoticePage notice={kind} nonce={c.get('secureHeadersNonce')} />, status as 200);

const visitor = (c: Ctx) => ({
  ip: clientIp(c.req.raw.headers),
  userAgent: c.req.header('User-Agent') ?? null,
});
const pathOf = (c: Ctx) => `/r/${c.req.param('token')}`;

/** Counts the hit, then finds the link; null answers the unknown page. */
async function open(c: Ctx): Promise<Found | null> {
  const token = c.req.param('token') ?? '';
  await countLinkHit(c.var.db, token, clientIp(c.req.raw.headers));
  const found = await findLink(c.var.db, token);
  if (found) c.var.audit.actor = { organizationId: found.link.organizationId, userId: null };
  return found;
}

const page = (c: Ctx, found: Found) => ({
  nonce: c.get('secureHeadersNonce'),
  path: pathOf(c),
  practice: found.organizationName,
});

export const recordsLinkPages = new Hono<AppEnv>();
recordsLinkPages.use('*', formSecurity);

recordsLinkPages.onError((err, c) => {
  if (err instanceof AppError && err.code === 'rate_limited') {
    for (const [k, v] of Object.entries(err.headers ?? {})) c.header(k, v);
    return notice(c, 'rate_limited', 429);
  }
  console.error(
    JSON.stringify({ level: 'error', requestId: c.var.requestId, name: err.name, message: err.message }),
  );
  return notice(c, 'error', 500);
});

recordsLinkPages.get('/:token', async (c) => {
  const found = await open(c);
  if (!found) return notice(c, 'unknown', 404);
  const view = await viewLink(found, c.var.audit, visitor(c), getCookie(c, GRANT_COOKIE));
  if (view.state === 'revoked') return notice(c, 'unknown', 404);
  if (view.state !== 'active') return notice(c, view.state, 410);
  if (view.purpose === 'upload') return c.html(<UploadPage {...page(c, found)} />);
  if (view.purpose === 'code') return c.html(<CodePage {...page(c, found)} />);
  return c.html(<FilesPage {...page(c, found)} files={view.files} downloadsLeft={view.downloadsLeft} />);
});

recordsLinkPages.post('/:token/code', async (c) => {
  if (!isSameOriginPost(c)) return notice(c, 'refused', 403);
  const found = await open(c);
  if (!found) return notice(c, 'unknown', 404);
  const body = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>);
  const code = typeof body.code === 'string' ? body.code.slice(0, 40) : '';
  const result = await enterCode(found, c.var.audit, visitor(c), code);
  if (result.outcome === 'closed') return c.redirect(pathOf(c), 303);
  if (result.outcome === 'accepted') {
    setCookie(c, GRANT_COOKIE, result.grant, {
      path: pathOf(c),
      httpOnly: true,
      secure: new URL(c.req.url).protocol === 'https:',
      sameSite: 'Strict',
      maxAge: GRANT_MS / 1000,
    });
    return c.redirect(pathOf(c), 303);
  }
  const error =
    result.outcome === 'refused'
      ? 'That code is not right. Check the email and try again.'
      : 'This code no longer works. Ask for a new code below.';
  return c.html(<CodePage {...page(c, found)} error={error} />, 400);
});

recordsLinkPages.post('/:token/new-code', async (c) => {
  if (!isSameOriginPost(c)) return notice(c, 'refused', 403);
  const found = await open(c);
  if (!found) return notice(c, 'unknown', 404);
  const emailId = await sendNewCode(found, c.var.audit, visitor(c));
  if (!emailId) return c.redirect(pathOf(c), 303);
  deliverInBackground(c, [emailId]);
  return c.html(<CodePage {...page(c, found)} message="A new code is on its way to your email." />);
});

recordsLinkPages.get('/:token/files/:fileId', async (c) => {
  const found = await open(c);
  if (!found) return notice(c, 'unknown', 404);
  const result = await downloadFile(found, c.var.audit, c.env.FILES, visitor(c), {
    fileId: c.req.param('fileId'),
    grant: getCookie(c, GRANT_COOKIE),
  });
  if (result.outcome === 'code') return c.redirect(pathOf(c), 303);
  if (result.outcome === 'missing') return notice(c, 'unknown', 404);
  if (result.outcome === 'closed') return notice(c, 'used_up', 410);
  return c.body(result.body, 200, {
    'Content-Type': result.file.contentType,
    'Content-Length': String(result.file.sizeBytes),
    'Content-Disposition': `attachment; filename="${result.file.fileName}"`,
    'X-Content-Type-Options': 'nosniff',
  });
});

recordsLinkPages.post(
  '/:token/upload',
  bodyLimit({ maxSize: MAX_UPLOAD_POST_BYTES, onError: (c) => notice(c as Ctx, 'error', 413) }),
  async (c) => {
    if (!isSameOriginPost(c)) return notice(c, 'refused', 403);
    const found = await open(c);
    if (!found) return notice(c, 'unknown', 404);
    const body = await c.req.parseBody({ all: true }).catch(() => ({}) as Record<string, unknown>);
    const files = [body.files ?? []].flat().filter((f): f is File => f instanceof File && f.size > 0);
    try {
      const result = await uploadThroughLink(found, c.var.audit, c.env.FILES, visitor(c), files);
      if (result.outcome === 'closed') return c.redirect(pathOf(c), 303);
      return notice(c, 'uploaded', 200);
    } catch (e) {
      if (!(e instanceof AppError) || e.status >= 500) throw e;
      return c.html(<UploadPage {...page(c, found)} error={e.message} />, e.status as 400);
    }
  },
);
