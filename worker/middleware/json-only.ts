import { bodyLimit } from 'hono/body-limit';
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../env';
import { AppError } from '../lib/app-error';

export const JSON_BODY_LIMIT_BYTES = 1024 * 1024;

/** Bodies of API writes are JSON and at most 1 MB; anything else is refused before parsing. */
export const jsonOnly = createMiddleware<AppEnv>(async (c, next) => {
  const hasBody = !['GET', 'HEAD', 'OPTIONS', 'DELETE'].includes(c.req.method);
  const length = Number(c.req.header('Content-Length') ?? 0);
  if (hasBody && (length > 0 || c.req.header('Transfer-Encoding'))) {
    const type = c.req.header('Content-Type') ?? '';
    if (!/^application\/json\b/i.test(type)) {
      throw new AppError(
        'unsupported_media_type',
        'Send the request body as JSON (Content-Type: application/json)',
      );
    }
  }
  await next();
});

export const apiBodyLimit = bodyLimit({
  maxSize: JSON_BODY_LIMIT_BYTES,
  onError: () => {
    throw new AppError('payload_too_large', 'The request body is larger than 1 MB');
  },
});
