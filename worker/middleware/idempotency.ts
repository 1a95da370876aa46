import { and, eq, type SQL } from 'drizzle-orm';
import { createMiddleware } from 'hono/factory';
import { idempotencyKeys } from '../../db/schema';
import type { AppEnv } from '../env';
import { AppError } from '../lib/app-error';
import { sha256 } from '../lib/crypto';
import { iso } from '../lib/time';

/**
 * `Idempotency-Key` for creates and commits: the first successful answer is
 * kept per organisation, user and key, and a retry gets it back without the
 * handler running again. The same key with a different request is a conflict.
 */
export const idempotent = createMiddleware<AppEnv>(async (c, next) => {
  const key = c.req.header('Idempotency-Key');
  if (!key) return next();
  if (key.length > 200)
    throw new AppError('validation_failed', 'Idempotency-Key is longer than 200 characters');
  const { tenant, auth } = c.var;
  // The body's bytes, not its text: a multipart file (an XLSX import) read as text would be mangled for the handler.
  const body = await sha256(
    String.fromCharCode(...new Uint8Array(await crypto.subtle.digest('SHA-256', await c.req.arrayBuffer()))),
  );
  const requestHash = await sha256(`${c.req.method} ${c.req.path}\n${body}`);
  const where = and(eq(idempotencyKeys.userId, auth.userId), eq(idempotencyKeys.key, key)) as SQL;
  // Claim the key first (status 0 = in progress): of two identical requests at once, one runs.
  const claimed = await tenant
    .insert(idempotencyKeys, {
      userId: auth.userId,
      key,
      requestHash,
      statusCode: 0,
      responseBody: '',
      createdAt: iso(),
    })
    .onConflictDoNothing()
    .returning({ key: idempotencyKeys.key });
  if (!claimed.length) {
    const [seen] = await tenant.select(idempotencyKeys, where).limit(1);
    if (seen && seen.requestHash !== requestHash) {
      throw new AppError('conflict', 'This Idempotency-Key was already used for a different request');
    }
    if (!seen || seen.statusCode === 0) {
      throw new AppError(
        'conflict',
        'A request with this Idempotency-Key is still being processed; retry in a moment',
        undefined,
        {
          'Retry-After': '1',
        },
      );
    }
    c.header('Idempotent-Replayed', 'true');
    return c.body(seen.responseBody, seen.statusCode as 200, { 'Content-Type': 'application/json' });
  }
  await next();
  if (c.res.status >= 200 && c.res.status < 300) {
    await tenant.update(
      idempotencyKeys,
      { statusCode: c.res.status, responseBody: await c.res.clone().text() },
      where,
    );
  } else {
    // A refused or failed request may be retried with the same key.
    await tenant.delete(idempotencyKeys, where);
  }
});
