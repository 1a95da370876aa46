import { beforeAll, describe, expect, it } from 'vitest';
import { api, createFacility, loginAs } from './helpers';

let admin: string;
let facilityId: string;
let patientId: string;
let otherPatientId: string;

const PAST = (day: number, hour = 9) =>
  `2020-01-${String(day).padStart(2, '0')}T${String(hour).padStart(2, '0')}:00:00Z`;
const FUTURE = (day: number) => `2099-01-${String(day).padStart(2, '0')}T09:00:00Z`;
const endOf = (start: string) =>
  start.replace(/T(\d\d)/, (_, h) => `T${String(Number(h) + 1).padStart(2, '0')}`);

async function newPatient(token: string, facility: string, lastName: string) {
  const res = await api('/api/v1/patients', {
    token,
    body: { facilityId: facility, firstName: 'Case', lastName, dateOfBirth: '1950-02-03' },
  });
  if (res.status !== 201) throw new Error(res.text);
  return res.json.id as string;
}

const caseItem = (externalId: string, extra: Record<string, unknown> = {}) => ({
  externalId,
  patientId,
  facilityId,
  name: `Referral ${externalId}`,
  status: 'open',
  ...extra,
});

const appointment = (
  externalId: string,
  caseExternalId: string,
  startsAt: string,
  status: string,
  invoicedCents = 0,
) => ({
  externalId,
  patientId,
  caseExternalId,
  facilityId,
  startsAt,
  endsAt: endOf(startsAt),
  type: 'Physiotherapy',
  status,
  invoicedCents,
});

async function caseByExternal(externalId: string) {
  const list = await api(`/api/v1/cases?patientId=${patientId}&limit=200`, { token: admin });
  return list.json.items.find((c: { externalId: string }) => c.externalId === externalId);
}

beforeAll(async () => {
  admin = await loginAs('clinic_admin');
  facilityId = await createFacility(admin, 'Case Clinic');
  patientId = await newPatient(admin, facilityId, 'Params');
  otherPatientId = await newPatient(admin, facilityId, 'Other');
  const cases = await api('/api/v1/cases/upsert', {
    token: admin,
    body: {
      items: [
        caseItem('A', { maxSessions: 5, invoiceableCents: 50_000, expiryDate: '2099-12-31' }),
        caseItem('B', { maxSessions: 10, invoiceableCents: 100_000 }),
        caseItem('C'),
        caseItem('D', { maxSessions: 1, invoiceableCents: 1_000 }),
      ],
    },
  });
  expect(cases.status, cases.text).toBe(200);
  const appts = await api('/api/v1/appointments/upsert', {
    token: admin,
    body: {
      items: [
        // A: two future bookings, none attended: 2 of 5 booked is 40%.
        appointment('A1', 'A', FUTURE(1), 'booked'),
        appointment('A2', 'A', FUTURE(2), 'booked'),
        // B: attended and booked in the past are done; cancelled and missed are not.
        appointment('B1', 'B', PAST(1), 'attended', 10_000),
        appointment('B2', 'B', PAST(2), 'booked', 10_000),
        appointment('B3', 'B', PAST(3), 'cancelled', 2_500),
        appointment('B4', 'B', PAST(4), 'did_not_attend'),
        appointment('B5', 'B', FUTURE(5), 'booked'),
        // D: three done against a maximum of one, invoiced over the amount.
        appointment('D1', 'D', PAST(1), 'attended', 600),
        appointment('D2', 'D', PAST(2), 'attended', 600),
        appointment('D3', 'D', PAST(3), 'attended'),
      ],
    },
  });
  expect(appts.status, appts.text).toBe(200);
  expect(appts.json).toEqual({ inserted: 10, updated: 0 });
});

