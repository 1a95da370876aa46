import { beforeAll, describe, expect, it } from 'vitest';
import { api, createFacility, loginAs, seed } from './helpers';

// A facility offers the services of the categories the organisation chose for
// it, nothing else; "all services" follows those categories as the catalogue
// grows, and demand counts what patients have today.
let admin: string;
type Service = { id: string; name: string; category: string; active: boolean };
let catalogue: Service[];
const inCategory = (category: string) => catalogue.filter((s) => s.category === category && s.active);

beforeAll(async () => {
  await seed();
  admin = await loginAs('clinic_admin');
  catalogue = (await api('/api/v1/services', { token: admin })).json.items;
});

async function addPatient(facilityId: string, firstName: string) {
  const res = await api('/api/v1/patients', {
    token: admin,
    body: { facilityId, firstName, lastName: 'Offer', dateOfBirth: '1945-06-07' },
  });
  expect(res.status).toBe(201);
  return res.json.id as string;
}

const choose = (patientId: string, body: object) =>
  api(`/api/v1/patients/${patientId}/services`, { method: 'PUT', token: admin, body });

const demandOf = async (facilityId: string) =>
  (await api(`/api/v1/facilities/demand?facilityId=${facilityId}`, { token: admin })).json;

describe('services a facility offers', () => {
  it('offers nothing until its categories are chosen, and says so', async () => {
    const facilityId = await createFacility(admin, 'Blank Slate Home');
    const patientId = await addPatient(facilityId, 'Nia');
    const message =
      "Blank Slate Home has no service categories yet: choose this facility's service categories first";
    const one = await choose(patientId, { serviceIds: [inCategory('medical')[0]!.id] });
    expect(one.status).toBe(409);
    expect(one.json.error.message).toBe(message);
    const all = await choose(patientId, { allHealthcareServices: true });
    expect(all.status).toBe(409);
    expect(all.json.error.message).toBe(message);
    // Clearing is always allowed.
    expect((await choose(patientId, { serviceIds: [] })).status).toBe(200);
  });

  it('refuses a service outside the facility’s categories, naming it and the categories, and writes nothing', async () => {
    const facilityId = await createFacility(admin, 'Two Kinds Home', {
      serviceCategories: ['support', 'medical'],
    });
    const patientId = await addPatient(facilityId, 'Oli');
    const medical = inCategory('medical')[0]!;
    expect((await choose(patientId, { serviceIds: [medical.id] })).status).toBe(200);
    const pharmacy = inCategory('pharmacy')[0]!;
    const refused = await choose(patientId, { serviceIds: [medical.id, pharmacy.id] });
    expect(refused.status).toBe(409);
    expect(refused.json.error.message).toBe(
      `${pharmacy.name} (Pharmacy) is outside Two Kinds Home's service categories (Support, Medical)`,
    );
    const bulk = await api('/api/v1/patients/services/bulk', {
      token: admin,
      body: { patientIds: [patientId], serviceIds: [pharmacy.id] },
    });
    expect(bulk.status).toBe(409);
    const patient = (await api(`/api/v1/patients/${patientId}`, { token: admin })).json;
    expect(patient.serviceIds).toEqual([medical.id]);
  });

  it('keeps a category its patients still use until their services change', async () => {
    const facilityId = await createFacility(admin, 'Shrinking Home', {
      serviceCategories: ['medical', 'support'],
    });
    const patientId = await addPatient(facilityId, 'Pip');
    expect((await choose(patientId, { serviceIds: [inCategory('medical')[0]!.id] })).status).toBe(200);
    const drop = () =>
      api(`/api/v1/facilities/${facilityId}`, {
        method: 'PATCH',
        token: admin,
        body: { serviceCategories: ['support'] },
      });
    const refused = await drop();
    expect(refused.status).toBe(409);
    expect(refused.json.error.message).toBe(
      '1 patient of Shrinking Home has Medical services: change their services before removing the category',
    );
    expect((await choose(patientId, { serviceIds: [] })).status).toBe(200);
    expect((await drop()).status).toBe(200);
  });
});

