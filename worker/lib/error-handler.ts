import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ZodError } from 'zod';
import type { ErrorCode, ErrorEnvelope } from '../../shared/errors';
import type { AppEnv } from '../env';
import { AppError } from './app-error';

export function envelope(
  c: Context<AppEnv>,
  code: ErrorCode,
  message: string,
  status: number,
  details?: ErrorEnvelope['error']['details'],
) {
  const body: ErrorEnvelope = {
    error: { code, message, ...(details ? { details } : {}), requestId: c.var.requestId },
  };
  return c.json(body, status as 400);
}

export function zodDetails(error: ZodError) {
  return error.issues.map((i) => ({ path: i.path.map(String).join('.') || '(body)', issue: i.message }));
}

/** Readable summary for the side panel: the first problem, named. */
export function zodMessage(error: ZodError) {
  const first = error.issues[0];
  if (!first) return 'The request is not valid';
  const path = first.path.map(String).join('.');
  if (first.code === 'unrecognized_keys') return `Unknown field(s): ${first.keys.join(', ')}`;
  return path ? `${path}: ${first.message}` : first.message;
}

/** Maps every thrown error to the one envelope; a 500 shows a request id, never a stack or SQL. */
export function onError(err: Error, c: Context<AppEnv>) {
  if (err instanceof AppError) {
    for (const [k, v] of Object.entries(err.headers ?? {})) c.header(k, v);
    return envelope(c, err.code, err.message, err.status, err.details);
  }
  if (err instanceof HTTPException) {
    const status = err.status;
    if (status === 413) return envelope(c, 'payload_too_large', 'The request body is too large', 413);
    if (status === 400)
      return envelope(c, 'validation_failed', 'The request body is not valid JSON', 400, [
        { path: '(body)', issue: 'malformed JSON' },
      ]);
    if (status === 401) return envelope(c, 'unauthenticated', 'Sign in to continue.', 401);
    if (status === 403) return envelope(c, 'forbidden', 'This request was refused', 403);
    if (status === 404) return envelope(c, 'not_found', 'Not found', 404);
    if (status < 500) return envelope(c, 'validation_failed', err.message || 'The request is not valid', 400);
  }
  console.error(
    JSON.stringify({ level: 'error', requestId: c.var.requestId, name: err.name, message: err.message }),
  );
  return envelope(
    c,
    'internal_error',
    `Something went wrong on our side. Quote request id ${c.var.requestId} if you contact support.`,
    500,
  );
}
