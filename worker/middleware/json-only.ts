import type { Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../env';
import { AppError } from '../lib/app-error';

export const JSON_BODY_LIMIT_BYTES = 1024 * 1024;
/** A 25 MB document plus the multipart envelope around it. */
export const UPLOAD_BODY_LIMIT_BYTES = 25 * 1024 * 1024 + 64 * 1024;

/** File uploads are the only API writes that are not JSON. */
const isUpload = (c: Context<AppEnv>) => c.req.method === 'POST' && /\/documents$/.test(c.req.path);

/**
 * Bodies of API writes are JSON (uploads: multipart form data), refused before
 * parsing when they are not, or when they are over the size limit.
 */
export const jsonOnly = createMiddleware<AppEnv>(async (c, next) => {
  const hasBody = !['GET', 'HEAD', 'OPTIONS', 'DELETE'].includes(c.req.method);
  const length = Number(c.req.header('Content-Length') ?? 0);
  if (hasBody && (length > 0 || c.req.header('Transfer-Encoding'))) {
    const type = c.req.header('Content-Type') ?? '';
    if (isUpload(c)) {
      if (!/^multipart\/form-data\b/i.test(type)) {
        throw new AppError(
          'unsupported_media_type',
          'Upload the file as multipart/form-data with a "file" field',
        );
      }
    } else if (!/^application\/json\b/i.test(type)) {
      throw new AppError(
        'unsupported_media_type',
        'Send the request body as JSON (Content-Type: application/json)',
      );
    }
  }
  await next();
});

const jsonLimit = bodyLimit({
  maxSize: JSON_BODY_LIMIT_BYTES,
  onError: () => {
    throw new AppError('payload_too_large', 'The request body is larger than 1 MB');
  },
});
const uploadLimit = bodyLimit({
  maxSize: UPLOAD_BODY_LIMIT_BYTES,
  onError: () => {
    throw new AppError('payload_too_large', 'Documents can be at most 25 MB');
  },
});

export const apiBodyLimit = createMiddleware<AppEnv>((c, next) =>
  isUpload(c) ? uploadLimit(c, next) : jsonLimit(c, next),
);
