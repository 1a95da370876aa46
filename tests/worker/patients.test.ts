import { beforeAll, describe, expect, it } from 'vitest';
import { api, createFacility, loginAs, seed } from './helpers';

let admin: string;
let facilityId: string;
let otherFacilityId: string;

// Services are chosen within the facility's categories (ARCHITECTURE.md, "Services a facility offers").
const EVERY_CATEGORY = ['medical', 'pharmacy', 'specialty', 'support'];
const newFacility = (name: string, serviceCategories = EVERY_CATEGORY) =>
  createFacility(admin, name, { serviceCategories });

beforeAll(async () => {
  await seed();
  admin = await loginAs('clinic_admin');
  facilityId = await newFacility('Harbor View');
  otherFacilityId = await newFacility('Hill Top');
});

const jane = { firstName: 'Jane', lastName: 'Doe', dateOfBirth: '1940-05-01', roomNumber: '12' };

describe('patients one by one', () => {
  it('adds a patient with an emergency contact and finds them by name', async () => {
    const res = await api('/api/v1/patients', {
      token: admin,
      body: {
        facilityId,
        ...jane,
        emergencyContact: { name: 'John Doe', relationship: 'Son', phone: '617-555-0100' },
      },
    });
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({
      firstName: 'Jane',
      lastName: 'Doe',
      enrollmentStatus: 'not_started',
      emergencyContact: { name: 'John Doe' },
    });
    const list = await api(`/api/v1/patients?facilityId=${facilityId}&q=doe`, { token: admin });
    expect(list.json.items.map((p: { id: string }) => p.id)).toContain(res.json.id);
  });

  it('answers a likely duplicate with 409 and the existing id, unless confirmed', async () => {
    const first = await api('/api/v1/patients', {
      token: admin,
      body: { facilityId, firstName: 'Ann', lastName: 'Lee', dateOfBirth: '1939-01-02' },
    });
    const again = await api('/api/v1/patients', {
      token: admin,
      body: { facilityId, firstName: ' ANN ', lastName: 'lee', dateOfBirth: '1939-01-02' },
    });
    expect(again.status).toBe(409);
    expect(again.json.error.details).toEqual([{ path: 'existingPatientId', issue: first.json.id }]);
    const elsewhere = await api('/api/v1/patients', {
      token: admin,
      body: { facilityId: otherFacilityId, firstName: 'Ann', lastName: 'Lee', dateOfBirth: '1939-01-02' },
    });
    expect(elsewhere.status).toBe(201);
    const confirmed = await api('/api/v1/patients', {
      token: admin,
      body: {
        facilityId,
        firstName: 'Ann',
        lastName: 'Lee',
        dateOfBirth: '1939-01-02',
        confirmDuplicate: true,
      },
    });
    expect(confirmed.status).toBe(201);
  });

  it('refuses impossible dates of birth and unknown facilities', async () => {
    const future = await api('/api/v1/patients', {
      token: admin,
      body: { facilityId, ...jane, dateOfBirth: '2999-01-01' },
    });
    expect(future.status).toBe(400);
    expect(future.json.error.details).toEqual([
      { path: 'dateOfBirth', issue: 'Date of birth is in the future' },
    ]);
    const ancient = await api('/api/v1/patients', {
      token: admin,
      body: { facilityId, ...jane, dateOfBirth: '1850-01-01' },
    });
    expect(ancient.json.error.details[0].issue).toBe('Date of birth is more than 125 years ago');
    const impossible = await api('/api/v1/patients', {
      token: admin,
      body: { facilityId, ...jane, dateOfBirth: '1940-02-30' },
    });
    expect(impossible.status).toBe(400);
    const foreign = await api('/api/v1/patients', {
      token: await loginAs('clinic_admin', 'other'),
      body: { facilityId, ...jane },
    });
    expect(foreign.status).toBe(404);
  });

  it('edits a patient and keeps other organisations out', async () => {
    const { json: p } = await api('/api/v1/patients', {
      token: admin,
      body: { facilityId, firstName: 'Bo', lastName: 'Kim', dateOfBirth: '1945-07-07' },
    });
    const edit = await api(`/api/v1/patients/${p.id}`, {
      method: 'PATCH',
      token: admin,
      body: { roomNumber: '7B' },
    });
    expect(edit.json.roomNumber).toBe('7B');
    const other = await loginAs('clinic_admin', 'other');
    expect((await api(`/api/v1/patients/${p.id}`, { token: other })).status).toBe(404);
    expect(
      (await api(`/api/v1/patients/${p.id}`, { method: 'PATCH', token: other, body: { roomNumber: '1' } }))
        .status,
    ).toBe(404);
  });

  it('keeps the payer and attending physician, edits and clears them, and refuses an over-long payer', async () => {
    const created = await api('/api/v1/patients', {
      token: admin,
      body: {
        facilityId,
        firstName: 'Ida',
        lastName: 'Marsh',
        dateOfBirth: '1936-02-14',
        payer: 'Medicare A',
        attendingPhysician: 'Dr. Shah',
      },
    });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ payer: 'Medicare A', attendingPhysician: 'Dr. Shah', notes: null });
    const edited = await api(`/api/v1/patients/${created.json.id}`, {
      method: 'PATCH',
      token: admin,
      body: { payer: 'Medicaid pending', attendingPhysician: '' },
    });
    expect(edited.status).toBe(200);
    const read = await api(`/api/v1/patients/${created.json.id}`, { token: admin });
    expect(read.json).toMatchObject({ payer: 'Medicaid pending', attendingPhysician: null });
    const long = await api(`/api/v1/patients/${created.json.id}`, {
      method: 'PATCH',
      token: admin,
      body: { payer: 'x'.repeat(81) },
    });
    expect(long.status).toBe(400);
    expect(long.json.error.details[0].path).toBe('payer');
  });

  it("keeps the patient's own email and phone, checks them like a lead's, edits and clears them", async () => {
    const bad = await api('/api/v1/patients', {
      token: admin,
      body: { facilityId, firstName: 'Noor', lastName: 'Vale', dateOfBirth: '1948-07-01', email: 'noor@' },
    });
    expect(bad.status).toBe(400);
    expect(bad.json.error.details[0].path).toBe('email');
    const created = await api('/api/v1/patients', {
      token: admin,
      body: {
        facilityId,
        firstName: 'Noor',
        lastName: 'Vale',
        dateOfBirth: '1948-07-01',
        email: ' Noor.Vale@Example.test ',
        phone: '(512) 555-0188',
      },
    });
    expect(created.status, created.text).toBe(201);
    expect(created.json).toMatchObject({ email: 'noor.vale@example.test', phone: '(512) 555-0188' });
    const shortPhone = await api(`/api/v1/patients/${created.json.id}`, {
      method: 'PATCH',
      token: admin,
      body: { phone: '555' },
    });
    expect(shortPhone.status).toBe(400);
    expect(shortPhone.json.error.details[0].path).toBe('phone');
    // Editing another field keeps the contact; null clears one part of it.
    const renamed = await api(`/api/v1/patients/${created.json.id}`, {
      method: 'PATCH',
      token: admin,
      body: { roomNumber: '12B' },
    });
    expect(renamed.json).toMatchObject({ email: 'noor.vale@example.test', phone: '(512) 555-0188' });
    const cleared = await api(`/api/v1/patients/${created.json.id}`, {
      method: 'PATCH',
      token: admin,
      body: { email: null },
    });
    expect(cleared.status).toBe(200);
    expect(cleared.json).toMatchObject({ email: null, phone: '(512) 555-0188' });
  });
});

