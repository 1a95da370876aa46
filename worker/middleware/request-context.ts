import { eq } from 'drizzle-orm';
import { createMiddleware } from 'hono/factory';
import { d1Database } from '../../db/client';
import { sessions } from '../../db/schema';
import type { AppEnv } from '../env';
import { AuditLog } from '../lib/audit-log';
import { iso } from '../lib/time';

/**
 * Cloudflare sets CF-Connecting-IP on every request and overwrites any value a
 * client sends; X-Forwarded-For is client-controlled and never trusted here.
 */
export function clientIp(headers: Headers): string | null {
  return headers.get('CF-Connecting-IP');
}

/** A caller's X-Request-Id is kept when it is a plain token, so logs can be joined across systems. */
function requestIdFrom(header: string | undefined): string {
  return header && /^[A-Za-z0-9._-]{8,64}$/.test(header) ? header : crypto.randomUUID();
}

/**
 * Per request: a database handle, a request id, and the audit log. After the
 * handler, queued audit events and the session's idle-clock refresh are
 * written in one batch: a signed-in read costs one read and one write round.
 */
export const requestContext = createMiddleware<AppEnv>(async (c, next) => {
  const db = d1Database(c.env.DB);
  const requestId = requestIdFrom(c.req.header('X-Request-Id'));
  c.set('db', db);
  c.set('requestId', requestId);
  c.set(
    'audit',
    new AuditLog(db, {
      ip: clientIp(c.req.raw.headers),
      userAgent: c.req.header('User-Agent') ?? null,
      requestId,
    }),
  );
  await next();
  c.header('X-Request-Id', requestId);

  const writes = c.var.audit.drain();
  const touch = c.var.touchSessionId;
  const statements = [
    ...(touch ? [db.update(sessions).set({ lastSeenAt: iso() }).where(eq(sessions.id, touch))] : []),
    ...writes,
  ];
  if (statements.length) {
    const [first, ...rest] = statements;
    await db.batch([first!, ...rest]);
  }
});
