import { beforeAll, describe, expect, it } from 'vitest';
import { currentTotp } from '../../worker/services/auth/two-factor';
import { api, loginAs, seed } from './helpers';

beforeAll(() => seed());

const password = (email: string) =>
  api('/api/v1/auth/login', { body: { email, password: 'sidecar-demo' }, ip: '198.51.100.50' });

async function turnOn(role: string) {
  const token = await loginAs(role);
  const setup = await api('/api/v1/me/two-factor/setup', { method: 'POST', token });
  expect(setup.status).toBe(200);
  expect(setup.json.otpauthUrl).toMatch(/^otpauth:\/\/totp\/Sidecar%20CRM:/);
  const wrong = await api('/api/v1/me/two-factor/enable', { token, body: { code: '000000' } });
  expect(wrong.status).toBe(400);
  const enabled = await api('/api/v1/me/two-factor/enable', {
    token,
    body: { code: currentTotp(setup.json.secret) },
  });
  expect(enabled.status).toBe(200);
  expect(enabled.json.backupCodes).toHaveLength(10);
  return { token, secret: setup.json.secret as string, backupCodes: enabled.json.backupCodes as string[] };
}

describe('two-factor sign-in', () => {
  it('asks for a code after the password, and signs in with a current authenticator code', async () => {
    const { secret } = await turnOn('doctor');
    const first = await password('doctor@demo.test');
    expect(first.json.status).toBe('two_factor_required');
    expect(first.json.token).toBeUndefined();
    // The challenge is not a session.
    expect((await api('/api/v1/me', { token: first.json.challengeToken })).status).toBe(401);
    const bad = await api('/api/v1/auth/login/two-factor', {
      body: { challengeToken: first.json.challengeToken, code: '123456' },
    });
    expect(bad.status).toBe(401);
    // The code that turned 2FA on was spent then; the next 30-second step's code works.
    const replayed = await api('/api/v1/auth/login/two-factor', {
      body: { challengeToken: first.json.challengeToken, code: currentTotp(secret) },
    });
    expect(replayed.status).toBe(401);
    const ok = await api('/api/v1/auth/login/two-factor', {
      body: { challengeToken: first.json.challengeToken, code: currentTotp(secret, Date.now() + 30_000) },
    });
    expect(ok.status).toBe(200);
    expect(ok.json.me.user.twoFactorEnabled).toBe(true);
    expect((await api('/api/v1/me', { token: ok.json.token })).status).toBe(200);
    // A challenge is spent once used, and so is a code.
    const again = await api('/api/v1/auth/login/two-factor', {
      body: { challengeToken: first.json.challengeToken, code: currentTotp(secret, Date.now() + 30_000) },
    });
    expect(again.status).toBe(401);
    const second = await password('doctor@demo.test');
    const reused = await api('/api/v1/auth/login/two-factor', {
      body: { challengeToken: second.json.challengeToken, code: currentTotp(secret, Date.now() + 30_000) },
    });
    expect(reused.status).toBe(401);
  });

  it('accepts each backup code once', async () => {
    const { backupCodes } = await turnOn('billing');
    const code = backupCodes[0]!;
    const first = await password('billing@demo.test');
    const ok = await api('/api/v1/auth/login/two-factor', {
      body: { challengeToken: first.json.challengeToken, code: code.toUpperCase() },
    });
    expect(ok.status).toBe(200);
    const second = await password('billing@demo.test');
    const reused = await api('/api/v1/auth/login/two-factor', {
      body: { challengeToken: second.json.challengeToken, code },
    });
    expect(reused.status).toBe(401);
  });

  it('lets a user turn it off with their password unless the organisation requires it', async () => {
    const { token } = await turnOn('read_only');
    const wrong = await api('/api/v1/me/two-factor/disable', { token, body: { password: 'nope-nope-nope' } });
    expect(wrong.status).toBe(400);
    expect(
      (await api('/api/v1/me/two-factor/disable', { token, body: { password: 'sidecar-demo' } })).status,
    ).toBe(204);
    expect((await password('read_only@demo.test')).json.status).toBe('signed_in');
  });

  it('when the organisation requires it, members without it can only set it up', async () => {
    const admin = await loginAs('super_admin');
    const member = await loginAs('front_desk');
    const on = await api('/api/v1/organization', {
      method: 'PATCH',
      token: admin,
      body: { requireTwoFactor: true },
    });
    expect(on.status).toBe(200);
    expect(on.json.requireTwoFactor).toBe(true);

    const me = await api('/api/v1/me', { token: member });
    expect(me.status).toBe(200);
    expect(me.json.twoFactorSetupRequired).toBe(true);
    const blocked = await api('/api/v1/members', { token: admin });
    expect(blocked.status).toBe(403);
    expect(blocked.json.error.message).toContain('requires two-factor');

    const setup = await api('/api/v1/me/two-factor/setup', { method: 'POST', token: member });
    await api('/api/v1/me/two-factor/enable', {
      token: member,
      body: { code: currentTotp(setup.json.secret) },
    });
    expect((await api('/api/v1/me', { token: member })).json.twoFactorSetupRequired).toBe(false);
    const off = await api('/api/v1/me/two-factor/disable', {
      token: member,
      body: { password: 'sidecar-demo' },
    });
    expect(off.status).toBe(409);
  });

  it('is off in the demo organisation by default', async () => {
    const token = await loginAs('clinic_admin', 'other');
    expect((await api('/api/v1/me', { token })).json.organization.requireTwoFactor).toBe(false);
  });
});
