import { beforeAll, describe, expect, it } from 'vitest';
import { api, createFacility, loginAs, seed } from './helpers';

// A churned facility takes no new patients (its demand would count for a
// contract that ended), and a patient converted from a lead leads back to it.
let admin: string;

beforeAll(async () => {
  await seed();
  admin = await loginAs('clinic_admin');
});

async function churnedFacility() {
  const id = await createFacility(admin, 'Former Home');
  for (const to of ['pending', 'active', 'churned'])
    expect((await api(`/api/v1/facilities/${id}/contract`, { token: admin, body: { to } })).status).toBe(200);
  return id;
}

describe('patients and their facility', () => {
  it('refuses a patient added to a churned facility, one by one, by roster or by converting a lead', async () => {
    const facilityId = await churnedFacility();
    const message =
      'Former Home has churned: it takes no new patients until a new contract is negotiated (move it back to pending)';
    const one = await api('/api/v1/patients', {
      token: admin,
      body: { facilityId, firstName: 'Ann', lastName: 'Late', dateOfBirth: '1940-01-01' },
    });
    expect(one.status).toBe(409);
    expect(one.json.error.message).toBe(message);
    const roster = await api('/api/v1/patients/import/commit', {
      token: admin,
      body: {
        facilityId,
        source: 'json',
        rows: [{ firstName: 'Bo', lastName: 'Late', dateOfBirth: '1941-02-02' }],
      },
    });
    expect(roster.status).toBe(409);
    expect(roster.json.error.message).toBe(message);
    const lead = (
      await api('/api/v1/leads', {
        token: admin,
        body: { firstName: 'Cy', lastName: 'Late', phone: '617-555-0199' },
      })
    ).json.lead;
    const converted = await api(`/api/v1/leads/${lead.id}/convert`, {
      token: admin,
      body: { facilityId, dateOfBirth: '1942-03-03' },
    });
    expect(converted.status).toBe(409);
  });

  it('shows the lead a converted patient came from', async () => {
    const facilityId = await createFacility(admin, 'Open Home');
    const lead = (
      await api('/api/v1/leads', {
        token: admin,
        body: { firstName: 'Di', lastName: 'Link', phone: '617-555-0198' },
      })
    ).json.lead;
    const converted = await api(`/api/v1/leads/${lead.id}/convert`, {
      token: admin,
      body: { facilityId, dateOfBirth: '1943-04-04' },
    });
    expect(converted.status).toBe(200);
    const patient = await api(`/api/v1/patients/${converted.json.patientId}`, { token: admin });
    expect(patient.status).toBe(200);
    expect(patient.json.leadId).toBe(lead.id);
    const walkIn = await api('/api/v1/patients', {
      token: admin,
      body: { facilityId, firstName: 'Ed', lastName: 'Walk', dateOfBirth: '1944-05-05' },
    });
    expect(walkIn.json.leadId).toBeNull();
  });
});