describe('case parameters, against hand-computed cases', () => {
  it('2 booked of a maximum of 5, none attended, is 40% booked and 0% done', async () => {
    expect(await caseByExternal('A')).toMatchObject({
      maxSessions: 5,
      sessionsBooked: 2,
      sessionsDone: 0,
      sessionsLeft: 5,
      percentBooked: 40,
      percentDone: 0,
      totalInvoicedCents: 0,
      invoiceableLeftCents: 50_000,
      percentInvoiced: 0,
    });
  });

  it('counts past, not cancelled or missed sessions as done, and every invoiced amount', async () => {
    expect(await caseByExternal('B')).toMatchObject({
      sessionsDone: 2,
      sessionsBooked: 4,
      sessionsLeft: 8,
      percentBooked: 40,
      percentDone: 20,
      totalInvoicedCents: 22_500,
      invoiceableLeftCents: 77_500,
      percentInvoiced: 22.5,
    });
  });

  it('answers null for percentages of a missing maximum or amount', async () => {
    expect(await caseByExternal('C')).toMatchObject({
      sessionsDone: 0,
      sessionsLeft: null,
      percentBooked: null,
      percentDone: null,
      totalInvoicedCents: 0,
      invoiceableLeftCents: null,
      percentInvoiced: null,
    });
  });

  it('never counts sessions left below zero; overruns show above 100%', async () => {
    expect(await caseByExternal('D')).toMatchObject({
      sessionsDone: 3,
      sessionsLeft: 0,
      percentDone: 300,
      totalInvoicedCents: 1_200,
      invoiceableLeftCents: -200,
      percentInvoiced: 120,
    });
  });

  it('reads one case by id with the same figures, and lists its appointments', async () => {
    const b = await caseByExternal('B');
    const one = await api(`/api/v1/cases/${b.id}`, { token: admin });
    expect(one.status).toBe(200);
    expect(one.json).toEqual(b);
    const appts = await api(`/api/v1/appointments?caseId=${b.id}`, { token: admin });
    expect(appts.json.items.map((a: { externalId: string }) => a.externalId)).toEqual([
      'B5',
      'B4',
      'B3',
      'B2',
      'B1',
    ]);
  });
});

describe('sync by external id', () => {
  it('repeating a sync updates in place: same ids, no duplicates', async () => {
    const before = await caseByExternal('A');
    const again = await api('/api/v1/cases/upsert', {
      token: admin,
      body: {
        items: [caseItem('A', { maxSessions: 4, invoiceableCents: 50_000, expiryDate: '2099-12-31' })],
      },
    });
    expect(again.json).toEqual({ inserted: 0, updated: 1 });
    const after = await caseByExternal('A');
    expect(after.id).toBe(before.id);
    expect(after).toMatchObject({ maxSessions: 4, percentBooked: 50 });
    const appts = await api('/api/v1/appointments/upsert', {
      token: admin,
      body: { items: [appointment('A2', 'A', FUTURE(2), 'cancelled')] },
    });
    expect(appts.json).toEqual({ inserted: 0, updated: 1 });
    expect(await caseByExternal('A')).toMatchObject({ sessionsBooked: 1, percentBooked: 25 });
  });

  it('writes 300 appointments in one call, beyond the 100 parameters of one statement', async () => {
    const items = Array.from({ length: 300 }, (_, i) =>
      appointment(`BULK-${i}`, 'C', PAST(1 + (i % 28), 8), i % 3 === 0 ? 'cancelled' : 'attended'),
    );
    const res = await api('/api/v1/appointments/upsert', { token: admin, body: { items } });
    expect(res.json).toEqual({ inserted: 300, updated: 0 });
    expect(await caseByExternal('C')).toMatchObject({ sessionsDone: 200, sessionsBooked: 200 });
  });

  it('refuses an unknown patient, a repeated external id and an end before the start, writing nothing', async () => {
    const res = await api('/api/v1/cases/upsert', {
      token: admin,
      body: { items: [caseItem('E'), caseItem('F', { patientId: 'pat_missing' })] },
    });
    expect(res.status).toBe(400);
    expect(res.json.error.details).toEqual([{ path: 'items.1.patientId', issue: 'patient not found' }]);
    expect(await caseByExternal('E')).toBeUndefined();
    const twice = await api('/api/v1/cases/upsert', {
      token: admin,
      body: { items: [caseItem('G'), caseItem('G')] },
    });
    expect(twice.status).toBe(400);
    const backwards = await api('/api/v1/appointments/upsert', {
      token: admin,
      body: { items: [{ ...appointment('X', 'A', FUTURE(3), 'booked'), endsAt: FUTURE(2) }] },
    });
    expect(backwards.status).toBe(400);
    expect(backwards.json.error.details[0].path).toContain('endsAt');
  });

  it('shows when the location last synced', async () => {
    const res = await api('/api/v1/cases/syncs', { token: admin });
    expect(res.json.items).toContainEqual(
      expect.objectContaining({ facilityId, facilityName: 'Case Clinic', via: 'api' }),
    );
  });
});

