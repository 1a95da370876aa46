import { beforeEach, describe, expect, inject, it } from 'vitest';
import {
  type BackgroundDeps,
  createBackgroundHandler,
  type StoredAuth,
} from '../../extension/background/handler';
import type { CapturedLead } from '../../extension/capture/types';
import type { QueuedLead } from '../../extension/utils/messages';

// Capture and the offline queue in the background, with the real network
// client against the real worker. "Offline" is the network refusing to
// connect, as fetch does when the server is down; storage is plain variables.
const api = inject('apiOrigin');

const CAPTURED: CapturedLead = {
  fields: { firstName: 'Queue', lastName: 'Tester', email: 'queue.tester@example.com' },
  from: { firstName: 'Gmail sender', lastName: 'Gmail sender', email: 'Gmail sender' },
  channel: 'email',
  url: 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQX',
  title: 'Braces for my daughter',
};

function setup(tabUrl = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQX') {
  let auth: StoredAuth = { kind: 'signed_out' };
  let outbox: QueuedLead[] = [];
  let blocklist: string[] = [];
  let offline = false;
  const extracted: number[] = [];
  const deps: BackgroundDeps = {
    fetch: (...args) => (offline ? Promise.reject(new TypeError('Failed to fetch')) : fetch(...args)),
    auth: {
      get: async () => auth,
      set: async (v) => {
        auth = v;
      },
    },
    serverUrl: { get: async () => api, set: async () => undefined },
    now: () => Date.now(),
    forgetUser: async () => undefined,
    captureTab: {
      active: async () => ({ id: 7, url: tabUrl }),
      byId: async (id) => ({ id, url: tabUrl }),
      extract: async (tabId) => {
        extracted.push(tabId);
        return CAPTURED;
      },
    },
    leadOutbox: {
      get: async () => outbox,
      set: async (v) => {
        outbox = v;
      },
    },
    captureBlocklist: {
      get: async () => blocklist,
      set: async (v) => {
        blocklist = v;
      },
    },
  };
  return {
    handle: createBackgroundHandler(deps),
    outbox: () => outbox,
    extracted,
    setOffline: (v: boolean) => {
      offline = v;
    },
  };
}

async function signIn(bg: ReturnType<typeof setup>, email: string) {
  const reply = await bg.handle({ name: 'login', input: { email, password: 'sidecar-demo' } });
  if (!reply.ok) throw new Error(reply.error.message);
}

/** Leads with this email, as the server has them. */
async function leadsWithEmail(bg: ReturnType<typeof setup>, email: string) {
  const reply = await bg.handle({
    name: 'api',
    input: { method: 'POST', path: '/api/v1/leads/match', body: { email } },
  });
  if (!reply.ok) throw new Error(reply.error.message);
  return (reply.data.body as { items: { id: string }[] }).items;
}

const uniqueEmail = (label: string) =>
  `${label}.${Date.now()}.${Math.random().toString(36).slice(2, 8)}@example.com`;

let bg: ReturnType<typeof setup>;
beforeEach(() => {
  bg = setup();
});

describe('capturing a lead', () => {
  it('reads the tab and stamps the time of capture', async () => {
    const reply = await bg.handle({ name: 'captureLead', input: undefined });
    expect(reply.ok).toBe(true);
    if (!reply.ok) return;
    expect(reply.data.fields.email).toBe('queue.tester@example.com');
    expect(Date.parse(reply.data.capturedAt)).toBeGreaterThan(Date.now() - 5_000);
    expect(bg.extracted).toEqual([7]);
  });

  it('never reads a site on the blocklist, subdomains included', async () => {
    await bg.handle({ name: 'setCaptureBlocklist', input: { sites: ['https://google.com/anything', ''] } });
    const reply = await bg.handle({ name: 'captureLead', input: { tabId: 9 } });
    expect(reply).toEqual({
      ok: false,
      error: { code: 'capture_blocked', message: 'Capture is turned off for google.com in Settings.' },
    });
    expect(bg.extracted).toEqual([]);
  });

  it('refuses a blocklist entry that is not a site name, and keeps the old list', async () => {
    await bg.handle({ name: 'setCaptureBlocklist', input: { sites: ['portal.example.org'] } });
    const reply = await bg.handle({ name: 'setCaptureBlocklist', input: { sites: ['not a site!'] } });
    expect(reply.ok).toBe(false);
    if (!reply.ok) expect(reply.error.message).toContain('not a site!');
    const settings = await bg.handle({ name: 'getSettings', input: undefined });
    expect(settings.ok && settings.data.captureBlocklist).toEqual(['portal.example.org']);
  });

  it('refuses a page that is not a web page', async () => {
    bg = setup('chrome://settings/');
    const reply = await bg.handle({ name: 'captureLead', input: undefined });
    expect(reply.ok).toBe(false);
    expect(bg.extracted).toEqual([]);
  });
});

