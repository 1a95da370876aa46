import { beforeAll, describe, expect, it } from 'vitest';
import { api, loginAs, seed } from './helpers';

let admin: string;
let otherAdmin: string;
let facilityId: string;
let elena: string;
let cousin: string;

const MAPLE = { line1: '1200 Orchard Lane', city: 'Salem', state: 'OR', postalCode: '97301' };

async function facility(token: string, name: string) {
  const res = await api('/api/v1/facilities', {
    token,
    body: { name, address: MAPLE, phone: '(503) 555-0100' },
  });
  expect(res.status).toBe(201);
  return res.json.id as string;
}

async function patient(token: string, body: Record<string, unknown>) {
  const res = await api('/api/v1/patients', { token, body });
  expect(res.status).toBe(201);
  return res.json.id as string;
}

const match = (body: unknown, token = admin) => api('/api/v1/page-matches', { token, body });

// What the face sheet fixture reads as (tests/node/page-reading.test.ts).
const FACE_SHEET = {
  firstName: 'Elena',
  lastName: 'Martinez',
  dateOfBirth: '1937-04-09',
  residentNumber: 'MG-20417',
  mrn: '000482913',
  roomNumber: '214-B',
};

beforeAll(async () => {
  await seed();
  admin = await loginAs('clinic_admin');
  otherAdmin = await loginAs('clinic_admin', 'other');
  facilityId = await facility(admin, 'Maple Grove Care Center');
  elena = await patient(admin, {
    facilityId,
    firstName: 'Elena',
    lastName: 'Martinez',
    dateOfBirth: '1937-04-09',
    mrn: 'MG-20417',
    roomNumber: '214-B',
  });
  // Same last name and birth date, another first name: a weaker candidate.
  cousin = await patient(admin, {
    facilityId,
    firstName: 'Elisa',
    lastName: 'Martinez',
    dateOfBirth: '1937-04-09',
  });
  // Another organisation has a patient with every identifier the same.
  const otherFacility = await facility(otherAdmin, 'Maple Grove Care Center');
  await patient(otherAdmin, {
    facilityId: otherFacility,
    firstName: 'Elena',
    lastName: 'Martinez',
    dateOfBirth: '1937-04-09',
    mrn: 'MG-20417',
  });
});

