import { OpenAPIHono } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import type { z } from 'zod';
import { errorEnvelopeSchema } from '../../shared/schemas/common';
import type { AppEnv } from '../env';
import { AppError } from './app-error';
import { zodDetails, zodMessage } from './error-handler';

/**
 * A resource's sub-app: validation failures become the 400 envelope with every failing path.
 * The given middleware runs on every route; it is applied here because `.use()` returns a plain
 * Hono type, which would end the typed `.openapi()` chain the app's client type is built from.
 */
export function newRouter(...middleware: MiddlewareHandler<AppEnv>[]) {
  const router = new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success)
        throw new AppError('validation_failed', zodMessage(result.error), zodDetails(result.error));
    },
  });
  if (middleware.length > 0) router.use('*', ...middleware);
  return router;
}

export const jsonBody = <T extends z.ZodType>(schema: T) => ({
  body: { content: { 'application/json': { schema } }, required: true },
});

export const json = <T extends z.ZodType>(schema: T, description: string) => ({
  content: { 'application/json': { schema } },
  description,
});

const error = (description: string) => json(errorEnvelopeSchema, description);

/** The error answers every authenticated route can give; the OpenAPI document lists them. */
export const commonErrors = {
  400: error('Validation failed (`validation_failed`)'),
  401: error('Not signed in or session ended (`unauthenticated`)'),
  403: error('The role does not allow this (`forbidden`)'),
} as const;

export const notFoundError = {
  404: error('Not found, or belongs to another organisation (`not_found`)'),
} as const;
export const conflictError = { 409: error('Conflict (`conflict`)') } as const;
export const rateLimitedError = {
  429: error('Too many attempts (`rate_limited`), see Retry-After'),
} as const;
/**
 * Not `as const`: a readonly 204 entry makes @hono/zod-openapi type the
 * route's answer as `never`, which drops the route from AppType.
 */
export const noContent = { 204: { description: 'Done' } };