describe('CSV import: preview, then all or nothing', () => {
  const header =
    'case_id,patient_id,location_id,case_name,case_status,issue_date,expiry_date,max_sessions,invoiceable_amount,appointment_id,starts_at,ends_at,appointment_type,appointment_status,invoiced_amount';
  const row = (caseId: string, apptId: string, status = 'Attended', patient = () => otherPatientId) =>
    `${caseId},${patient()},${facilityId},Knee,open,2026-01-01,2099-06-30,5,500.00,${apptId},${PAST(5)},${endOf(PAST(5))},Physio,${status},120.50`;

  it('previews problems by row and column, and a bad row imports nothing', async () => {
    const csv = [
      header,
      row('CSV-1', 'CSV-1-a'),
      row('CSV-1', 'CSV-1-b', 'Maybe'),
      row('CSV-2', 'CSV-2-a', 'Booked', () => 'pat_nobody'),
    ].join('\n');
    const preview = await api('/api/v1/cases/import/preview', { token: admin, body: { csv } });
    expect(preview.status).toBe(200);
    expect(preview.json).toMatchObject({ rows: 3, cases: 2, appointments: 2 });
    expect(preview.json.errors).toEqual([expect.objectContaining({ row: 2, column: 'appointment_status' })]);
    const commit = await api('/api/v1/cases/import', { token: admin, body: { csv } });
    expect(commit.status).toBe(400);
    const list = await api(`/api/v1/cases?patientId=${otherPatientId}`, { token: admin });
    expect(list.json.items).toEqual([]);
  });

  it('names a row whose patient is not found', async () => {
    const csv = [header, row('CSV-2', 'CSV-2-a', 'Booked', () => 'pat_nobody')].join('\n');
    const preview = await api('/api/v1/cases/import/preview', { token: admin, body: { csv } });
    expect(preview.json.errors).toEqual([{ row: 1, column: 'patient_id', issue: 'patient not found' }]);
  });

  it('imports cases and their appointments together, and again without duplicates', async () => {
    const csv = [header, row('CSV-1', 'CSV-1-a'), row('CSV-1', 'CSV-1-b', 'Did not attend')].join('\r\n');
    const first = await api('/api/v1/cases/import', { token: admin, body: { csv } });
    expect(first.status, first.text).toBe(200);
    expect(first.json).toEqual({
      cases: { inserted: 1, updated: 0 },
      appointments: { inserted: 2, updated: 0 },
    });
    const again = await api('/api/v1/cases/import', { token: admin, body: { csv } });
    expect(again.json).toEqual({
      cases: { inserted: 0, updated: 1 },
      appointments: { inserted: 0, updated: 2 },
    });
    const list = await api(`/api/v1/cases?patientId=${otherPatientId}`, { token: admin });
    expect(list.json.items).toHaveLength(1);
    expect(list.json.items[0]).toMatchObject({
      invoiceableCents: 50_000,
      sessionsDone: 1,
      sessionsBooked: 2,
      totalInvoicedCents: 24_100,
    });
    const syncs = await api('/api/v1/cases/syncs', { token: admin });
    expect(syncs.json.items).toContainEqual(
      expect.objectContaining({ facilityId, via: 'import', cases: 1, appointments: 2 }),
    );
  });
});

describe('permissions and tenancy', () => {
  it('lets read-only staff read cases but not sync them', async () => {
    const reader = await loginAs('read_only');
    expect((await api('/api/v1/cases', { token: reader })).status).toBe(200);
    const write = await api('/api/v1/cases/upsert', { token: reader, body: { items: [caseItem('R')] } });
    expect(write.status).toBe(403);
  });

  it("answers another organisation's case like a missing one, and refuses its patients", async () => {
    const other = await loginAs('clinic_admin', 'other');
    const b = await caseByExternal('B');
    expect((await api(`/api/v1/cases/${b.id}`, { token: other })).status).toBe(404);
    expect((await api(`/api/v1/cases/cas_missing`, { token: other })).status).toBe(404);
    const list = await api('/api/v1/cases', { token: other });
    expect(list.json.items).toEqual([]);
    const otherFacility = await createFacility(other, 'Elsewhere');
    const res = await api('/api/v1/cases/upsert', {
      token: other,
      body: { items: [{ ...caseItem('A'), facilityId: otherFacility }] },
    });
    expect(res.status).toBe(400);
    expect(res.json.error.details).toEqual([{ path: 'items.0.patientId', issue: 'patient not found' }]);
  });

  it('audits reads and syncs of cases', async () => {
    const events = await api('/api/v1/audit?entityType=case&limit=50', { token: admin });
    const actions = events.json.items.map((e: { action: string }) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['list', 'read', 'update', 'create']));
  });
});
