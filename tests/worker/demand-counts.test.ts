import { beforeAll, describe, expect, it } from 'vitest';
import { api, createFacility, loginAs, seed } from './helpers';

// Demand plans supply and staff: a discharged patient needs nothing more, and a
// churned facility is no longer served, so neither counts.
let admin: string;
let medical: string[];

beforeAll(async () => {
  await seed();
  admin = await loginAs('clinic_admin');
  const catalogue = (await api('/api/v1/services', { token: admin })).json.items;
  medical = catalogue
    .filter((s: { category: string }) => s.category === 'medical')
    .slice(0, 2)
    .map((s: { id: string }) => s.id);
});

async function patientsWithMedical(facilityId: string, names: string[]) {
  const ids: string[] = [];
  for (const [i, firstName] of names.entries()) {
    const res = await api('/api/v1/patients', {
      token: admin,
      body: { facilityId, firstName, lastName: 'Demand', dateOfBirth: `1940-01-0${i + 1}` },
    });
    ids.push(res.json.id);
  }
  expect(
    (
      await api('/api/v1/patients/services/bulk', {
        token: admin,
        body: { patientIds: ids, serviceIds: medical },
      })
    ).status,
  ).toBe(200);
  return ids;
}

const demand = async () => (await api('/api/v1/facilities/demand', { token: admin })).json;

describe('demand counts', () => {
  it('leaves discharged patients out of a facility’s figures', async () => {
    const facilityId = await createFacility(admin, 'Counting Court', { serviceCategories: ['medical'] });
    const [gone] = await patientsWithMedical(facilityId, ['Al', 'Bea']);
    await api(`/api/v1/patients/${gone}/status`, {
      token: admin,
      body: { status: 'completed', reason: 'moved away' },
    });
    const row = (await demand()).items.find((i: { facilityId: string }) => i.facilityId === facilityId);
    expect(row.patients).toBe(1);
    expect(row.categories.medical).toMatchObject({ patients: 1, services: 2 });
  });

  it('leaves a churned facility out of the totals', async () => {
    const before = (await demand()).totals.medical;
    const facilityId = await createFacility(admin, 'Leaving Court', { serviceCategories: ['medical'] });
    await patientsWithMedical(facilityId, ['Cy', 'Di', 'Ed']);
    expect((await demand()).totals.medical.patients).toBe(before.patients + 3);
    for (const to of ['pending', 'active', 'churned'])
      await api(`/api/v1/facilities/${facilityId}/contract`, { token: admin, body: { to } });
    const after = await demand();
    expect(after.totals.medical).toEqual(before);
    const row = after.items.find((i: { facilityId: string }) => i.facilityId === facilityId);
    expect(row.contractStatus).toBe('churned');
  });
});
