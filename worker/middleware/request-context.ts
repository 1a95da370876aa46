import { eq } from 'drizzle-orm';
import { createMiddleware } from 'hono/factory';
import { d1Database } from '../../db/client';
import { sessions } from '../../db/schema';
import type { AppEnv } from '../env';
import { AuditLog } from '../lib/audit-log';
import { iso } from '../lib/time';

export function clientIp(headers: Headers): string | null {
  return headers.get('CF-Connecting-IP') ?? headers.get('X-Forwarded-For')?.split(',')[0]?.trim() ?? null;
}

/**
 * Per request: a database handle, a request id, and the audit log. After the
 * handler, queued audit events and the session's idle-clock refresh are
 * written in one batch: a signed-in read costs one read and one write round.
 */
export const requestContext = createMiddleware<AppEnv>(async (c, next) => {
  const db = d1Database(c.env.DB);
  const requestId = c.req.header('X-Request-Id')?.slice(0, 64) || crypto.randomUUID();
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
