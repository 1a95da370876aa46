import { hc } from 'hono/client';
import type { ApiSubApps } from '../../worker/app';
import { callApiWithStatus, responseOf } from '../utils/api-client';

/** Where and as whom the background calls the server. */
export type Connection = { fetch: typeof fetch; serverUrl: string; token?: string };

/**
 * Hands the typed client's request to callApiWithStatus, so the background's
 * own calls refuse, fail offline and carry the token exactly as the panel's
 * proxied calls do (one code path), and turns its answer back into a Response.
 */
function transport({ fetch: fetcher, serverUrl, token }: Connection): typeof fetch {
  return async (input, init) => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    const text = request.method === 'GET' ? '' : await request.text();
    return responseOf(
      await callApiWithStatus<unknown>(fetcher, serverUrl, `${url.pathname}${url.search}`, {
        method: request.method,
        ...(text ? { body: JSON.parse(text) as unknown } : {}),
        ...(token ? { token } : {}),
      }),
    );
  };
}

/*
 * One client per sub-app the background calls (sign-in and the signed-in
 * person), typed from those routes alone: lighter for the compiler than the
 * whole app, and a wrong path or body is still a compile error.
 */

export const authApi = (c: Connection) =>
  hc<ApiSubApps['auth']['routes']>(`${c.serverUrl}/api/v1/auth`, { fetch: transport(c) });

export const meApi = (c: Connection) =>
  hc<ApiSubApps['me']['routes']>(`${c.serverUrl}/api/v1/me`, { fetch: transport(c) });
