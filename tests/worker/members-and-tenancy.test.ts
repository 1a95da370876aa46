import { beforeAll, describe, expect, it } from 'vitest';
import { api, loginAs, seed } from './helpers';

beforeAll(() => seed());

describe('members', () => {
  it('lists members of the caller’s organisation only, in cursor pages', async () => {
    const admin = await loginAs('clinic_admin');
    const first = await api('/api/v1/members?limit=4', { token: admin });
    expect(first.status).toBe(200);
    expect(first.json.items).toHaveLength(4);
    expect(first.json.nextCursor).toEqual(expect.any(String));
    const seen = [...first.json.items];
    let cursor = first.json.nextCursor;
    while (cursor) {
      const page = await api(`/api/v1/members?limit=4&cursor=${encodeURIComponent(cursor)}`, {
        token: admin,
      });
      seen.push(...page.json.items);
      cursor = page.json.nextCursor;
    }
    expect(seen).toHaveLength(10);
    expect(new Set(seen.map((m) => m.id)).size).toBe(10);
    expect(seen.every((m) => m.email.endsWith('@demo.test'))).toBe(true);
  });

  it('changes a member’s role, which takes effect on their next request', async () => {
    const admin = await loginAs('clinic_admin');
    const member = await loginAs('billing');
    expect((await api('/api/v1/members', { token: member })).status).toBe(403);
    const changed = await api('/api/v1/members/mem_demo_billing', {
      method: 'PATCH',
      token: admin,
      body: { role: 'clinic_admin' },
    });
    expect(changed.status).toBe(200);
    expect(changed.json.role).toBe('clinic_admin');
    expect((await api('/api/v1/members', { token: member })).status).toBe(200);
  });

  it('deactivating a member ends their sessions at once and blocks sign-in', async () => {
    const admin = await loginAs('clinic_admin');
    const member = await loginAs('read_only');
    const res = await api('/api/v1/members/mem_demo_read_only', {
      method: 'PATCH',
      token: admin,
      body: { status: 'deactivated' },
    });
    expect(res.status).toBe(200);
    expect(res.json.status).toBe('deactivated');
    expect((await api('/api/v1/me', { token: member })).status).toBe(401);
    const login = await api('/api/v1/auth/login', {
      body: { email: 'read_only@demo.test', password: 'sidecar-demo' },
    });
    expect(login.status).toBe(403);
  });

  it('does not let administrators lock themselves out or a clinic admin grant super admin', async () => {
    const admin = await loginAs('clinic_admin');
    expect(
      (
        await api('/api/v1/members/mem_demo_clinic_admin', {
          method: 'PATCH',
          token: admin,
          body: { status: 'deactivated' },
        })
      ).status,
    ).toBe(409);
    expect(
      (
        await api('/api/v1/members/mem_demo_doctor', {
          method: 'PATCH',
          token: admin,
          body: { role: 'super_admin' },
        })
      ).status,
    ).toBe(403);
    expect(
      (await api('/api/v1/members/mem_demo_doctor', { method: 'PATCH', token: admin, body: {} })).status,
    ).toBe(400);
  });
});

describe('tenant isolation', () => {
  it('answers another organisation’s record exactly like a missing one', async () => {
    const other = await loginAs('clinic_admin', 'other');
    const foreign = await api('/api/v1/members/mem_demo_doctor', { token: other });
    const missing = await api('/api/v1/members/mem_does_not_exist', { token: other });
    expect(foreign.status).toBe(404);
    expect(missing.status).toBe(404);
    const strip = (b: { error: Record<string, unknown> }) => ({ ...b.error, requestId: undefined });
    expect(strip(foreign.json)).toEqual(strip(missing.json));
    const patch = await api('/api/v1/members/mem_demo_doctor', {
      method: 'PATCH',
      token: other,
      body: { role: 'billing' },
    });
    expect(patch.status).toBe(404);
    const demo = await loginAs('clinic_admin');
    expect((await api('/api/v1/members/mem_demo_doctor', { token: demo })).json.role).toBe('doctor');
  });

  it('keeps member lists, invitations and audit trails apart', async () => {
    const other = await loginAs('clinic_admin', 'other');
    const members = await api('/api/v1/members', { token: other });
    expect(members.json.items.map((m: { email: string }) => m.email)).toEqual(['clinic_admin@other.test']);
    const demo = await loginAs('clinic_admin');
    const sent = await api('/api/v1/invitations', {
      token: demo,
      body: { email: 'demo-only@example.test', role: 'billing' },
    });
    expect((await api('/api/v1/invitations', { token: other })).json.items).toHaveLength(0);
    expect(
      (await api(`/api/v1/invitations/${sent.json.id}`, { method: 'DELETE', token: other })).status,
    ).toBe(404);
    const trail = await api('/api/v1/audit?limit=200', { token: other });
    expect(trail.json.items.length).toBeGreaterThan(0);
    expect(
      trail.json.items.every((e: { organizationId: string }) => e.organizationId === 'org_other_practice'),
    ).toBe(true);
  });

  it('ignores an organisation id sent in a body', async () => {
    const other = await loginAs('clinic_admin', 'other');
    const res = await api('/api/v1/invitations', {
      token: other,
      body: { email: 'x@example.test', role: 'billing', organizationId: 'org_demo_care_operations' },
    });
    expect(res.status).toBe(400);
  });
});
