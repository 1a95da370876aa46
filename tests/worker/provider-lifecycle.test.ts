import { beforeAll, describe, expect, it } from 'vitest';
import { api, createFacility, loginAs, seed } from './helpers';

let admin: string;
let facilityId: string;

beforeAll(async () => {
  await seed();
  admin = await loginAs('clinic_admin');
  facilityId = await createFacility(admin, 'Lifecycle Lodge');
});

let n = 0;
async function activePatient() {
  n++;
  const id = (
    await api('/api/v1/patients', {
      token: admin,
      body: { facilityId, firstName: `L${n}`, lastName: 'Life', dateOfBirth: '1946-01-01' },
    })
  ).json.id as string;
  await api(`/api/v1/patients/${id}/status`, {
    token: admin,
    body: { status: 'active', reason: 'on paper' },
  });
  return id;
}

async function newProvider(name: string, capacity: number) {
  return (await api('/api/v1/providers', { token: admin, body: { name, capacity } })).json.id as string;
}

const pool = async () =>
  (await api(`/api/v1/assignments/pending?facilityId=${facilityId}`, { token: admin })).json.items.map(
    (p: { id: string }) => p.id,
  );

describe('provider edit, retirement and reactivation', () => {
  it('edits a provider, refusing a capacity below their patients and a clashing NPI', async () => {
    const id = await newProvider('Dr Edit', 3);
    const p1 = await activePatient();
    const p2 = await activePatient();
    await api('/api/v1/assignments', {
      token: admin,
      body: { assignments: [p1, p2].map((patientId) => ({ patientId, providerId: id })) },
    });
    const edited = await api(`/api/v1/providers/${id}`, {
      method: 'PATCH',
      token: admin,
      body: { name: 'Dr Edith', specialty: 'Geriatrics', capacity: 2, email: 'edith@example.test' },
    });
    expect(edited.status).toBe(200);
    expect(edited.json).toMatchObject({ name: 'Dr Edith', specialty: 'Geriatrics', capacity: 2, load: 2 });
    const tooSmall = await api(`/api/v1/providers/${id}`, {
      method: 'PATCH',
      token: admin,
      body: { capacity: 1 },
    });
    expect(tooSmall.status).toBe(409);
    expect(tooSmall.json.error.message).toBe(
      'Dr Edith has 2 patients now: capacity cannot be below that (reassign some first)',
    );
    await api('/api/v1/providers', {
      token: admin,
      body: { name: 'Dr Npi', npi: '1234567893', capacity: 1 },
    });
    const clash = await api(`/api/v1/providers/${id}`, {
      method: 'PATCH',
      token: admin,
      body: { npi: '1234567893' },
    });
    expect(clash.status).toBe(409);
    const empty = await api(`/api/v1/providers/${id}`, { method: 'PATCH', token: admin, body: {} });
    expect(empty.status).toBe(400);
    const cleared = await api(`/api/v1/providers/${id}`, {
      method: 'PATCH',
      token: admin,
      body: { email: null },
    });
    expect(cleared.json.email).toBeNull();
  });

  it('retires a provider after confirming who returns to the pool, then reactivates them', async () => {
    const id = await newProvider('Dr Retire', 5);
    const a = await activePatient();
    const b = await activePatient();
    await api('/api/v1/assignments', {
      token: admin,
      body: { assignments: [a, b].map((patientId) => ({ patientId, providerId: id })) },
    });
    expect(await pool()).not.toContain(a);

    const preview = await api(`/api/v1/providers/${id}/retirement`, { token: admin });
    expect(preview.status).toBe(200);
    expect(preview.json.patients.map((p: { id: string }) => p.id).sort()).toEqual([a, b].sort());
    expect(preview.json.patients[0].facilityName).toBe('Lifecycle Lodge');

    // A confirmation of a different list moves nobody.
    const stale = await api(`/api/v1/providers/${id}/retire`, { token: admin, body: { patientIds: [a] } });
    expect(stale.status).toBe(409);
    expect(stale.json.error.message).toBe(
      'Dr Retire now has 2 patients, not the 1 you confirmed: review the list again',
    );
    expect(await pool()).not.toContain(a);

    const retired = await api(`/api/v1/providers/${id}/retire`, {
      token: admin,
      body: { patientIds: [b, a] },
    });
    expect(retired.status).toBe(200);
    expect(retired.json).toMatchObject({ returnedToPool: 2, provider: { active: false, load: 0 } });
    expect(await pool()).toEqual(expect.arrayContaining([a, b]));
    const history = (await api(`/api/v1/assignments/history/${a}`, { token: admin })).json.items;
    expect(history.at(-1)).toMatchObject({ providerId: id, endReason: 'provider_retired' });

    // A retired provider takes no patients, until reactivated.
    const refused = await api('/api/v1/assignments', {
      token: admin,
      body: { assignments: [{ patientId: a, providerId: id }] },
    });
    expect(refused.status).toBe(404);
    expect(
      (await api(`/api/v1/providers/${id}/retire`, { token: admin, body: { patientIds: [] } })).status,
    ).toBe(409);
    const back = await api(`/api/v1/providers/${id}/reactivate`, { method: 'POST', token: admin });
    expect(back.json).toMatchObject({ active: true, load: 0 });
    const assigned = await api('/api/v1/assignments', {
      token: admin,
      body: { assignments: [{ patientId: a, providerId: id }] },
    });
    expect(assigned.status).toBe(200);
  });

  it('keeps providers to their organisation and to roles that manage them', async () => {
    const id = await newProvider('Dr Private', 2);
    const other = await loginAs('clinic_admin', 'other');
    for (const res of [
      await api(`/api/v1/providers/${id}`, { method: 'PATCH', token: other, body: { name: 'X' } }),
      await api(`/api/v1/providers/${id}/retirement`, { token: other }),
      await api(`/api/v1/providers/${id}/retire`, { token: other, body: { patientIds: [] } }),
      await api(`/api/v1/providers/${id}/reactivate`, { method: 'POST', token: other }),
    ])
      expect(res.status).toBe(404);
    const reader = await loginAs('read_only');
    const refused = await api(`/api/v1/providers/${id}/retire`, { token: reader, body: { patientIds: [] } });
    expect(refused.status).toBe(403);
    expect(refused.json.error.code).toBeDefined();
  });
});
