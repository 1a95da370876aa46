import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { sessions } from '../../db/schema';
import { hashPassword, PBKDF2_ITERATIONS, verifyPassword } from '../../worker/lib/password-hash';
import { api, db, loginAs, seed } from './helpers';

beforeAll(() => seed());

const login = (email: string, password: string, ip = '198.51.100.1') =>
  api('/api/v1/auth/login', { body: { email, password }, ip });

describe('sign-in', () => {
  it('signs in with email and password and describes the member at /me', async () => {
    const res = await login('Clinic_Admin@Demo.test ', 'sidecar-demo');
    expect(res.status).toBe(200);
    expect(res.json.status).toBe('signed_in');
    expect(res.json.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const me = await api('/api/v1/me', { token: res.json.token });
    expect(me.status).toBe(200);
    expect(me.json.user.email).toBe('clinic_admin@demo.test');
    expect(me.json.organization.name).toBe('Demo Care Operations');
    expect(me.json.role).toBe('clinic_admin');
    expect(me.json.permissions).toEqual(expect.arrayContaining(['users:full', 'audit:view', 'lead:assign']));
    expect(me.json.session.idleTimeoutSeconds).toBe(1800);
  });

  it('stores tokens only as hashes', async () => {
    const token = await loginAs('front_desk');
    const rows = await db().select({ tokenHash: sessions.tokenHash }).from(sessions);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.some((r) => r.tokenHash === token)).toBe(false);
  });

  it('answers a wrong password and an unknown address identically', async () => {
    const wrong = await login('doctor@demo.test', 'not-the-password', '198.51.100.2');
    const unknown = await login('nobody@demo.test', 'not-the-password', '198.51.100.2');
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.json.error.message).toBe(unknown.json.error.message);
    expect(wrong.json.error.message).toBe('Email or password is incorrect');
  });

  it('makes an account wait after 3 failures, even with the right password from a new address, with Retry-After', async () => {
    for (let i = 0; i < 3; i++)
      expect((await login('billing@demo.test', 'wrong-password!', `192.0.2.${i + 1}`)).status).toBe(401);
    const blocked = await login('billing@demo.test', 'sidecar-demo', '192.0.2.99');
    expect(blocked.status).toBe(429);
    expect(blocked.json.error.code).toBe('rate_limited');
    expect(Number(blocked.headers.get('Retry-After'))).toBeGreaterThan(0);
    // Another account from another address is unaffected.
    expect((await login('read_only@demo.test', 'sidecar-demo', '192.0.2.100')).status).toBe(200);
  });

  it('counts parallel guesses too: no burst gets past the limit', async () => {
    const burst = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        login('facility_admin@demo.test', 'wrong-password!', `192.0.2.${50 + i}`),
      ),
    );
    const statuses = burst.map((r) => r.status);
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(5);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(7);
  });

  it('answers wrong passwords from an address past 20 failures with 429, and still admits a right one', async () => {
    for (let i = 0; i < 20; i++) await login(`guess${i}@demo.test`, 'wrong-password!', '203.0.113.77');
    const slowed = await login('guess-more@demo.test', 'wrong-password!', '203.0.113.77');
    expect(slowed.status).toBe(429);
    expect((await login('provider@demo.test', 'sidecar-demo', '203.0.113.77')).status).toBe(200);
  });

  it('ends a session after 30 minutes idle', async () => {
    const token = await loginAs('doctor');
    expect((await api('/api/v1/me', { token })).status).toBe(200);
    const thirtyOneMinutesAgo = new Date(Date.now() - 31 * 60_000).toISOString();
    await db()
      .update(sessions)
      .set({ lastSeenAt: thirtyOneMinutesAgo })
      .where(eq(sessions.userId, 'usr_demo_doctor'));
    const res = await api('/api/v1/me', { token });
    expect(res.status).toBe(401);
    expect(res.json.error.message).toBe('Your session has ended. Sign in again.');
  });

  it('keeps an active session alive by refreshing its idle clock', async () => {
    const token = await loginAs('clinical_staff');
    const twentyMinutesAgo = new Date(Date.now() - 20 * 60_000).toISOString();
    await db()
      .update(sessions)
      .set({ lastSeenAt: twentyMinutesAgo })
      .where(eq(sessions.userId, 'usr_demo_clinical_staff'));
    expect((await api('/api/v1/me', { token })).status).toBe(200);
    const [row] = await db().select().from(sessions).where(eq(sessions.userId, 'usr_demo_clinical_staff'));
    expect(Date.parse(row!.lastSeenAt)).toBeGreaterThan(Date.now() - 60_000);
  });

  it('ends a session 12 hours after sign-in however active it is', async () => {
    const token = await loginAs('treatment_coordinator');
    const [row] = await db()
      .select()
      .from(sessions)
      .where(eq(sessions.userId, 'usr_demo_treatment_coordinator'));
    expect(Date.parse(row!.expiresAt) - Date.parse(row!.createdAt)).toBe(12 * 3600_000);
    await db()
      .update(sessions)
      .set({ expiresAt: new Date(Date.now() - 1000).toISOString() })
      .where(eq(sessions.id, row!.id));
    expect((await api('/api/v1/me', { token })).status).toBe(401);
  });

  it('logs out: the token stops working at once', async () => {
    const token = await loginAs('super_admin');
    expect((await api('/api/v1/auth/logout', { method: 'POST', token })).status).toBe(204);
    expect((await api('/api/v1/me', { token })).status).toBe(401);
  });

  it('refuses requests without a token', async () => {
    const res = await api('/api/v1/me');
    expect(res.status).toBe(401);
    expect(res.json.error.code).toBe('unauthenticated');
  });

  it('hashes passwords with salted PBKDF2 at no more than the 100,000 iterations Workers allow', async () => {
    expect(PBKDF2_ITERATIONS).toBeLessThanOrEqual(100_000);
    const a = await hashPassword('a long passphrase here');
    const b = await hashPassword('a long passphrase here');
    expect(a).not.toBe(b);
    expect(a.split('$')[1]).toBe(String(PBKDF2_ITERATIONS));
    expect(await verifyPassword('a long passphrase here', a)).toBe(true);
    expect(await verifyPassword('a long passphrase herE', a)).toBe(false);
  });
});
