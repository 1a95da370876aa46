import { beforeAll, describe, expect, it } from 'vitest';
import { api, createFacility, loginAs, seed } from './helpers';

let admin: string;
let fa: string;
let ownFacility: string;
let otherFacility: string;
let ownProvider: string;

async function activePatient(facilityId: string, firstName: string) {
  const id = (
    await api('/api/v1/patients', {
      token: admin,
      body: { facilityId, firstName, lastName: 'Scope', dateOfBirth: '1947-01-01' },
    })
  ).json.id as string;
  await api(`/api/v1/patients/${id}/status`, {
    token: admin,
    body: { status: 'active', reason: 'on paper' },
  });
  return id;
}

async function providerWith(name: string, email: string, patientId: string) {
  const id = (await api('/api/v1/providers', { token: admin, body: { name, email, capacity: 9 } })).json.id;
  await api('/api/v1/assignments', { token: admin, body: { assignments: [{ patientId, providerId: id }] } });
  return id as string;
}

beforeAll(async () => {
  await seed();
  admin = await loginAs('clinic_admin');
  ownFacility = await createFacility(admin, 'Scope Gardens');
  otherFacility = await createFacility(admin, 'Other Gardens');
  const attached = await api(`/api/v1/facilities/${ownFacility}`, {
    method: 'PATCH',
    token: admin,
    body: { administrator: { name: 'FA', email: 'facility_admin@demo.test' } },
  });
  expect(attached.status).toBe(200);
  fa = await loginAs('facility_admin');
  ownProvider = await providerWith('Dr Own', 'own@example.test', await activePatient(ownFacility, 'Mine'));
  await providerWith('Dr Elsewhere', 'elsewhere@example.test', await activePatient(otherFacility, 'Theirs'));
});

describe('what a facility administrator edits', () => {
  it("edits their facility's contacts and address, not what the organisation keeps", async () => {
    const contacts = await api(`/api/v1/facilities/${ownFacility}`, {
      method: 'PATCH',
      token: fa,
      body: { phone: '512-555-0142', website: 'https://scope.example' },
    });
    expect(contacts.status).toBe(200);
    expect(contacts.json.phone).toBe('512-555-0142');
    for (const [body, field] of [
      [{ name: 'Renamed Gardens' }, 'name'],
      [{ features: { emar: true } }, 'features'],
      [{ serviceCategories: ['pharmacy'] }, 'serviceCategories'],
      [{ cycleStartDay: 3 }, 'cycleStartDay'],
    ] as const) {
      const res = await api(`/api/v1/facilities/${ownFacility}`, { method: 'PATCH', token: fa, body });
      expect(res.status).toBe(403);
      expect(res.json.error.code).toBe('forbidden');
      expect(res.json.error.details).toEqual([{ path: field, issue: 'kept by the organisation' }]);
    }
    const mixed = await api(`/api/v1/facilities/${ownFacility}`, {
      method: 'PATCH',
      token: fa,
      body: { phone: '512-555-0199', name: 'Sneaky' },
    });
    expect(mixed.status).toBe(403);
    expect(mixed.json.error.message).toBe(
      "The organisation keeps a facility's name: ask its operations team to change it",
    );
    const after = (await api(`/api/v1/facilities/${ownFacility}`, { token: admin })).json;
    expect(after).toMatchObject({ name: 'Scope Gardens', phone: '512-555-0142' });
    const contract = await api(`/api/v1/facilities/${ownFacility}/contract`, {
      token: fa,
      body: { to: 'pending' },
    });
    expect(contract.status).toBe(403);
    // The organisation's administrators still change everything.
    const byOrg = await api(`/api/v1/facilities/${ownFacility}`, {
      method: 'PATCH',
      token: admin,
      body: { cycleStartDay: 5 },
    });
    expect(byOrg.status).toBe(200);
  });

  it("shapes their facility's own checklist, not the organisation's nor another facility's", async () => {
    const orgTemplate = (await api(`/api/v1/checklist-templates?facilityId=${ownFacility}`, { token: fa }))
      .json;
    expect(orgTemplate.facilityId).toBeNull();
    const refused = await api(`/api/v1/checklist-templates/${orgTemplate.id}/items`, {
      token: fa,
      body: { title: 'Org-wide', kind: 'task', required: true },
    });
    expect(refused.status).toBe(403);
    expect(refused.json.error.message).toBe(
      "The organisation's checklist is kept by the organisation: give your facility its own checklist to change it",
    );
    const own = await api('/api/v1/checklist-templates/facility-override', {
      token: fa,
      body: { facilityId: ownFacility },
    });
    expect(own.status).toBe(201);
    const added = await api(`/api/v1/checklist-templates/${own.json.id}/items`, {
      token: fa,
      body: { title: 'House rules signed', kind: 'task', required: false },
    });
    expect(added.status).toBe(200);
    const otherOwn = (
      await api('/api/v1/checklist-templates/facility-override', {
        token: admin,
        body: { facilityId: otherFacility },
      })
    ).json;
    const hidden = await api(`/api/v1/checklist-templates/${otherOwn.id}/preview`, {
      token: fa,
      body: { op: 'remove', itemId: otherOwn.items[0].id },
    });
    expect(hidden.status).toBe(404);
  });

  it("sees only the providers of their facility's patients, without emails, capacity or counts", async () => {
    const seen = await api('/api/v1/providers', { token: fa });
    expect(seen.status).toBe(200);
    expect(seen.json.items).toEqual([
      expect.objectContaining({
        id: ownProvider,
        name: 'Dr Own',
        email: null,
        phone: null,
        capacity: null,
        load: null,
      }),
    ]);
    const all = (await api('/api/v1/providers', { token: admin })).json.items;
    expect(all.find((p: { id: string }) => p.id === ownProvider)).toMatchObject({
      email: 'own@example.test',
      load: 1,
    });
  });
});
