import { count } from '../../shared/words';
import type { ApiFailure } from './messages';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly failure: ApiFailure,
  ) {
    super(failure.message);
  }
}

/**
 * One JSON call to the Sidecar API. Failures come back as ApiError carrying
 * the server's envelope (code and a message written for staff), or a
 * `network` failure when the server cannot be reached at all.
 */
export async function callApi<T>(
  fetcher: typeof fetch,
  serverUrl: string,
  path: string,
  init: CallInit = {},
): Promise<T> {
  return (await callApiWithStatus<T>(fetcher, serverUrl, path, init)).body;
}

type CallInit = {
  method?: string;
  body?: unknown;
  token?: string;
  headers?: Record<string, string>;
  /** How long to wait for an answer; uploads get longer (see `answerWithin`). */
  timeoutMs?: number;
};

/**
 * A request the server never answers (a dropped connection, a stalled proxy)
 * must not leave the panel saying "Loading…" for ever: after this long it
 * fails with a message, and the screen that asked can offer to try again.
 */
const ANSWER_WITHIN_MS = 60_000;
const UPLOAD_ANSWER_WITHIN_MS = 300_000;

/**
 * A read with no answer after this long is given up and sent once more. A
 * request can be lost on a kept-alive connection that the server side will
 * never answer (caught in a browser test: the background's fetch pending for
 * 12 s while new requests answered in 9 ms, and the worker never saw it);
 * giving up closes that connection, and the new request takes a fresh one.
 * Only reads are sent again, so nothing is written twice.
 */
export const READ_RETRY_AFTER_MS = 10_000;

const isTimeout = (e: unknown) => e instanceof DOMException && e.name === 'TimeoutError';

/** As callApi, keeping the success status (201 for a create, 204 for nothing to say). */
export async function callApiWithStatus<T>(
  fetcher: typeof fetch,
  serverUrl: string,
  path: string,
  init: CallInit = {},
): Promise<{ status: number; body: T }> {
  const headers: Record<string, string> = { Accept: 'application/json', ...init.headers };
  // FormData (file uploads) sets its own multipart content type and boundary.
  const isForm = init.body instanceof FormData;
  if (init.body !== undefined && !isForm) headers['Content-Type'] = 'application/json';
  if (init.token) headers.Authorization = `Bearer ${init.token}`;
  const waitMs = init.timeoutMs ?? (isForm ? UPLOAD_ANSWER_WITHIN_MS : ANSWER_WITHIN_MS);
  const method = init.method ?? (init.body === undefined ? 'GET' : 'POST');
  const send = (ms: number) =>
    fetcher(`${serverUrl}${path}`, {
      method,
      headers,
      body:
        init.body === undefined ? undefined : isForm ? (init.body as FormData) : JSON.stringify(init.body),
      signal: AbortSignal.timeout(ms),
    });
  // A read's first try gives up after 10 s, or half its time limit when that is shorter.
  const firstTry = Math.min(READ_RETRY_AFTER_MS, Math.floor(waitMs / 2));
  let res: Response;
  try {
    res =
      method === 'GET'
        ? await send(firstTry).catch((e: unknown) => {
            if (isTimeout(e)) return send(waitMs - firstTry);
            throw e;
          })
        : await send(waitMs);
  } catch (e) {
    if (isTimeout(e))
      throw new ApiError(0, {
        code: 'network',
        message: `The server at ${serverUrl} did not answer within ${count(Math.max(1, Math.round(waitMs / 1000)), 'second')}. Try again in a moment.`,
      });
    throw new ApiError(0, {
      code: 'network',
      message: `Can't reach the server at ${serverUrl}. Check the address in Settings and that the server is running.`,
    });
  }
  if (res.status === 204 || res.status === 202) return { status: res.status, body: undefined as T };
  const body = (await res.json().catch(() => null)) as { error?: ApiFailure } | T | null;
  if (!res.ok) {
    const error = (body as { error?: ApiFailure } | null)?.error;
    const retryAfter = Number(res.headers.get('Retry-After'));
    throw new ApiError(res.status, {
      code: error?.code ?? 'internal_error',
      message: error?.message ?? `The server answered ${res.status}. Try again in a moment.`,
      ...(error?.details ? { details: error.details } : {}),
      ...(retryAfter > 0 ? { retryAfterSeconds: retryAfter } : {}),
    });
  }
  return { status: res.status, body: body as T };
}

/** An answer as a Response again, for Hono's typed client to read (202 and 204 carry no body). */
export function responseOf(answer: { status: number; body: unknown }): Response {
  const empty = answer.status === 204 || answer.status === 202 || answer.body === undefined;
  return new Response(empty ? null : JSON.stringify(answer.body), {
    status: answer.status,
    headers: { 'Content-Type': 'application/json' },
  });
}
