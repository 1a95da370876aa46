import { eq } from 'drizzle-orm';
import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import { d1Database, sessionDatabase } from '../../db/client';
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

/** What D1 bookmarks look like; anything else a client sends is ignored, not passed to D1. */
const BOOKMARK = /^[0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{32}$/;

/**
 * Reads may go to a read replica (D1's Sessions API). The client sends back
 * the newest bookmark it was given, so it always reads its own writes; a
 * request without one may read from any replica if it only reads, and starts
 * at the primary if it writes.
 */
function openSession(c: Context<AppEnv>) {
  const asked = c.req.header('X-D1-Bookmark');
  if (asked && BOOKMARK.test(asked)) return c.env.DB.withSession(asked);
  return c.env.DB.withSession(c.req.method === 'GET' ? 'first-unconstrained' : 'first-primary');
}

/**
 * Per request: a database handle (in a D1 session), a request id, and the audit log. After the
 * handler, queued audit events and the session's idle-clock refresh are
 * written in one batch: a signed-in read costs one read and one write round.
 */
export const requestContext = createMiddleware<AppEnv>(async (c, next) => {
  const session = openSession(c);
  const db = d1Database(sessionDatabase(c.env.DB, session));
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
  const bookmark = session.getBookmark();
  if (bookmark) c.header('X-D1-Bookmark', bookmark);
});