describe('all services', () => {
  it('covers every service of the facility’s categories, including ones added later, and demand follows', async () => {
    const facilityId = await createFacility(admin, 'Everything Home', {
      serviceCategories: ['support', 'pharmacy'],
    });
    const [ann, ben] = [await addPatient(facilityId, 'Ann'), await addPatient(facilityId, 'Ben')];
    const offered = () => [...inCategory('support'), ...inCategory('pharmacy')].map((s) => s.id).sort();
    const selected = await choose(ann, { allHealthcareServices: true });
    expect(selected.status).toBe(200);
    expect(selected.json).toMatchObject({ fullPackage: true, serviceIds: offered() });
    expect((await choose(ben, { serviceIds: [inCategory('support')[0]!.id] })).status).toBe(200);

    const before = await demandOf(facilityId);
    expect(before.items[0].categories.support).toMatchObject({
      patients: 2,
      services: inCategory('support').length + 1,
    });
    expect(before.items[0].categories.pharmacy).toMatchObject({
      patients: 1,
      services: inCategory('pharmacy').length,
    });
    expect(before.items[0].categories.medical).toMatchObject({ patients: 0, services: 0 });

    // A service added to a chosen category reaches "all" at once; one in another category does not.
    const added = await api('/api/v1/services', {
      token: admin,
      body: { category: 'support', name: 'Hearing checks' },
    });
    expect(added.status).toBe(201);
    const elsewhere = await api('/api/v1/services', {
      token: admin,
      body: { category: 'medical', name: 'Falls clinic' },
    });
    catalogue = (await api('/api/v1/services', { token: admin })).json.items;
    const patient = (await api(`/api/v1/patients/${ann}`, { token: admin })).json;
    expect(patient.fullPackage).toBe(true);
    expect(patient.serviceIds).toContain(added.json.id);
    expect(patient.serviceIds).not.toContain(elsewhere.json.id);
    expect(patient.serviceIds).toEqual(offered());

    const after = await demandOf(facilityId);
    expect(after.items[0].categories.support).toMatchObject({
      patients: 2,
      services: before.items[0].categories.support.services + 1,
    });
    expect(after.items[0].categories.medical.services).toBe(0);
    const perService = Object.fromEntries(
      after.byService.map((s: { serviceId: string; patients: number }) => [s.serviceId, s.patients]),
    );
    expect(perService[added.json.id]).toBe(1);
    expect(perService[inCategory('support')[0]!.id]).toBe(2);
    expect(perService[elsewhere.json.id]).toBeUndefined();

    // A retired service leaves "all" (and the demand) again.
    await api(`/api/v1/services/${added.json.id}`, {
      method: 'PATCH',
      token: admin,
      body: { active: false },
    });
    catalogue = (await api('/api/v1/services', { token: admin })).json.items;
    expect((await api(`/api/v1/patients/${ann}`, { token: admin })).json.serviceIds).toEqual(offered());
    expect((await demandOf(facilityId)).items[0].categories.support.services).toBe(
      before.items[0].categories.support.services,
    );
  });

  it('follows the facility’s categories when they change', async () => {
    const facilityId = await createFacility(admin, 'Growing Home', { serviceCategories: ['specialty'] });
    const patientId = await addPatient(facilityId, 'Cat');
    expect((await choose(patientId, { allHealthcareServices: true })).status).toBe(200);
    await api(`/api/v1/facilities/${facilityId}`, {
      method: 'PATCH',
      token: admin,
      body: { serviceCategories: ['specialty', 'medical'] },
    });
    const ids = (await api(`/api/v1/patients/${patientId}`, { token: admin })).json.serviceIds;
    expect(ids).toEqual([...inCategory('specialty'), ...inCategory('medical')].map((s) => s.id).sort());
    const demand = await demandOf(facilityId);
    expect(demand.items[0].categories.medical).toMatchObject({
      patients: 1,
      services: inCategory('medical').length,
    });
  });
});
