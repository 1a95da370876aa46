import { eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginThrottles } from '../../db/schema';
import { iso } from '../../worker/lib/time';
import { api, db, loginAs, mailbox, seed } from './helpers';

// Brute force is kept out without handing out lock-outs: each wrong password
// makes the next try on that account wait longer, the office keeps signing in
// from the address its staff use, and a busy shared address never refuses a
// right password.
beforeAll(() => seed());
// The next file's accounts start unthrottled even if storage outlives this file.
afterAll(() => db().delete(loginThrottles));

const OFFICE = '198.51.100.20';
const login = (email: string, password: string, ip: string) =>
  api('/api/v1/auth/login', { body: { email, password }, ip });

/** Lets the current wait of every throttle key of `email` run out, as time would. */
async function waitOut(email: string) {
  await db()
    .update(loginThrottles)
    .set({ lockedUntil: iso(Date.now() - 1000) })
    .where(like(loginThrottles.key, `%${email}%`));
}

describe('sign-in throttling', () => {
  it('makes an attacker wait longer after each wrong password, and tells the account holder', async () => {
    const email = 'billing@demo.test';
    for (let i = 0; i < 3; i++)
      expect((await login(email, `guess-${i}`, `192.0.2.${i + 1}`)).status).toBe(401);
    const slowed = await login(email, 'guess-3', '192.0.2.9');
    expect(slowed.status).toBe(429);
    expect(slowed.json.error.code).toBe('rate_limited');
    const firstWait = Number(slowed.headers.get('Retry-After'));
    expect(firstWait).toBeGreaterThanOrEqual(5);
    expect(firstWait).toBeLessThanOrEqual(10);

    await waitOut(email);
    expect((await login(email, 'guess-4', '192.0.2.10')).status).toBe(401);
    const longer = await login(email, 'guess-5', '192.0.2.11');
    expect(longer.status).toBe(429);
    expect(Number(longer.headers.get('Retry-After'))).toBeGreaterThan(firstWait);

    const notices = (await mailbox()).filter((m) => m.recipient === email);
    expect(notices).toHaveLength(1);
    expect(notices[0]!.subject).toBe('Failed sign-in attempts on your Sidecar account');
    expect(notices[0]!.bodyText).toContain('192.0.2.3');
  });

  it('keeps the holder signing in from the address they use while a stranger is slowed elsewhere', async () => {
    const email = 'front_desk@demo.test';
    expect((await login(email, 'sidecar-demo', OFFICE)).status).toBe(200);
    for (let i = 0; i < 6; i++) await login(email, `guess-${i}`, '192.0.2.50');
    expect((await login(email, 'sidecar-demo', '192.0.2.51')).status).toBe(429);
    const atTheOffice = await login(email, 'sidecar-demo', OFFICE);
    expect(atTheOffice.status).toBe(200);
    expect(atTheOffice.json.status).toBe('signed_in');
  });

  it('slows a stranger at the office address too, per account', async () => {
    const email = 'clinical_staff@demo.test';
    expect((await login(email, 'sidecar-demo', OFFICE)).status).toBe(200);
    for (let i = 0; i < 3; i++) expect((await login(email, `guess-${i}`, OFFICE)).status).toBe(401);
    expect((await login(email, 'guess-3', OFFICE)).status).toBe(429);
    await waitOut(email);
    expect((await login(email, 'sidecar-demo', OFFICE)).status).toBe(200);
  });

  it('admits a right password from an address past its failure limit, and slows wrong ones there', async () => {
    const shared = '203.0.113.77';
    for (let i = 0; i < 21; i++) await login(`guess${i}@demo.test`, 'wrong-password!', shared);
    const wrong = await login('provider@demo.test', 'not-it', shared);
    expect(wrong.status).toBe(429);
    expect(Number(wrong.headers.get('Retry-After'))).toBeGreaterThan(0);
    const right = await login('super_admin@demo.test', 'sidecar-demo', shared);
    expect(right.status).toBe(200);
    expect(right.json.status).toBe('signed_in');
  });

  it('still asks for the second factor at such an address, and admits the right one', async () => {
    const token = await loginAs('facility_admin', 'demo', '198.51.100.60');
    const { currentTotp } = await import('../../worker/services/auth/two-factor');
    const setup = await api('/api/v1/me/two-factor/setup', { method: 'POST', token });
    const enabled = await api('/api/v1/me/two-factor/enable', {
      token,
      body: { code: currentTotp(setup.json.secret) },
    });
    expect(enabled.status).toBe(200);
    const shared = '203.0.113.88';
    for (let i = 0; i < 21; i++) await login(`nobody${i}@demo.test`, 'wrong-password!', shared);
    const first = await login('facility_admin@demo.test', 'sidecar-demo', shared);
    expect(first.status).toBe(200);
    expect(first.json.status).toBe('two_factor_required');
    const done = await api('/api/v1/auth/login/two-factor', {
      body: { challengeToken: first.json.challengeToken, code: enabled.json.backupCodes[0] },
      ip: shared,
    });
    expect(done.status).toBe(200);
    expect(done.json.token).toBeTruthy();
  });

  it('forgets an account’s failures after a right password', async () => {
    const email = 'read_only@demo.test';
    for (let i = 0; i < 2; i++) await login(email, `guess-${i}`, '192.0.2.70');
    expect((await login(email, 'sidecar-demo', '192.0.2.70')).status).toBe(200);
    const rows = await db()
      .select()
      .from(loginThrottles)
      .where(eq(loginThrottles.key, `account:${email}`));
    expect(rows).toHaveLength(0);
  });
});
