import { type ClientResponse, hc, parseResponse } from 'hono/client';
import type { AppType } from '../../worker/app';
import { responseOf } from '../utils/api-client';
import { sendMessage } from '../utils/send-message';

/**
 * Never contacted: the typed client only builds the request. The background
 * is the only network client (it holds the token), so every request is handed
 * to it as a message and its answer is turned back into a Response.
 */
const NOWHERE = 'https://sidecar.invalid';

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** Files cross the message channel as base64 (runtime messages carry JSON only). */
async function uploadViaBackground(path: string, request: Request) {
  const form = await request.formData();
  const fields: Record<string, string> = {};
  let file: File | null = null;
  for (const [key, value] of form.entries()) {
    if (typeof value === 'string') fields[key] = value;
    else file = value;
  }
  if (!file) throw new TypeError('An upload needs a file');
  return sendMessage('upload', {
    path,
    fileName: file.name,
    contentType: file.type,
    base64: toBase64(new Uint8Array(await file.arrayBuffer())),
    fields,
  });
}

/**
 * The answer, or an AbortError as soon as `signal` fires: a list that moved on
 * (a newer search) stops waiting, and a request aborted before it was handed
 * to the background is never sent.
 */
function unlessAborted<T>(signal: AbortSignal, send: () => Promise<T>): Promise<T> {
  const aborted = () => new DOMException('The request was superseded', 'AbortError');
  if (signal.aborted) return Promise.reject(aborted());
  return new Promise<T>((resolve, reject) => {
    const stop = () => reject(aborted());
    signal.addEventListener('abort', stop, { once: true });
    send()
      .then(resolve, reject)
      .finally(() => signal.removeEventListener('abort', stop));
  });
}

async function viaBackground(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
  const request = new Request(input, init);
  return unlessAborted(request.signal, () => sendRequest(request));
}

async function sendRequest(request: Request): Promise<Response> {
  const url = new URL(request.url);
  const path = `${url.pathname}${url.search}`;
  const method = request.method.toUpperCase() as Method;
  let answer: { status: number; body: unknown };
  if (request.headers.get('Content-Type')?.startsWith('multipart/form-data')) {
    answer = await uploadViaBackground(url.pathname, request);
  } else {
    const text = method === 'GET' ? '' : await request.text();
    const idempotencyKey = request.headers.get('Idempotency-Key');
    answer = await sendMessage('api', {
      method,
      path,
      ...(text ? { body: JSON.parse(text) as unknown } : {}),
      ...(idempotencyKey ? { idempotencyKey } : {}),
    });
  }
  return responseOf(answer);
}

/**
 * The API as the compiler knows it from the worker's routes: a wrong path,
 * parameter or field is a compile error.
 * `call(client.api.v1.leads[':id'].$get({ param: { id } }))`.
 */
export const client = hc<AppType>(NOWHERE, { fetch: viaBackground });

/**
 * The success body of a call, typed from the route's declared answers. A
 * refusal arrives as a MessageError (code and a message written for staff),
 * thrown by the background before any Response exists.
 */
export function call<T extends ClientResponse<unknown>>(response: Promise<T>) {
  return parseResponse(response);
}

/** The versioned API, the root of every call: `call(api.leads[':id'].$get({ param: { id } }))`. */
export const api = client.api.v1;
