import { beforeAll, describe, expect, it } from 'vitest';
import { api, createFacility, loginAs, seed } from './helpers';

// A discharged patient frees their provider: the assignment ends (kept in the
// history as "discharged") and no longer counts against capacity; only
// enrolled patients (the pending pool, or moved between providers) can be assigned.
let admin: string;
let facilityId: string;

beforeAll(async () => {
  await seed();
  admin = await loginAs('clinic_admin');
  facilityId = await createFacility(admin, 'Discharge Place');
});

let n = 0;
async function patient(status?: 'active') {
  n++;
  const id = (
    await api('/api/v1/patients', {
      token: admin,
      body: { facilityId, firstName: `D${n}`, lastName: 'Charge', dateOfBirth: '1945-01-01' },
    })
  ).json.id as string;
  if (status)
    await api(`/api/v1/patients/${id}/status`, {
      token: admin,
      body: { status, reason: 'enrolled on paper' },
    });
  return id;
}

const assign = (patientId: string, providerId: string) =>
  api('/api/v1/assignments', { token: admin, body: { assignments: [{ patientId, providerId }] } });
const discharge = (patientId: string) =>
  api(`/api/v1/patients/${patientId}/status`, {
    token: admin,
    body: { status: 'completed', reason: 'moved away' },
  });

describe('discharge and provider capacity', () => {
  it('ends the assignment on discharge, keeps it in the history and frees the capacity', async () => {
    const providerId = (
      await api('/api/v1/providers', { token: admin, body: { name: 'Dr One', capacity: 1 } })
    ).json.id;
    const first = await patient('active');
    const second = await patient('active');
    expect((await assign(first, providerId)).status).toBe(200);
    expect((await assign(second, providerId)).status).toBe(409);

    expect((await discharge(first)).status).toBe(200);
    const history = (await api(`/api/v1/assignments/history/${first}`, { token: admin })).json.items;
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ providerName: 'Dr One', endReason: 'discharged' });
    expect(history[0].endedAt).toBeTruthy();

    expect((await assign(second, providerId)).status).toBe(200);
  });

  it('refuses to assign a discharged patient or one not yet enrolled', async () => {
    const providerId = (
      await api('/api/v1/providers', { token: admin, body: { name: 'Dr Two', capacity: 5 } })
    ).json.id;
    const gone = await patient('active');
    await discharge(gone);
    const refused = await assign(gone, providerId);
    expect(refused.status).toBe(409);
    expect(refused.json.error.message).toBe(
      'Only enrolled patients can be assigned: 1 of them is discharged or not yet enrolled',
    );
    const notYet = await patient();
    expect((await assign(notYet, providerId)).status).toBe(409);
    const history = (await api(`/api/v1/assignments/history/${gone}`, { token: admin })).json.items;
    expect(history).toHaveLength(0);
  });
});
