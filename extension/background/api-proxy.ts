import { ApiError } from '../utils/api-client';
import type { Core, Handlers } from './context';

/** The panel's API calls, limited to Sidecar API paths. */
export function apiProxyHandlers(core: Core): Pick<Handlers, 'api'> {
  const { authedWithStatus, refreshMe } = core;
  return {
    async api({ method, path, body, idempotencyKey }) {
      if (!path.startsWith('/api/v1/') || path.includes('..')) {
        throw new ApiError(400, {
          code: 'validation_failed',
          message: 'Only Sidecar API paths can be called',
        });
      }
      const result = await authedWithStatus<unknown>(path, {
        method,
        body,
        ...(idempotencyKey ? { headers: { 'Idempotency-Key': idempotencyKey } } : {}),
      });
      // Two-factor and role changes show in /me: keep the panel's copy current.
      if (path.startsWith('/api/v1/me/')) await refreshMe();
      return result;
    },
  };
}
