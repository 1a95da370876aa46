import { beforeEach, describe, expect, inject, it } from 'vitest';
import {
  type BackgroundDeps,
  createBackgroundHandler,
  type StoredAuth,
} from '../../extension/background/handler';

// The background's logic with its real network client against the real
// worker; only the browser's storage is replaced by plain variables.
const api = inject('apiOrigin');

function setup() {
  let auth: StoredAuth = { kind: 'signed_out' };
  let forgotten = 0;
  let serverUrl = api;
  let now = Date.now();
  const deps: BackgroundDeps = {
    fetch: (...args) => fetch(...args),
    auth: {
      get: async () => auth,
      set: async (v) => {
        auth = v;
      },
    },
    serverUrl: {
      get: async () => serverUrl,
      set: async (v) => {
        serverUrl = v;
      },
    },
    now: () => now,
    forgetUser: async () => {
      forgotten++;
    },
    leadOutbox: { get: async () => [], set: async () => undefined },
    captureBlocklist: { get: async () => [], set: async () => undefined },
  };
  return {
    handle: createBackgroundHandler(deps),
    auth: () => auth,
    forgotten: () => forgotten,
    advance: (ms: number) => {
      now += ms;
    },
  };
}

let bg: ReturnType<typeof setup>;
beforeEach(() => {
  bg = setup();
});

describe('background message handler', () => {
  it('signs in, keeps the token to itself, and answers who is signed in', async () => {
    const reply = await bg.handle({
      name: 'login',
      input: { email: 'front_desk@demo.test', password: 'sidecar-demo' },
    });
    expect(reply.ok).toBe(true);
    if (!reply.ok || reply.data.status !== 'signed_in') throw new Error('not signed in');
    expect(reply.data.me.role).toBe('front_desk');
    expect(JSON.stringify(reply.data)).not.toContain((bg.auth() as { token: string }).token);
    const again = await bg.handle({ name: 'getSession', input: undefined });
    expect(again.ok && again.data.status).toBe('signed_in');
  });

  it('passes on the server’s message for wrong credentials', async () => {
    const reply = await bg.handle({
      name: 'login',
      input: { email: 'front_desk@demo.test', password: 'wrong-password' },
    });
    expect(reply).toEqual({
      ok: false,
      error: { code: 'unauthenticated', message: 'Email or password is incorrect' },
    });
  });

  it('signs out by its own clock after 30 idle minutes, without asking the server', async () => {
    await bg.handle({
      name: 'login',
      input: { email: 'treatment_coordinator@demo.test', password: 'sidecar-demo' },
    });
    bg.advance(30 * 60_000);
    const reply = await bg.handle({ name: 'getSession', input: undefined });
    expect(reply.ok && reply.data).toEqual({
      status: 'signed_out',
      reason: 'Your session ended. Sign in again.',
    });
  });

  it('signs out when the server no longer accepts the token', async () => {
    await bg.handle({ name: 'login', input: { email: 'provider@demo.test', password: 'sidecar-demo' } });
    const auth = bg.auth() as { token: string };
    await fetch(`${api}/api/v1/auth/logout`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${auth.token}` },
    });
    const reply = await bg.handle({ name: 'getSession', input: undefined });
    expect(reply.ok && reply.data.status).toBe('signed_out');
  });

  it('logs out on the server and locally', async () => {
    await bg.handle({
      name: 'login',
      input: { email: 'clinical_staff@demo.test', password: 'sidecar-demo' },
    });
    const token = (bg.auth() as { token: string }).token;
    expect(bg.forgotten()).toBe(0);
    await bg.handle({ name: 'logout', input: undefined });
    expect(bg.auth()).toEqual({ kind: 'signed_out' });
    // What this person chose in the panel is not left for the next one.
    expect(bg.forgotten()).toBe(1);
    const me = await fetch(`${api}/api/v1/me`, { headers: { Authorization: `Bearer ${token}` } });
    expect(me.status).toBe(401);
  });

  it('says clearly when the server cannot be reached', async () => {
    await bg.handle({ name: 'setServerUrl', input: { serverUrl: 'http://127.0.0.1:9' } });
    const reply = await bg.handle({
      name: 'login',
      input: { email: 'treatment_coordinator@demo.test', password: 'sidecar-demo' },
    });
    expect(reply.ok).toBe(false);
    if (!reply.ok)
      expect(reply.error.message).toBe(
        "Can't reach the server at http://127.0.0.1:9. Check the address in Settings and that the server is running.",
      );
  });

  it('refuses an invalid server address and signs out when the server changes', async () => {
    const bad = await bg.handle({ name: 'setServerUrl', input: { serverUrl: 'http://crm.example.com' } });
    expect(bad).toEqual({
      ok: false,
      error: { code: 'validation_failed', message: 'Use https:// for a server that is not on this computer' },
    });
    await bg.handle({
      name: 'login',
      input: { email: 'treatment_coordinator@demo.test', password: 'sidecar-demo' },
    });
    await bg.handle({ name: 'setServerUrl', input: { serverUrl: 'https://crm.example.com/' } });
    expect(bg.auth().kind).toBe('signed_out');
  });
});

describe('a call that ends after the session changed', () => {
  it('does not bring back a session signed out while the call was in flight', async () => {
    let auth: StoredAuth = { kind: 'signed_out' };
    let release: () => void = () => undefined;
    const deps: BackgroundDeps = {
      fetch: async (input, init) => {
        const res = await fetch(input, init);
        // The server has answered; hold the answer until the test has signed out.
        if (String(input).endsWith('/api/v1/patients?limit=7')) {
          await new Promise<void>((r) => {
            release = r;
          });
        }
        return res;
      },
      auth: {
        get: async () => auth,
        set: async (v) => {
          auth = v;
        },
      },
      serverUrl: { get: async () => api, set: async () => undefined },
      now: () => Date.now(),
      forgetUser: async () => undefined,
      leadOutbox: { get: async () => [], set: async () => undefined },
      captureBlocklist: { get: async () => [], set: async () => undefined },
    };
    const handle = createBackgroundHandler(deps);
    await handle({ name: 'login', input: { email: 'clinical_staff@demo.test', password: 'sidecar-demo' } });
    const slow = handle({ name: 'api', input: { method: 'GET', path: '/api/v1/patients?limit=7' } });
    await new Promise((r) => setTimeout(r, 50));
    await handle({ name: 'logout', input: undefined });
    release();
    await slow;
    expect(auth.kind).toBe('signed_out');
  });
});
