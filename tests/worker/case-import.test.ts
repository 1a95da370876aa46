import { beforeAll, describe, expect, it } from 'vitest';
import { api, BASE, createFacility, loginAs, workerFetch } from './helpers';
import { xlsxOf } from './xlsx-file';

let admin: string;
let facilityId: string;
let patientId: string;

beforeAll(async () => {
  admin = await loginAs('clinic_admin');
  facilityId = await createFacility(admin, 'Import Clinic');
  const patient = await api('/api/v1/patients', {
    token: admin,
    body: { facilityId, firstName: 'Import', lastName: 'Case', dateOfBirth: '1950-02-03' },
  });
  patientId = patient.json.id;
});

/** A multipart body encoded once, so a retry can send the very same bytes (boundary included). */
async function encoded(file: File) {
  const form = new FormData();
  form.append('file', file);
  const res = new Response(form);
  return { body: await res.arrayBuffer(), type: res.headers.get('Content-Type') ?? '' };
}

async function upload(
  path: string,
  file: File | Awaited<ReturnType<typeof encoded>>,
  headers: Record<string, string> = {},
) {
  const { body, type } = file instanceof File ? await encoded(file) : file;
  const res = await workerFetch(`${BASE}${path}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${admin}`, 'Content-Type': type, ...headers },
    body,
  });
  // biome-ignore lint/suspicious/noExplicitAny: tests assert on whatever the API answered
  return { status: res.status, headers: res.headers, json: (await res.json()) as any };
}

const casesOf = async () =>
  (await api(`/api/v1/cases?patientId=${patientId}&limit=200`, { token: admin })).json.items as {
    externalId: string;
    sessionsDone: number;
    sessionsBooked: number;
    totalInvoicedCents: number;
    expiryDate: string | null;
  }[];

/** A booking system's own export: its header spellings, a title line above them, other columns beside. */
const exportRows = () => [
  ['Appointments export, Import Clinic'],
  [
    'Referral ID',
    'Patient',
    'Facility',
    'Case Name',
    'Status',
    'Expires',
    'Authorized Sessions',
    'Appt ID',
    'Start Time',
    'End Time',
    'Visit Type',
    'Attendance',
    'Billed',
    'Therapist',
  ],
  [
    'REF-1',
    patientId,
    facilityId,
    'Shoulder',
    'Open',
    '2099-03-01',
    6,
    'V-1',
    '2020-02-01T09:00:00Z',
    '2020-02-01T10:00:00Z',
    'Physio',
    'Attended',
    80,
    'Dr Who',
  ],
  [
    'REF-1',
    patientId,
    facilityId,
    'Shoulder',
    'Open',
    '2099-03-01',
    6,
    'V-2',
    '2099-02-01T09:00:00Z',
    '2099-02-01T10:00:00Z',
    'Physio',
    'Booked',
    0,
    'Dr Who',
  ],
];