describe('the offline queue', () => {
  it('keeps a lead when the server cannot be reached and sends it once, however often it retries', async () => {
    await signIn(bg, 'treatment_coordinator@demo.test');
    const email = uniqueEmail('offline');
    bg.setOffline(true);
    const saved = await bg.handle({
      name: 'saveLead',
      input: {
        body: { firstName: 'Offline', lastName: 'Inquiry', email, capture: { channel: 'email' } },
        idempotencyKey: crypto.randomUUID(),
      },
    });
    expect(saved).toEqual({ ok: true, data: { queued: true, name: 'Offline Inquiry' } });
    expect(bg.outbox()).toHaveLength(1);

    // Still offline: nothing is lost.
    const stillOffline = await bg.handle({ name: 'flushLeadOutbox', input: undefined });
    expect(stillOffline.ok && stillOffline.data.sent).toBe(0);
    expect(bg.outbox()).toHaveLength(1);

    // Back online, two flushes at once (the alarm and the panel): one lead.
    bg.setOffline(false);
    const [a, b] = await Promise.all([
      bg.handle({ name: 'flushLeadOutbox', input: undefined }),
      bg.handle({ name: 'flushLeadOutbox', input: undefined }),
    ]);
    expect(a.ok && b.ok).toBe(true);
    await bg.handle({ name: 'flushLeadOutbox', input: undefined });
    expect(bg.outbox()).toEqual([]);
    expect(await leadsWithEmail(bg, email)).toHaveLength(1);
  });

  it('does not queue what the server refused: the form shows the error instead', async () => {
    await signIn(bg, 'treatment_coordinator@demo.test');
    const reply = await bg.handle({
      name: 'saveLead',
      input: { body: { firstName: 'No', lastName: 'Contact' }, idempotencyKey: crypto.randomUUID() },
    });
    expect(reply.ok).toBe(false);
    if (!reply.ok) expect(reply.error.code).toBe('validation_failed');
    expect(bg.outbox()).toEqual([]);
  });

  it('keeps a queued lead the server later refuses, for a person to fix, and stops retrying it', async () => {
    await signIn(bg, 'treatment_coordinator@demo.test');
    bg.setOffline(true);
    await bg.handle({
      name: 'saveLead',
      input: {
        body: { firstName: 'Bad', lastName: 'Stage', email: uniqueEmail('bad'), stageId: 'stg_missing' },
        idempotencyKey: crypto.randomUUID(),
      },
    });
    bg.setOffline(false);
    const first = await bg.handle({ name: 'flushLeadOutbox', input: undefined });
    expect(first.ok && first.data.waiting[0]?.refused).toBe('Unknown pipeline stage');
    const second = await bg.handle({ name: 'flushLeadOutbox', input: undefined });
    expect(second.ok && second.data.sent).toBe(0);
    const key = bg.outbox()[0]!.idempotencyKey;
    const discarded = await bg.handle({ name: 'discardQueuedLead', input: { idempotencyKey: key } });
    expect(discarded.ok && discarded.data.waiting).toEqual([]);
  });

  it('sends a queued lead only with the session of the person who captured it', async () => {
    await signIn(bg, 'treatment_coordinator@demo.test');
    const email = uniqueEmail('owner');
    bg.setOffline(true);
    await bg.handle({
      name: 'saveLead',
      input: {
        body: { firstName: 'Owned', lastName: 'Capture', email },
        idempotencyKey: crypto.randomUUID(),
      },
    });
    bg.setOffline(false);
    await bg.handle({ name: 'logout', input: undefined });
    await signIn(bg, 'clinic_admin@other.test');
    const other = await bg.handle({ name: 'flushLeadOutbox', input: undefined });
    expect(other.ok && other.data).toEqual({ sent: 0, waiting: [] });
    expect(bg.outbox()).toHaveLength(1);

    await bg.handle({ name: 'logout', input: undefined });
    await signIn(bg, 'treatment_coordinator@demo.test');
    const own = await bg.handle({ name: 'flushLeadOutbox', input: undefined });
    expect(own.ok && own.data.sent).toBe(1);
    expect(await leadsWithEmail(bg, email)).toHaveLength(1);
  });
});
