import { beforeAll, describe, expect, it } from 'vitest';
import { api, loginAs } from './helpers';

let coordinator: string;
let readOnly: string;
let other: string;

beforeAll(async () => {
  coordinator = await loginAs('treatment_coordinator');
  readOnly = await loginAs('read_only');
  other = await loginAs('clinic_admin', 'other');
});

const newLead = async (body: Record<string, unknown>) => {
  const res = await api('/api/v1/leads', { token: coordinator, body });
  expect(res.status).toBe(201);
  return res.json.lead as { id: string };
};

describe('lead coordinators', () => {
  it('lists the members whose role looks after leads, with their open leads', async () => {
    const before = (await api('/api/v1/lead-coordinators', { token: readOnly })).json.items;
    expect(before.map((c: { id: string }) => c.id).sort()).toEqual(
      [
        'mem_demo_clinic_admin',
        'mem_demo_front_desk',
        'mem_demo_super_admin',
        'mem_demo_treatment_coordinator',
      ].sort(),
    );
    const mine = () =>
      api('/api/v1/lead-coordinators', { token: readOnly }).then(
        (r) => r.json.items.find((c: { id: string }) => c.id === 'mem_demo_treatment_coordinator').openLeads,
      );
    const start = await mine();
    const lead = await newLead({
      firstName: 'Ada',
      lastName: 'Load',
      email: `ada.load.${Date.now()}@example.test`,
      coordinatorId: 'mem_demo_treatment_coordinator',
    });
    expect(await mine()).toBe(start + 1);
    // A lead that is won no longer counts as open work.
    const stages = (await api('/api/v1/pipeline-stages', { token: coordinator })).json.items;
    const won = stages.find((s: { outcome: string }) => s.outcome === 'won');
    await api(`/api/v1/leads/${lead.id}/stage`, { token: coordinator, body: { stageId: won.id } });
    expect(await mine()).toBe(start);
  });

  it('shows another organisation only its own people', async () => {
    const items = (await api('/api/v1/lead-coordinators', { token: other })).json.items;
    expect(items.map((c: { id: string }) => c.id)).toEqual(['mem_other_clinic_admin']);
  });
});

describe('correcting a lead', () => {
  it('changes details, keeps the duplicate check in step, and records which fields changed', async () => {
    const stamp = Date.now();
    const lead = await newLead({
      firstName: 'Cora',
      lastName: 'Typo',
      phone: `(512) 555-${String(stamp).slice(-4)}`,
    });
    const res = await api(`/api/v1/leads/${lead.id}`, {
      token: coordinator,
      method: 'PATCH',
      body: { lastName: 'Tipton', email: `Cora.${stamp}@Example.test`, notes: null },
    });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ lastName: 'Tipton', email: `cora.${stamp}@example.test` });
    const match = await api('/api/v1/leads/match', {
      token: coordinator,
      body: { email: `cora.${stamp}@example.test` },
    });
    expect(match.json.items.map((m: { id: string }) => m.id)).toEqual([lead.id]);
    const trail = await api(`/api/v1/audit?entityType=lead&entityId=${lead.id}`, {
      token: await loginAs('clinic_admin'),
    });
    const update = trail.json.items.find((e: { action: string }) => e.action === 'update');
    expect(update.detail.changed.sort()).toEqual(['email', 'lastName', 'notes']);
    expect(JSON.stringify(update.detail)).not.toContain('Tipton');
  });

  it('refuses to leave a lead with no way to reach them', async () => {
    const lead = await newLead({
      firstName: 'Only',
      lastName: 'Email',
      email: `only.${Date.now()}@example.test`,
    });
    const res = await api(`/api/v1/leads/${lead.id}`, {
      token: coordinator,
      method: 'PATCH',
      body: { email: null },
    });
    expect(res.status).toBe(400);
    expect(res.json.error.details).toEqual([{ path: 'email', issue: 'email or phone required' }]);
  });

  it('answers 400 for an empty change, 403 without leads:edit, 404 for another organisation', async () => {
    const lead = await newLead({
      firstName: 'Guard',
      lastName: 'Rails',
      email: `guard.${Date.now()}@example.test`,
    });
    const path = `/api/v1/leads/${lead.id}`;
    expect((await api(path, { token: coordinator, method: 'PATCH', body: {} })).status).toBe(400);
    expect((await api(path, { token: readOnly, method: 'PATCH', body: { firstName: 'X' } })).status).toBe(
      403,
    );
    const foreign = await api(path, { token: other, method: 'PATCH', body: { firstName: 'X' } });
    const missing = await api('/api/v1/leads/led_missing', {
      token: other,
      method: 'PATCH',
      body: { firstName: 'X' },
    });
    // Identical apart from the request id: nothing tells the lead exists.
    const { requestId: _a, ...foreignError } = foreign.json.error;
    const { requestId: _b, ...missingError } = missing.json.error;
    expect(foreignError).toEqual(missingError);
    expect(foreign.status).toBe(404);
  });
});