describe('services', () => {
  it('seeds a catalogue in four categories, selects services, and "all healthcare services" marks the full package', async () => {
    const catalogue = await api('/api/v1/services', { token: admin });
    expect(new Set(catalogue.json.items.map((s: { category: string }) => s.category))).toEqual(
      new Set(['medical', 'pharmacy', 'specialty', 'support']),
    );
    const pharmacy = catalogue.json.items
      .filter((s: { category: string }) => s.category === 'pharmacy')
      .map((s: { id: string }) => s.id);
    const { json: p } = await api('/api/v1/patients', {
      token: admin,
      body: { facilityId, firstName: 'Cy', lastName: 'Ray', dateOfBirth: '1950-03-03' },
    });
    const some = await api(`/api/v1/patients/${p.id}/services`, {
      method: 'PUT',
      token: admin,
      body: { serviceIds: pharmacy },
    });
    expect(some.json).toMatchObject({ fullPackage: false, serviceIds: [...pharmacy].sort() });
    const all = await api(`/api/v1/patients/${p.id}/services`, {
      method: 'PUT',
      token: admin,
      body: { allHealthcareServices: true },
    });
    expect(all.json.fullPackage).toBe(true);
    expect(all.json.serviceIds).toHaveLength(catalogue.json.items.length);
    const unknown = await api(`/api/v1/patients/${p.id}/services`, {
      method: 'PUT',
      token: admin,
      body: { serviceIds: ['svc_nope'] },
    });
    expect(unknown.status).toBe(400);
  });

  it('applies one selection to many patients, and the demand view counts them', async () => {
    const facility = await newFacility('Demand Court');
    const ids = [];
    for (const [first, dob] of [
      ['Al', '1941-01-01'],
      ['Bea', '1942-02-02'],
      ['Cal', '1943-03-03'],
    ] as const) {
      ids.push(
        (
          await api('/api/v1/patients', {
            token: admin,
            body: { facilityId: facility, firstName: first, lastName: 'Ng', dateOfBirth: dob },
          })
        ).json.id,
      );
    }
    const catalogue = (await api('/api/v1/services', { token: admin })).json.items;
    const medical = catalogue
      .filter((s: { category: string }) => s.category === 'medical')
      .slice(0, 2)
      .map((s: { id: string }) => s.id);
    const bulk = await api('/api/v1/patients/services/bulk', {
      token: admin,
      body: { patientIds: ids, serviceIds: medical },
    });
    expect(bulk.json).toEqual({ patients: 3, serviceIds: medical, fullPackage: false });
    const demand = (await api('/api/v1/facilities/demand', { token: admin })).json.items.find(
      (i: { facilityId: string }) => i.facilityId === facility,
    );
    expect(demand.patients).toBe(3);
    expect(demand.categories.medical).toMatchObject({ patients: 3, services: 6 });
    expect(demand.categories.pharmacy).toMatchObject({ patients: 0, services: 0 });
  });

  it('lets administrators extend the catalogue, not other staff', async () => {
    const created = await api('/api/v1/services', {
      token: admin,
      body: { category: 'support', name: 'Laundry assistance' },
    });
    expect(created.status).toBe(201);
    expect(
      (
        await api('/api/v1/services', {
          token: admin,
          body: { category: 'support', name: 'Laundry assistance' },
        })
      ).status,
    ).toBe(409);
    expect(
      (
        await api('/api/v1/services', {
          token: await loginAs('front_desk'),
          body: { category: 'support', name: 'X' },
        })
      ).status,
    ).toBe(403);
    const other = await api('/api/v1/services', {
      token: admin,
      body: { category: 'support', name: 'Ironing' },
    });
    const rename = await api(`/api/v1/services/${other.json.id}`, {
      method: 'PATCH',
      token: admin,
      body: { name: 'Laundry assistance' },
    });
    expect(rename.status).toBe(409);
  });
});

describe('facility administrators and patients', () => {
  it('a facility admin sees only patients of their facility', async () => {
    await api(`/api/v1/facilities/${otherFacilityId}`, {
      method: 'PATCH',
      token: admin,
      body: { administrator: { name: 'FA', email: 'facility_admin@demo.test' } },
    });
    const fa = await loginAs('facility_admin');
    const mine = await api('/api/v1/patients', { token: fa });
    expect(mine.json.items.every((p: { facilityId: string }) => p.facilityId === otherFacilityId)).toBe(true);
    expect((await api(`/api/v1/patients?facilityId=${facilityId}`, { token: fa })).status).toBe(404);
    const add = await api('/api/v1/patients', {
      token: fa,
      body: { facilityId: otherFacilityId, firstName: 'Di', lastName: 'Fox', dateOfBirth: '1944-04-04' },
    });
    expect(add.status).toBe(201);
    expect(
      (
        await api('/api/v1/patients', {
          token: fa,
          body: { facilityId, firstName: 'Di', lastName: 'Fox', dateOfBirth: '1944-04-04' },
        })
      ).status,
    ).toBe(404);
  });
});