describe('matching what a page shows', () => {
  it('ranks the patient with the same resident number, name and birth date first, with the reasons and the card', async () => {
    const res = await match(FACE_SHEET);
    expect(res.status).toBe(200);
    const [first, second] = res.json.candidates;
    expect(first).toMatchObject({
      kind: 'patient',
      id: elena,
      score: 100,
      reasons: ['same MRN or resident number', 'same name and date of birth', 'same room'],
      patient: {
        firstName: 'Elena',
        lastName: 'Martinez',
        facilityName: 'Maple Grove Care Center',
        enrollmentStatus: 'not_started',
        provider: null,
        openIntakeRequests: 0,
      },
    });
    expect(first.patient.checklist.total).toBeGreaterThan(0);
    expect(first.patient.checklist.next.length).toBeGreaterThan(0);
    expect(first.patient.checklist.next[0]).toEqual({
      id: expect.any(String),
      title: expect.any(String),
      required: true,
    });
    expect(second).toMatchObject({
      kind: 'patient',
      id: cousin,
      reasons: ['same last name and date of birth'],
    });
    expect(second.score).toBeLessThan(first.score);
  });

  it('finds leads by phone or email and facilities by name or address, each with why', async () => {
    const lead = await api('/api/v1/leads', {
      token: admin,
      body: {
        firstName: 'Chinedu',
        lastName: 'Okafor',
        phone: '503-555-0188',
        email: 'c.okafor@example.test',
      },
    });
    expect(lead.status).toBe(201);
    const res = await match({
      firstName: 'Chinedu',
      lastName: 'Okafor',
      phone: '+1 (503) 555-0188',
      facilityName: 'maple grove  care center',
    });
    expect(res.json.candidates.map((c: { kind: string; reasons: string[] }) => [c.kind, c.reasons])).toEqual([
      // A tie is broken by kind: the person before the place.
      ['lead', ['same phone', 'same name']],
      ['facility', ['same name']],
    ]);
    expect(res.json.candidates[0]).toMatchObject({
      id: lead.json.lead.id,
      lead: { firstName: 'Chinedu', stage: 'New inquiry', nextFollowUp: null, score: expect.any(Number) },
    });
    expect(res.json.candidates[1].facility).toMatchObject({
      name: 'Maple Grove Care Center',
      contractStatus: 'not_contracted',
      patients: 2,
      activePatients: 0,
    });
    const byAddress = await match({ addressLine1: '1200 ORCHARD LANE', postalCode: '97301', city: 'Salem' });
    expect(byAddress.json.candidates).toEqual([
      expect.objectContaining({ kind: 'facility', id: facilityId, reasons: ['same address'] }),
    ]);
  });

  it('never finds another organisation’s records, and answers nothing when nothing matches', async () => {
    const theirs = await match(FACE_SHEET, otherAdmin);
    expect(theirs.json.candidates.map((c: { id: string }) => c.id)).not.toContain(elena);
    expect(theirs.json.candidates.filter((c: { kind: string }) => c.kind === 'patient')).toHaveLength(1);
    const ours = await match(FACE_SHEET);
    expect(
      ours.json.candidates
        .filter((c: { kind: string }) => c.kind === 'patient')
        .map((c: { id: string }) => c.id),
    ).toEqual([elena, cousin]);
    expect((await match({ firstName: 'Nobody', lastName: 'Known', dateOfBirth: '1950-01-01' })).json).toEqual(
      {
        candidates: [],
      },
    );
  });

  it('shows a facility administrator only the patients of their facilities', async () => {
    const facilityAdmin = await loginAs('facility_admin');
    const res = await match(FACE_SHEET, facilityAdmin);
    expect(res.status).toBe(200);
    expect(res.json.candidates).toEqual([]);
  });

  it('is audited like a search: the identifier names and the records shown, never the values', async () => {
    await match({ ...FACE_SHEET, email: 'elena.martinez@example.test' });
    const audit = await api('/api/v1/audit?entityType=page_match&limit=1', { token: admin });
    const [event] = audit.json.items;
    expect(event).toMatchObject({ action: 'list', entityType: 'page_match', outcome: 'success' });
    expect(event.detail).toMatchObject({
      identifiers: ['dateOfBirth', 'email', 'firstName', 'lastName', 'mrn', 'residentNumber', 'roomNumber'],
      patientIds: [elena, cousin],
    });
    expect(JSON.stringify(event)).not.toMatch(/Martinez|1937|elena\.martinez|MG-20417/i);
  });

  it('stores nothing from the page: an unknown person is not added anywhere', async () => {
    await match({
      firstName: 'Walter',
      lastName: 'Hughes',
      dateOfBirth: '1939-06-01',
      phone: '503-555-0199',
    });
    expect((await api('/api/v1/leads?q=Hughes', { token: admin })).json.items).toEqual([]);
    expect((await api('/api/v1/patients?q=Hughes', { token: admin })).json.items).toEqual([]);
  });
});

describe('refusals', () => {
  it('answers 400 naming the field for a bad date, an unknown field or nothing to match on', async () => {
    const badDate = await match({ lastName: 'Martinez', dateOfBirth: '1937-02-30' });
    expect(badDate.status).toBe(400);
    expect(badDate.json.error.code).toBe('validation_failed');
    expect(badDate.json.error.details.map((d: { path: string }) => d.path)).toEqual(['dateOfBirth']);
    const unknown = await match({ lastName: 'Martinez', organizationId: 'org_x' });
    expect(unknown.status).toBe(400);
    const empty = await match({ roomNumber: '214-B' });
    expect(empty.status).toBe(400);
    expect(empty.json.error.message).toMatch(/Nothing on this page identifies/);
    const control = await match({ lastName: 'Mart\u202Einez' });
    expect(control.status).toBe(400);
    expect((await match('not json at all')).status).toBe(400);
  });

  it('needs a session', async () => {
    expect((await api('/api/v1/page-matches', { body: FACE_SHEET })).status).toBe(401);
  });
});
