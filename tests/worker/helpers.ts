import { createExecutionContext, env, waitOnExecutionContext } from 'cloudflare:test';
import { d1Database } from '../../db/client';
import { DEMO_PASSWORD, seedDemo } from '../../scripts/seed-demo';
import type { Role } from '../../shared/permissions';
import { runScheduled } from '../../worker/cron/scheduled';
import worker from '../../worker/index';

export const db = () => d1Database(env.DB);

let seeded: Promise<unknown> | undefined;
/** The demo organisations of `npm start`: one user per role, plus "Other Practice". */
export function seed() {
  seeded ??= seedDemo(db());
  return seeded;
}

/** Called by the setup after it empties the database: the next `seed()` seeds again. */
export function forgetSeed() {
  seeded = undefined;
}

export const BASE = 'http://127.0.0.1:8787';

/**
 * Background work of every request, on the runtime's global object: each test
 * file gets its own copy of this module, so a module-level set would hide the
 * previous file's work from the setup, which would then empty storage while
 * that work still writes (and a later file would find its rows).
 */
const shared = globalThis as typeof globalThis & { sidecarBackgroundWork?: Set<Promise<void>> };
shared.sidecarBackgroundWork ??= new Set<Promise<void>>();
const background = shared.sidecarBackgroundWork;

/**
 * A request handed to the worker's own fetch handler with a fresh execution
 * context, as workerd hands it one. Not `SELF.fetch`: each SELF request hops
 * into the pool's runner object, and that hop grows slower with every request
 * the runtime has served (50 requests: 0.1 s in a fresh runtime, 1.3 s after
 * 200 more), which one runtime for every file (vitest.config.ts) would feel.
 */
export async function workerFetch(url: string, init?: RequestInit): Promise<Response> {
  const draft = new Request(url, init);
  // Over the wire a body of known length arrives with its Content-Length, which
  // the worker checks before reading (middleware/json-only.ts).
  const body = draft.body ? await draft.arrayBuffer() : null;
  const headers = new Headers(draft.headers);
  if (body) headers.set('Content-Length', String(body.byteLength));
  const ctx = createExecutionContext();
  const res = await worker.fetch(new Request(draft.url, { method: draft.method, headers, body }), env, ctx);
  // As in a real runtime, background work (ctx.waitUntil) outlives the response
  // and its failures are the worker's to log, not the caller's to see.
  const settled = waitOnExecutionContext(ctx).catch(() => undefined);
  background.add(settled);
  settled.finally(() => background.delete(settled));
  return res;
}

/** Waits for the background work of every request made so far (the setup does, before emptying storage). */
export async function settleBackgroundWork() {
  await Promise.all([...background]);
}

type Init = {
  method?: string;
  token?: string;
  body?: unknown;
  headers?: Record<string, string>;
  ip?: string;
};

/** A request through the real worker entry point, as the side panel makes it. */
export async function api(path: string, init: Init = {}) {
  const headers: Record<string, string> = { 'CF-Connecting-IP': init.ip ?? '203.0.113.10', ...init.headers };
  if (init.token) headers.Authorization = `Bearer ${init.token}`;
  if (init.body !== undefined) headers['Content-Type'] ??= 'application/json';
  const res = await workerFetch(`${BASE}${path}`, {
    method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
    headers,
    body:
      init.body === undefined
        ? undefined
        : typeof init.body === 'string'
          ? init.body
          : JSON.stringify(init.body),
  });
  const text = await res.text();
  // biome-ignore lint/suspicious/noExplicitAny: tests read whatever the API answered and assert on it
  let json: any = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = null;
  }
  return { status: res.status, headers: res.headers, json, text };
}

export async function loginAs(
  role: Role | string,
  org: 'demo' | 'other' = 'demo',
  ip?: string,
): Promise<string> {
  await seed();
  const email = role.includes('@') ? role : `${role}@${org}.test`;
  const res = await api('/api/v1/auth/login', { body: { email, password: DEMO_PASSWORD }, ip });
  if (res.status !== 200 || res.json.status !== 'signed_in')
    throw new Error(`login as ${email} failed: ${res.status} ${res.text}`);
  return res.json.token as string;
}

/** Messages of the local email adapter, newest first, as /dev/mailbox.json shows them. */
export async function mailbox(): Promise<
  {
    recipient: string;
    subject: string;
    bodyText: string;
    status: string;
    attachments: { id: string; fileName: string; contentType: string; size: number }[];
  }[]
> {
  const res = await api('/dev/mailbox.json');
  return res.json.items;
}

export function linkIn(text: string, path: string): string {
  const match = text.match(new RegExp(`https?://[^\\s]+${path}/[A-Za-z0-9_-]+`));
  if (!match) throw new Error(`no ${path} link in: ${text}`);
  return match[0].replace(/^https?:\/\/[^/]+/, '');
}

/** A facility with an address the offline verifier accepts; answers its id. */
export async function createFacility(
  token: string,
  name: string,
  extra: { serviceCategories?: string[] } = {},
): Promise<string> {
  const res = await api('/api/v1/facilities', {
    token,
    body: {
      name,
      address: { line1: '10 Oak St', city: 'Denver', state: 'CO', postalCode: '80202' },
      ...extra,
    },
  });
  if (res.status !== 201) throw new Error(`creating facility ${name} failed: ${res.status} ${res.text}`);
  return res.json.id;
}

/** Uploads a checklist item's document (multipart, as the panel sends it): the way a document item gets done. */
export async function uploadChecklistDocument(
  token: string,
  patientId: string,
  itemId: string,
  bytes: Uint8Array,
  name: string,
) {
  const form = new FormData();
  form.append('file', new File([bytes], name));
  const res = await workerFetch(`${BASE}/api/v1/patients/${patientId}/checklist/${itemId}/documents`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}` },
    body: form,
  });
  // biome-ignore lint/suspicious/noExplicitAny: tests assert on whatever the API answered
  return { status: res.status, json: (await res.json()) as any };
}

/** The cron trigger as it runs at `now` (e.g. after the notice digest window), delivery included. */
export async function runCronAt(now: number) {
  await runScheduled(env, now);
}
