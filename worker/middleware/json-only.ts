import type { Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../env';
import { AppError } from '../lib/app-error';

export const JSON_BODY_LIMIT_BYTES = 1024 * 1024;
/** A 25 MB document plus the multipart envelope around it. */
export const UPLOAD_BODY_LIMIT_BYTES = 25 * 1024 * 1024 + 64 * 1024;
/** An inquiry from a practice website: a few short fields and a message. */
export const PUBLIC_FORM_BODY_LIMIT_BYTES = 16 * 1024;

/** A case import (preview or commit) takes a CSV or XLSX file, or JSON `{ csv }`. */
const isCaseImport = (c: Context<AppEnv>) => /\/cases\/import(\/preview)?$/.test(c.req.path);

/** File uploads (documents, roster, case and lead files) are the only API writes that may be multipart. */
const isUpload = (c: Context<AppEnv>) =>
  c.req.method === 'POST' &&
  (/\/documents$/.test(c.req.path) ||
    c.req.path.endsWith('/patients/import/preview') ||
    c.req.path.endsWith('/leads/import/preview') ||
    isCaseImport(c));

/**
 * The public web-form endpoint: a practice's plain HTML form (no JavaScript)
 * can only post form-urlencoded, so that path alone accepts it besides JSON.
 */
const isPublicForm = (c: Context<AppEnv>) =>
  c.req.method === 'POST' && /\/api\/v1\/public\/leads\/[^/]+\/?$/.test(c.req.path);

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
      const jsonAllowed = c.req.path.endsWith('/import/preview') || isCaseImport(c);
      if (!/^multipart\/form-data\b/i.test(type) && !(jsonAllowed && /^application\/json\b/i.test(type))) {
        throw new AppError(
          'unsupported_media_type',
          'Upload the file as multipart/form-data with a "file" field',
        );
      }
    } else if (isPublicForm(c)) {
      if (!/^application\/(json|x-www-form-urlencoded)\b/i.test(type)) {
        throw new AppError(
          'unsupported_media_type',
          'Send the form as application/json or application/x-www-form-urlencoded',
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

const publicFormLimit = bodyLimit({
  maxSize: PUBLIC_FORM_BODY_LIMIT_BYTES,
  onError: () => {
    throw new AppError('payload_too_large', 'The form is larger than 16 KB');
  },
});

/** A 5,000-row roster commit is JSON, but larger than ordinary writes. */
const isLargeJson = (c: Context<AppEnv>) =>
  c.req.method === 'POST' && c.req.path.endsWith('/patients/import/commit');

export const apiBodyLimit = createMiddleware<AppEnv>((c, next) =>
  isUpload(c) || isLargeJson(c)
    ? uploadLimit(c, next)
    : isPublicForm(c)
      ? publicFormLimit(c, next)
      : jsonLimit(c, next),
);