describe('case import from a file', () => {
  it('reads an XLSX export through header synonyms, past a title line, and previews without writing', async () => {
    const file = new File([xlsxOf(exportRows())], 'export.xlsx');
    const preview = await upload('/api/v1/cases/import/preview', file);
    expect(preview.status, JSON.stringify(preview.json)).toBe(200);
    expect(preview.json).toMatchObject({ rows: 2, cases: 1, appointments: 2, errors: [] });
    expect(preview.json.columns).toEqual([
      'case_id',
      'patient_id',
      'location_id',
      'case_name',
      'case_status',
      'expiry_date',
      'max_sessions',
      'appointment_id',
      'starts_at',
      'ends_at',
      'appointment_type',
      'appointment_status',
      'invoiced_amount',
      null,
    ]);
    expect(await casesOf()).toEqual([]);
  });

  it('names each bad cell by row and import column, and commits nothing while one is bad', async () => {
    const rows = exportRows();
    rows[2]![11] = 'Perhaps';
    rows[3]![6] = 'six';
    rows[3]![1] = 'pat_nobody';
    const file = () => new File([xlsxOf(rows)], 'export.xlsx');
    const preview = await upload('/api/v1/cases/import/preview', file());
    expect(preview.json.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ row: 1, column: 'appointment_status' }),
        expect.objectContaining({ row: 2, column: 'max_sessions' }),
      ]),
    );
    const commit = await upload('/api/v1/cases/import', file());
    expect(commit.status).toBe(400);
    expect(commit.json.error.details).toEqual(
      expect.arrayContaining([expect.objectContaining({ path: 'rows.1.appointment_status' })]),
    );
    expect(await casesOf()).toEqual([]);
  });

  it('commits all rows at once, repeats as updates, and replays an Idempotency-Key', async () => {
    const file = () => new File([xlsxOf(exportRows())], 'export.xlsx');
    const sent = await encoded(file());
    const first = await upload('/api/v1/cases/import', sent, { 'Idempotency-Key': 'import-1' });
    expect(first.status, JSON.stringify(first.json)).toBe(200);
    expect(first.json).toEqual({
      cases: { inserted: 1, updated: 0 },
      appointments: { inserted: 2, updated: 0 },
    });
    const replay = await upload('/api/v1/cases/import', sent, { 'Idempotency-Key': 'import-1' });
    expect(replay.headers.get('Idempotent-Replayed')).toBe('true');
    expect(replay.json).toEqual(first.json);
    const again = await upload('/api/v1/cases/import', file());
    expect(again.json).toEqual({
      cases: { inserted: 0, updated: 1 },
      appointments: { inserted: 0, updated: 2 },
    });
    expect(await casesOf()).toEqual([
      expect.objectContaining({
        externalId: 'REF-1',
        expiryDate: '2099-03-01',
        sessionsDone: 1,
        sessionsBooked: 2,
        totalInvoicedCents: 8000,
      }),
    ]);
    const syncs = await api('/api/v1/cases/syncs', { token: admin });
    expect(syncs.json.items).toContainEqual(
      expect.objectContaining({
        facilityId,
        facilityName: 'Import Clinic',
        via: 'import',
        cases: 1,
        appointments: 2,
      }),
    );
  });

  it('reads a CSV file the same way, and refuses a file without the case columns', async () => {
    // New case and appointment ids, changed in their own columns only: the patient and facility ids are
    // random base64url and may themselves hold "V-" (a whole-text replace once broke the patient's id).
    const csv = exportRows()
      .slice(1)
      .map(([caseId, patient, facility, name, status, expires, sessions, apptId, ...rest]) =>
        [
          String(caseId).replace('REF-1', 'REF-2'),
          patient,
          facility,
          name,
          status,
          expires,
          sessions,
          String(apptId).replace('V-', 'W-'),
          ...rest,
        ].join(','),
      )
      .join('\n');
    const res = await upload('/api/v1/cases/import', new File([csv], 'export.csv'));
    expect(res.status, JSON.stringify(res.json)).toBe(200);
    expect(res.json.cases).toEqual({ inserted: 1, updated: 0 });
    const bare = await upload('/api/v1/cases/import/preview', new File(['Name,Phone\nA,1'], 'people.csv'));
    expect(bare.status).toBe(400);
    expect(bare.json.error.details).toContainEqual({ path: 'file', issue: 'no case_id column' });
    const none = await upload('/api/v1/cases/import/preview', new File([], 'empty.csv'));
    expect(none.status).toBe(400);
  });

  it('writes an import of 600 appointments in one all-or-nothing batch within D1 parameter limits', async () => {
    const header =
      'case_id,patient_id,location_id,case_name,case_status,max_sessions,appointment_id,starts_at,ends_at,appointment_type,appointment_status';
    const lines = Array.from(
      { length: 600 },
      (_, i) =>
        `BIG-${i % 30},${patientId},${facilityId},Big ${i % 30},open,40,BIG-A${i},2020-03-01T09:00:00Z,2020-03-01T10:00:00Z,Physio,attended`,
    );
    const res = await api('/api/v1/cases/import', {
      token: admin,
      body: { csv: [header, ...lines].join('\n') },
    });
    expect(res.status, res.text).toBe(200);
    expect(res.json).toEqual({
      cases: { inserted: 30, updated: 0 },
      appointments: { inserted: 600, updated: 0 },
    });
    const big = (await casesOf()).filter((c) => c.externalId.startsWith('BIG-'));
    expect(big).toHaveLength(30);
    expect(big.every((c) => c.sessionsDone === 20)).toBe(true);
  });
});
