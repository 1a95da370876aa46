import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../db/schema';
import { api, db, loginAs, seed } from './helpers';

beforeAll(() => seed());

type Event = {
  action: string;
  entityType: string;
  entityId: string | null;
  outcome: string;
  actorUserId: string | null;
  ip: string | null;
  userAgent: string | null;
  requestId: string | null;
  createdAt: string;
};

async function trail(query = '') {
  const token = await loginAs('super_admin');
  const res = await api(`/api/v1/audit?limit=200${query}`, { token });
  expect(res.status).toBe(200);
  return res.json.items as Event[];
}

describe('audit trail', () => {
  it('records sign-in, failed sign-in and sign-out with who, where and the request id', async () => {
    await api('/api/v1/auth/login', {
      body: { email: 'doctor@demo.test', password: 'wrong-password' },
      ip: '198.51.100.9',
    });
    const token = await loginAs('doctor', 'demo', '198.51.100.9');
    await api('/api/v1/auth/logout', { method: 'POST', token, ip: '198.51.100.9' });
    const events = await trail('&actorUserId=usr_demo_doctor');
    const actions = events.map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['login', 'logout']));
    const login = events.find((e) => e.action === 'login')!;
    // The actor is named by name, as staff know them, beside the id.
    expect(login).toMatchObject({
      ip: '198.51.100.9',
      outcome: 'success',
      entityType: 'session',
      actorName: 'Doctor (Demo)',
    });
    expect(login.requestId).toEqual(expect.any(String));
    // A failed login shows in the trail of the account's organisation...
    const failed = await trail('&action=login_failed');
    expect(failed.some((e) => e.actorUserId === 'usr_demo_doctor' && e.outcome === 'failure')).toBe(true);
    // ...and one for an unknown address belongs to no tenant: kept, but in nobody's trail.
    await api('/api/v1/auth/login', {
      body: { email: 'ghost@demo.test', password: 'wrong-password' },
      ip: '198.51.100.9',
    });
    const all = await db().select().from(auditEvents).where(sql`${auditEvents.action} = 'login_failed'`);
    expect(all.some((e) => e.organizationId === null && e.actorUserId === null)).toBe(true);
    expect((await trail('&action=login_failed')).every((e) => e.actorUserId !== null)).toBe(true);
  });

  it('records reads and writes of users, memberships and invitations', async () => {
    const admin = await loginAs('clinic_admin');
    await api('/api/v1/members', { token: admin });
    await api('/api/v1/members/mem_demo_billing', { token: admin });
    await api('/api/v1/invitations', {
      token: admin,
      body: { email: 'audited@example.test', role: 'billing' },
    });
    await api('/api/v1/me', { token: admin });
    const events = await trail('&actorUserId=usr_demo_clinic_admin');
    const seen = events.map((e) => `${e.action}:${e.entityType}`);
    expect(seen).toEqual(
      expect.arrayContaining(['list:membership', 'read:membership', 'invite:invitation', 'read:user']),
    );
  });

  it('records refused requests as denied', async () => {
    const token = await loginAs('billing');
    await api('/api/v1/audit', { token });
    const events = await trail('&actorUserId=usr_demo_billing');
    expect(events.some((e) => e.outcome === 'denied')).toBe(true);
  });

  it('filters by action and time range', async () => {
    const from = new Date(Date.now() - 60_000).toISOString();
    await loginAs('front_desk');
    const logins = await trail(`&action=login&from=${from}`);
    expect(logins.length).toBeGreaterThan(0);
    expect(logins.every((e) => e.action === 'login' && e.createdAt >= from)).toBe(true);
    const none = await trail(`&to=${new Date(Date.now() - 3_600_000).toISOString()}`);
    expect(none).toHaveLength(0);
  });

  it('cannot be changed or deleted, not even by SQL', async () => {
    await loginAs('clinic_admin');
    const [row] = await db().select().from(auditEvents).limit(1);
    await expect(
      db().update(auditEvents).set({ outcome: 'failure' }).where(sql`${auditEvents.id} = ${row!.id}`),
    ).rejects.toThrow();
    await expect(db().delete(auditEvents).where(sql`${auditEvents.id} = ${row!.id}`)).rejects.toThrow();
    const token = await loginAs('super_admin');
    expect((await api(`/api/v1/audit/${row!.id}`, { method: 'DELETE', token })).status).toBe(404);
    expect(
      (await api(`/api/v1/audit/${row!.id}`, { method: 'PATCH', token, body: { outcome: 'x' } })).status,
    ).toBe(404);
  });
});
