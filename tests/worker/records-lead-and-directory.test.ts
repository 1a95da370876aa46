import { beforeAll, describe, expect, it } from 'vitest';
import { api, createFacility, loginAs } from './helpers';
import { createLead } from './intake-helpers';
import { createRequest, recordsSetup } from './records-helpers';
import { createProvider } from './referral-helpers';

let admin: string;
let frontDesk: string;
let outgoing: Awaited<ReturnType<typeof recordsSetup>>['outgoing'];

beforeAll(async () => {
  ({ admin, frontDesk, outgoing } = await recordsSetup('Records Lead Facility'));
});

const forLead = async (leadId: string) => {
  const res = await createRequest(outgoing({ patientId: undefined, leadId }), frontDesk);
  expect(res.status).toBe(201);
  return res.json.id as string;
};
const request = async (id: string) =>
  (await api(`/api/v1/records-requests/${id}`, { token: frontDesk })).json;

describe('a records request logged for a lead', () => {
  it('belongs to the patient the lead becomes', async () => {
    const leadId = await createLead(frontDesk, {
      firstName: 'Lena',
      lastName: 'Later',
      email: 'lena@example.test',
    });
    const id = await forLead(leadId);
    expect((await request(id)).patientId).toBeNull();
    const facilityId = await createFacility(admin, 'Records Convert Facility');
    const converted = await api(`/api/v1/leads/${leadId}/convert`, {
      token: admin,
      body: { facilityId, dateOfBirth: '1979-04-04' },
    });
    expect(converted.status).toBe(200);
    expect(await request(id)).toMatchObject({ leadId, patientId: converted.json.patientId });
  });

  it('moves to the lead kept when its lead is merged away', async () => {
    const kept = await createLead(frontDesk, {
      firstName: 'Mona',
      lastName: 'Merge',
      email: 'mona@example.test',
    });
    const twin = await createLead(frontDesk, { firstName: 'Mona', lastName: 'Merge', phone: '512-555-0900' });
    const id = await forLead(twin);
    const merged = await api(`/api/v1/leads/${kept}/merge`, { token: admin, body: { duplicateId: twin } });
    expect(merged.status).toBe(200);
    expect((await request(id)).leadId).toBe(kept);
  });
});

describe("a request's referring provider comes from the directory", () => {
  it('is refused when the provider is unknown or another organisation’s, in the same words', async () => {
    const ours = await createProvider(admin, 'Dina', 'Directory');
    const theirs = await createProvider(await loginAs('clinic_admin', 'other'), 'Otto', 'Other');
    const party = (referringProviderId: string) => ({
      requesterKind: 'third_party',
      party: { name: 'Dr. Directory', email: 'dina@clinic.test', referringProviderId },
    });
    const missing = await createRequest(outgoing(party('rfp_missing000000000000')), frontDesk);
    const foreign = await createRequest(outgoing(party(theirs.id)), frontDesk);
    expect(missing.status).toBe(404);
    expect(foreign.status).toBe(404);
    expect(foreign.json.error.message).toBe(missing.json.error.message);
    const good = await createRequest(outgoing(party(ours.id)), frontDesk);
    expect(good.status).toBe(201);
    expect(good.json.party.referringProviderId).toBe(ours.id);
  });
});
