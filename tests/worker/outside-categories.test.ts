import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { patientServices, patients } from '../../db/schema';
import { api, createFacility, db, loginAs } from './helpers';
import { auditOf } from './intake-helpers';

// Services chosen before a facility's categories were enforced can sit outside
// them. The API no longer lets anyone make such a selection, so the test writes
// it the way old data has it: straight into the table.
let admin: string;
let readOnly: string;
let otherAdmin: string;
let catalogue: { id: string; name: string; category: string }[];

beforeAll(async () => {
  admin = await loginAs('clinic_admin');
  readOnly = await loginAs('read_only');
  otherAdmin = await loginAs('clinic_admin', 'other');
  catalogue = (await api('/api/v1/services', { token: admin })).json.items;
});

const ofCategory = (category: string) => {
  const found = catalogue.find((s) => s.category === category);
  if (!found) throw new Error(`no ${category} service in the demo catalogue`);
  return found;
};

async function patientWithOldSelection(facilityId: string, firstName: string) {
  const res = await api('/api/v1/patients', {
    token: admin,
    body: { facilityId, firstName, lastName: 'Oldpick', dateOfBirth: '1941-02-03' },
  });
  expect(res.status).toBe(201);
  const patientId = res.json.id as string;
  const pharmacy = ofCategory('pharmacy');
  expect(
    (
      await api(`/api/v1/patients/${patientId}/services`, {
        token: admin,
        body: { serviceIds: [pharmacy.id] },
        method: 'PUT',
      })
    ).status,
  ).toBe(200);
  const medical = ofCategory('medical');
  const [home] = await db().select().from(patients).where(eq(patients.id, patientId));
  if (!home) throw new Error('the patient was not stored');
  await db().insert(patientServices).values({
    organizationId: home.organizationId,
    patientId,
    serviceId: medical.id,
    createdAt: new Date().toISOString(),
  });
  return { patientId, medical, pharmacy };
}

const demandOf = async (facilityId: string) =>
  (await api(`/api/v1/facilities/demand?facilityId=${facilityId}`, { token: admin })).json.items[0];
const outsideOf = (token: string, facilityId: string) =>
  api(`/api/v1/facilities/demand/outside-categories?facilityId=${facilityId}`, { token });
const remove = (token: string, selections: { patientId: string; serviceId: string }[]) =>
  api('/api/v1/facilities/demand/outside-categories/remove', { token, body: { selections } });

describe('services chosen outside a facility’s categories before the rule', () => {
  it('are left out of demand, listed with who and what, and removed only where chosen, once', async () => {
    const facilityId = await createFacility(admin, 'Old Picks Manor', { serviceCategories: ['pharmacy'] });
    const ada = await patientWithOldSelection(facilityId, 'Ada');
    const ben = await patientWithOldSelection(facilityId, 'Ben');

    const row = await demandOf(facilityId);
    expect(row.categories.pharmacy).toMatchObject({ patients: 2, services: 2 });
    expect(row.categories.medical).toMatchObject({ taken: false, patients: 0, services: 0 });

    const listed = await outsideOf(admin, facilityId);
    expect(listed.status).toBe(200);
    expect(listed.json).toEqual({
      total: 2,
      items: [ada, ben].map((p, i) => ({
        patientId: p.patientId,
        patientName: `${i === 0 ? 'Ada' : 'Ben'} Oldpick`,
        facilityId,
        facilityName: 'Old Picks Manor',
        serviceId: p.medical.id,
        serviceName: p.medical.name,
        category: 'medical',
      })),
    });

    // Ada's service inside the categories is not removable through this door, her old one is.
    const removed = await remove(admin, [
      { patientId: ada.patientId, serviceId: ada.medical.id },
      { patientId: ada.patientId, serviceId: ada.pharmacy.id },
    ]);
    expect(removed.json).toEqual({ removed: 1 });
    expect((await remove(admin, [{ patientId: ada.patientId, serviceId: ada.medical.id }])).json).toEqual({
      removed: 0,
    });
    const patient = (await api(`/api/v1/patients/${ada.patientId}`, { token: admin })).json;
    expect(patient.serviceIds).toEqual([ada.pharmacy.id]);
    expect(
      (await outsideOf(admin, facilityId)).json.items.map((i: { patientId: string }) => i.patientId),
    ).toEqual([ben.patientId]);
    const events = await auditOf(admin, 'patient_services', ada.patientId);
    expect(events).toContainEqual(
      expect.objectContaining({ action: 'update', detail: { removedOutsideCategories: [ada.medical.id] } }),
    );
  });

  it('keeps other organisations and read-only roles out', async () => {
    const facilityId = await createFacility(admin, 'Guarded Picks Manor', {
      serviceCategories: ['pharmacy'],
    });
    const cy = await patientWithOldSelection(facilityId, 'Cy');

    expect((await outsideOf(otherAdmin, facilityId)).json).toEqual({ total: 0, items: [] });
    expect((await remove(otherAdmin, [{ patientId: cy.patientId, serviceId: cy.medical.id }])).json).toEqual({
      removed: 0,
    });
    expect((await remove(readOnly, [{ patientId: cy.patientId, serviceId: cy.medical.id }])).status).toBe(
      403,
    );
    const still = await db()
      .select()
      .from(patientServices)
      .where(and(eq(patientServices.patientId, cy.patientId), eq(patientServices.serviceId, cy.medical.id)));
    expect(still).toHaveLength(1);
    expect((await remove(admin, [])).status).toBe(400);
  });
});
