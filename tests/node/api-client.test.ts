import { describe, expect, it } from 'vitest';
import { ApiError, callApi } from '../../extension/utils/api-client';

const SERVER = 'http://127.0.0.1:8787';

/** A fetch that records what it was asked and answers with one fixed response. */
function answering(response: () => Response) {
  const calls: { url: string; init: RequestInit }[] = [];
  const fetcher = (async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    return response();
  }) as unknown as typeof fetch;
  return { fetcher, calls };
}

async function failure(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof ApiError)) throw new Error(`expected an ApiError, got ${String(error)}`);
  return error;
}

describe('callApi', () => {
  it('posts JSON with the bearer token and returns the parsed body', async () => {
    const { fetcher, calls } = answering(() => Response.json({ status: 'signed_in' }));
    const body = await callApi(fetcher, SERVER, '/api/v1/auth/login', {
      body: { email: 'a@b.test', password: 'pw' },
      token: 'tok',
    });
    expect(body).toEqual({ status: 'signed_in' });
    expect(calls).toHaveLength(1);
    expect(calls[0]?.url).toBe(`${SERVER}/api/v1/auth/login`);
    expect(calls[0]?.init.method).toBe('POST');
    expect(calls[0]?.init.body).toBe('{"email":"a@b.test","password":"pw"}');
    expect(calls[0]?.init.headers).toMatchObject({
      Authorization: 'Bearer tok',
      'Content-Type': 'application/json',
    });
  });

  it('sends no Authorization header without a token, and GET without a body', async () => {
    const { fetcher, calls } = answering(() => Response.json({}));
    await callApi(fetcher, SERVER, '/api/v1/me');
    expect(calls[0]?.init.method).toBe('GET');
    expect(calls[0]?.init.headers).not.toHaveProperty('Authorization');
  });

  it('answers undefined for 204 No Content', async () => {
    const { fetcher } = answering(() => new Response(null, { status: 204 }));
    expect(await callApi(fetcher, SERVER, '/api/v1/auth/logout', { method: 'POST' })).toBeUndefined();
  });

  it('carries the envelope’s code and message, and Retry-After in seconds', async () => {
    const { fetcher } = answering(() =>
      Response.json(
        {
          error: {
            code: 'rate_limited',
            message: 'Too many failed sign-in attempts. Try again in 15 minute(s).',
          },
        },
        { status: 429, headers: { 'Retry-After': '900' } },
      ),
    );
    const error = await failure(callApi(fetcher, SERVER, '/api/v1/auth/login', { body: {} }));
    expect(error.status).toBe(429);
    expect(error.failure).toEqual({
      code: 'rate_limited',
      message: 'Too many failed sign-in attempts. Try again in 15 minute(s).',
      retryAfterSeconds: 900,
    });
  });

  it('explains a failure that is not an API envelope (a proxy’s HTML page)', async () => {
    const { fetcher } = answering(() => new Response('<h1>Bad gateway</h1>', { status: 502 }));
    const error = await failure(callApi(fetcher, SERVER, '/api/v1/me'));
    expect(error.failure).toEqual({
      code: 'internal_error',
      message: 'The server answered 502. Try again in a moment.',
    });
  });

  it('names the address when the server cannot be reached', async () => {
    const fetcher = (async () => {
      throw new TypeError('Failed to fetch');
    }) as unknown as typeof fetch;
    const error = await failure(callApi(fetcher, SERVER, '/api/v1/me'));
    expect(error.status).toBe(0);
    expect(error.failure.code).toBe('network');
    expect(error.failure.message).toContain(SERVER);
  });

  it('gives up on a server that never answers, saying so, instead of loading for ever', async () => {
    let aborted = false;
    const fetcher = (_input: RequestInfo | URL, init?: RequestInit) =>
      new Promise<Response>((_resolve, reject) => {
        init?.signal?.addEventListener('abort', () => {
          aborted = true;
          reject(init.signal?.reason);
        });
      });
    const error = await failure(callApi(fetcher, SERVER, '/api/v1/me', { timeoutMs: 50 }));
    expect(aborted).toBe(true);
    expect(error.status).toBe(0);
    expect(error.failure.code).toBe('network');
    expect(error.failure.message).toBe(
      `The server at ${SERVER} did not answer within 1 second. Try again in a moment.`,
    );
  });

  it('asks once more for a read lost on a connection that never answers, and never repeats a write', async () => {
    const methods: string[] = [];
    // The first request of each kind waits for ever (until it is given up); a second one is answered.
    const fetcher = (_input: RequestInfo | URL, init?: RequestInit) => {
      methods.push(init?.method ?? 'GET');
      if (methods.filter((m) => m === init?.method).length === 1)
        return new Promise<Response>((_resolve, reject) => {
          init?.signal?.addEventListener('abort', () => reject(init.signal?.reason));
        });
      return Promise.resolve(Response.json({ ok: true }));
    };
    expect(await callApi(fetcher, SERVER, '/api/v1/me', { timeoutMs: 200 })).toEqual({ ok: true });
    expect(methods).toEqual(['GET', 'GET']);
    const write = await failure(
      callApi(fetcher, SERVER, '/api/v1/leads', { method: 'POST', body: {}, timeoutMs: 200 }),
    );
    expect(write.failure.code).toBe('network');
    expect(methods).toEqual(['GET', 'GET', 'POST']);
  });
});
