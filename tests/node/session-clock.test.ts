import { describe, expect, it } from 'vitest';
import {
  type BackgroundDeps,
  createBackgroundHandler,
  type StoredAuth,
} from '../../extension/background/handler';
import type { Me } from '../../extension/utils/messages';

// The background's own clocks (idle limit, two-factor step expiry) with a fake
// server, so the timing can be moved at will.
const T0 = Date.parse('2026-01-05T09:00:00Z');
const MINUTE = 60_000;

const me: Me = {
  user: { id: 'usr_1', email: 'clinic_admin@demo.test', name: 'Clinic Admin', twoFactorEnabled: false },
  organization: { id: 'org_1', name: 'Demo Care Operations', requireTwoFactor: false },
  role: 'clinic_admin',
  permissions: ['leads:view'],
  session: { expiresAt: new Date(T0 + 12 * 60 * MINUTE).toISOString(), idleTimeoutSeconds: 30 * 60 },
  twoFactorSetupRequired: false,
};

function setup(auth: StoredAuth) {
  let stored = auth;
  let now = T0;
  const requests: string[] = [];
  const deps: BackgroundDeps = {
    fetch: (async (url: string, init: RequestInit) => {
      requests.push(`${init.method} ${new URL(url).pathname}`);
      if (url.endsWith('/api/v1/me')) return Response.json(me);
      if (url.endsWith('/api/v1/auth/login'))
        return Response.json({
          status: 'two_factor_required',
          challengeToken: 'chl_1',
          expiresAt: new Date(now + 5 * MINUTE).toISOString(),
        });
      return Response.json({ status: 'signed_in', token: 'tok_2', expiresAt: me.session.expiresAt, me });
    }) as unknown as typeof fetch,
    auth: {
      get: async () => stored,
      set: async (v) => {
        stored = v;
      },
    },
    serverUrl: { get: async () => 'http://127.0.0.1:8787', set: async () => undefined },
    now: () => now,
    forgetUser: async () => undefined,
    leadOutbox: { get: async () => [], set: async () => undefined },
    captureBlocklist: { get: async () => [], set: async () => undefined },
  };
  return {
    handle: createBackgroundHandler(deps),
    stored: () => stored,
    requests,
    advance(ms: number) {
      now += ms;
    },
  };
}

describe('the idle limit', () => {
  it('keeps the session when the panel’s timer fires but a call was made since', async () => {
    const bg = setup({ kind: 'session', token: 'tok_1', me, lastActivityAt: T0 });
    bg.advance(20 * MINUTE);
    await bg.handle({ name: 'api', input: { method: 'GET', path: '/api/v1/me' } });
    bg.advance(15 * MINUTE); // 35 minutes after the panel last saw activity, 15 after the call
    const reply = await bg.handle({ name: 'expire', input: undefined });
    expect(reply.ok && reply.data.status).toBe('signed_in');
    expect(reply.ok && reply.data.status === 'signed_in' && reply.data.lastActivityAt).toBe(T0 + 20 * MINUTE);
  });

  it('ends the session once 30 minutes pass without a call', async () => {
    const bg = setup({ kind: 'session', token: 'tok_1', me, lastActivityAt: T0 });
    bg.advance(30 * MINUTE);
    const reply = await bg.handle({ name: 'expire', input: undefined });
    expect(reply).toEqual({
      ok: true,
      data: { status: 'signed_out', reason: 'Your session ended. Sign in again.' },
    });
    expect(bg.stored()).toEqual({ kind: 'signed_out', reason: 'Your session ended. Sign in again.' });
  });

  it('ends the session at the absolute limit even when active', async () => {
    const bg = setup({ kind: 'session', token: 'tok_1', me, lastActivityAt: T0 + 12 * 60 * MINUTE - 1 });
    bg.advance(12 * 60 * MINUTE);
    const reply = await bg.handle({ name: 'getSession', input: undefined });
    expect(reply.ok && reply.data.status).toBe('signed_out');
    expect(bg.requests).toEqual([]);
  });
});

describe('the two-factor step', () => {
  it('asks for the code, then signs in with it', async () => {
    const bg = setup({ kind: 'signed_out' });
    const first = await bg.handle({ name: 'login', input: { email: 'a@demo.test', password: 'pw' } });
    expect(first).toEqual({ ok: true, data: { status: 'two_factor_required', email: 'a@demo.test' } });
    const second = await bg.handle({ name: 'loginTwoFactor', input: { code: '123456' } });
    expect(second.ok && second.data.status).toBe('signed_in');
    expect(bg.stored()).toMatchObject({ kind: 'session', token: 'tok_2' });
  });

  it('starts over when the step has expired, without sending the code', async () => {
    const bg = setup({ kind: 'signed_out' });
    await bg.handle({ name: 'login', input: { email: 'a@demo.test', password: 'pw' } });
    bg.advance(5 * MINUTE);
    const reply = await bg.handle({ name: 'getSession', input: undefined });
    expect(reply).toEqual({
      ok: true,
      data: {
        status: 'signed_out',
        reason: 'This sign-in has expired. Enter your email and password again.',
      },
    });
    await bg.handle({ name: 'loginTwoFactor', input: { code: '123456' } });
    expect(bg.requests).toEqual(['POST /api/v1/auth/login']);
  });
});

describe('the protocol', () => {
  it('answers an unknown message with an error instead of throwing', async () => {
    const bg = setup({ kind: 'signed_out' });
    const reply = await bg.handle({ name: 'nope' as 'logout', input: undefined });
    expect(reply).toEqual({ ok: false, error: { code: 'unknown_message', message: 'Unknown message nope' } });
  });

  it('refuses API paths outside /api/v1', async () => {
    const bg = setup({ kind: 'session', token: 'tok_1', me, lastActivityAt: T0 });
    const reply = await bg.handle({ name: 'api', input: { method: 'GET', path: '/api/v1/../admin' } });
    expect(reply.ok).toBe(false);
    expect(bg.requests).toEqual([]);
  });
});
