import { env } from 'cloudflare:test';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { patients } from '../../db/schema';
import { api, BASE, createFacility, db, loginAs, seed, workerFetch } from './helpers';

let admin: string;
let facilityId: string;

beforeAll(async () => {
  await seed();
  admin = await loginAs('clinic_admin');
  facilityId = await createFacility(admin, 'Roster Gardens');
});

async function previewFile(body: string | Uint8Array, name: string, extra: Record<string, string> = {}) {
  const form = new FormData();
  form.append('facilityId', facilityId);
  for (const [k, v] of Object.entries(extra)) form.append(k, v);
  form.append('file', new File([body], name));
  const res = await workerFetch(`${BASE}/api/v1/patients/import/preview`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${admin}` },
    body: form,
  });
  // biome-ignore lint/suspicious/noExplicitAny: tests assert on whatever the API answered
  return { status: res.status, json: (await res.json()) as any };
}

const commit = (rows: Record<string, unknown>[], headers: Record<string, string> = {}) =>
  api('/api/v1/patients/import/commit', {
    token: admin,
    headers,
    body: { facilityId, source: 'csv', fileName: 'roster.csv', rows },
  });

const countAt = async () =>
  (
    await db()
      .select({ n: sql<number>`count(*)` })
      .from(patients)
      .where(sql`${patients.facilityId} = ${facilityId}`)
  )[0]!.n;

describe('roster preview', () => {
  it('reads a CSV on the server and flags per-row, per-field problems and duplicates without saving', async () => {
    await api('/api/v1/patients', {
      token: admin,
      body: { facilityId, firstName: 'Existing', lastName: 'Person', dateOfBirth: '1940-01-01' },
    });
    const csv = [
      'Resident Name,DOB,Rm',
      '"Smith, John",6/19/1944,101',
      '"Smith, John",06/19/1944,102',
      '"Person, Existing",1/1/1940,103',
      ',12/12/1950,104',
      '"Bad, Date",31/31/1931,105',
    ].join('\n');
    const before = await countAt();
    const res = await previewFile(csv, 'roster.csv');
    expect(res.status).toBe(200);
    expect(res.json.mapping).toEqual(['fullName', 'dateOfBirth', 'roomNumber']);
    expect(res.json.summary).toEqual({ rows: 5, valid: 3, withErrors: 2, withWarnings: 2 });
    const [first, second, third, fourth, fifth] = res.json.rows;
    expect(first.values).toMatchObject({
      firstName: 'John',
      lastName: 'Smith',
      dateOfBirth: '1944-06-19',
      roomNumber: '101',
    });
    expect(second.warnings[0]).toMatchObject({ issue: 'Same name and date of birth as row 1', sameAsRow: 0 });
    expect(third.warnings[0]).toMatchObject({
      issue: 'Likely already a patient at this facility',
      existingPatientId: expect.any(String),
    });
    expect(fourth.errors).toEqual([
      { field: 'firstName', issue: 'First name is missing' },
      { field: 'lastName', issue: 'Last name is missing' },
    ]);
    expect(fifth.errors[0]).toEqual({
      field: 'dateOfBirth',
      issue: '"31/31/1931" is not a date (try 6/19/1944 or 1944-06-19)',
    });
    expect(await countAt()).toBe(before);
  });

  it('maps payer and attending physician columns by their census names and imports them as patient fields, not notes', async () => {
    const csv = [
      'Resident,DOB,Room,Payor Source,Attending Provider',
      '"Quill, Hattie",3/3/1933,210,Medicare A,Dr. Osei',
    ].join('\n');
    const res = await previewFile(csv, 'census.csv');
    expect(res.status).toBe(200);
    expect(res.json.mapping).toEqual(['fullName', 'dateOfBirth', 'roomNumber', 'payer', 'physician']);
    const values = res.json.rows[0].values;
    expect(values).toMatchObject({ payer: 'Medicare A', physician: 'Dr. Osei' });
    expect(values.notes).toBeUndefined();
    const saved = await commit([
      {
        firstName: values.firstName,
        lastName: values.lastName,
        dateOfBirth: values.dateOfBirth,
        roomNumber: values.roomNumber,
        payer: values.payer,
        physician: values.physician,
      },
    ]);
    expect(saved.status).toBe(201);
    const patient = await api(`/api/v1/patients/${saved.json.patientIds[0]}`, { token: admin });
    expect(patient.json).toMatchObject({
      firstName: 'Hattie',
      lastName: 'Quill',
      payer: 'Medicare A',
      attendingPhysician: 'Dr. Osei',
      notes: null,
    });
  });

  it("maps the patient's own email and mobile columns, checks each cell, and imports them", async () => {
    const csv = [
      'Resident,DOB,E-mail,Mobile,Emergency Contact,Relationship,Phone',
      '"Wren, Ola",4/4/1944,Ola.Wren@Example.test,512-555-0144,Sam Wren,Son,512-555-0145',
      '"Bay, Tess",5/5/1945,tess@,12,,,',
    ].join('\n');
    const res = await previewFile(csv, 'contacts.csv');
    expect(res.status).toBe(200);
    expect(res.json.mapping).toEqual([
      'fullName',
      'dateOfBirth',
      'email',
      'phone',
      'emergencyContactName',
      'emergencyContactRelationship',
      'emergencyContactPhone',
    ]);
    expect(res.json.rows[0].values).toMatchObject({
      email: 'Ola.Wren@Example.test',
      phone: '512-555-0144',
      emergencyContactPhone: '512-555-0145',
    });
    expect(res.json.rows[1].errors.map((e: { field: string }) => e.field)).toEqual(['email', 'phone']);
    const v = res.json.rows[0].values;
    const saved = await commit([
      {
        firstName: v.firstName,
        lastName: v.lastName,
        dateOfBirth: v.dateOfBirth,
        email: v.email,
        phone: v.phone,
        emergencyContactName: v.emergencyContactName,
        emergencyContactPhone: v.emergencyContactPhone,
      },
    ]);
    expect(saved.status, saved.text).toBe(201);
    const patient = await api(`/api/v1/patients/${saved.json.patientIds[0]}`, { token: admin });
    expect(patient.json).toMatchObject({
      email: 'ola.wren@example.test',
      phone: '512-555-0144',
      emergencyContact: { name: 'Sam Wren', phone: '512-555-0145' },
    });
    const refused = await commit([
      { firstName: 'Tess', lastName: 'Bay', dateOfBirth: '1945-05-05', email: 'tess@' },
    ]);
    expect(refused.status).toBe(400);
    expect(refused.json.error.details[0].path).toBe('rows.0.email');
  });

  it('takes a corrected column mapping and JSON rows from the extension (the OCR path)', async () => {
    const mapped = await previewFile('A,B\nLee,1/2/1933\n', 'odd.csv', {
      mapping: JSON.stringify(['lastName', 'dateOfBirth']),
    });
    expect(mapped.status).toBe(200);
    expect(mapped.json.rows[0].errors).toEqual([{ field: 'firstName', issue: 'First name is missing' }]);
    const broken = await previewFile('A,B\nLee,1/2/1933\n', 'odd.csv', { mapping: '[lastName' });
    expect(broken.status).toBe(400);
    expect(broken.json.error.details).toEqual([{ path: 'mapping', issue: 'malformed JSON' }]);
    const json = await api('/api/v1/patients/import/preview', {
      token: admin,
      body: {
        facilityId,
        source: 'ocr',
        rows: [{ fullName: 'WALKER, EDITH', dateOfBirth: '19-Jun-1944', roomNumber: '12' }],
      },
    });
    expect(json.status).toBe(200);
    expect(json.json.rows[0].values).toMatchObject({
      firstName: 'Edith',
      lastName: 'Walker',
      dateOfBirth: '1944-06-19',
    });
  });

  it('answers limits and unreadable files clearly', async () => {
    expect((await previewFile('', 'empty.csv')).json.error.message).toBe('The file is empty');
    expect((await previewFile(new Uint8Array([0, 1, 2, 0xff, 0xfe]), 'x.csv')).status).toBe(415);
    expect((await previewFile('Nothing,Useful\n1,2\n', 'no-headers.csv')).json.error.message).toContain(
      'No header row',
    );
    const tooMany = ['First,Last,DOB', ...Array.from({ length: 5001 }, (_, i) => `A${i},B,1/1/1950`)].join(
      '\n',
    );
    const res = await previewFile(tooMany, 'big.csv');
    expect(res.status).toBe(413);
    expect(res.json.error.message).toBe('This roster has 5001 rows; import at most 5000 at once');
    const noFacility = await api('/api/v1/patients/import/preview', {
      token: admin,
      body: { source: 'json', rows: [{ firstName: 'A' }] },
    });
    expect(noFacility.status).toBe(400);
    expect(noFacility.json.error.details[0].path).toBe('facilityId');
  });
});

describe('roster commit', () => {
  const rows = [
    { firstName: 'Ola', lastName: 'Berg', dateOfBirth: '1944-06-19', roomNumber: '1' },
    { firstName: 'Per', lastName: 'Berg', dateOfBirth: '6/19/1946', roomNumber: '2' },
  ];

  it('writes all accepted rows, records the import, and a retry with the same key imports nothing twice', async () => {
    const before = await countAt();
    const key = { 'Idempotency-Key': 'roster-gardens-1' };
    const first = await commit(rows, key);
    expect(first.status).toBe(201);
    expect(first.json.imported).toBe(2);
    const retry = await commit(rows, key);
    expect(retry.json).toEqual(first.json);
    expect(await countAt()).toBe(before + 2);
    // Every column landed where it belongs (the bulk insert lists them by position).
    const [row] = await db().select().from(patients).where(sql`${patients.id} = ${first.json.patientIds[1]}`);
    expect(row).toMatchObject({
      organizationId: 'org_demo_care_operations',
      facilityId,
      firstName: 'Per',
      lastName: 'Berg',
      dateOfBirth: '1946-06-19',
      roomNumber: '2',
      enrollmentStatus: 'not_started',
      fullPackage: false,
      statusOverride: null,
      completedAt: null,
      importId: first.json.importId,
      createdBy: 'usr_demo_clinic_admin',
    });
    const trail = await api(`/api/v1/audit?entityType=patient_import&entityId=${first.json.importId}`, {
      token: admin,
    });
    expect(trail.json.items).toHaveLength(1);
    expect(trail.json.items[0].detail).toMatchObject({ rows: 2, fileName: 'roster.csv', facilityId });
  });

  it('runs two identical commits sent at once only once', async () => {
    const before = await countAt();
    const same = [{ firstName: 'Twin', lastName: 'Race', dateOfBirth: '1950-05-05' }];
    const headers = { 'Idempotency-Key': 'parallel-1' };
    const [a, b] = await Promise.all([commit(same, headers), commit(same, headers)]);
    expect([a.status, b.status].sort()).toEqual(a.status === b.status ? [201, 201] : [201, 409]);
    expect(await countAt()).toBe(before + 1);
  });

  it('refuses the whole import when any row is invalid, naming each', async () => {
    const before = await countAt();
    const res = await commit([
      ...rows.map((r) => ({ ...r, lastName: 'Valid' })),
      { firstName: '', lastName: 'X', dateOfBirth: 'soon' },
    ]);
    expect(res.status).toBe(400);
    expect(res.json.error.details.map((d: { path: string }) => d.path)).toEqual([
      'rows.2.firstName',
      'rows.2.dateOfBirth',
    ]);
    expect(await countAt()).toBe(before);
  });

  it('needs each likely duplicate confirmed', async () => {
    const dupes = [{ firstName: 'Ola', lastName: 'Berg', dateOfBirth: '1944-06-19' }];
    const res = await commit(dupes);
    expect(res.status).toBe(409);
    expect(res.json.error.details).toEqual([
      { path: 'rows.0.confirmDuplicate', issue: 'likely an existing patient' },
    ]);
    expect((await commit([{ ...dupes[0]!, confirmDuplicate: true }])).status).toBe(201);
  });

  it('is all-or-nothing even when the database fails late in the batch', async () => {
    // A real failure inside D1: the import record, written after every patient row, is refused.
    await env.DB.exec(
      "CREATE TRIGGER fail_import BEFORE INSERT ON patient_imports BEGIN SELECT RAISE(ABORT, 'injected failure'); END;",
    );
    try {
      const before = await countAt();
      const many = Array.from({ length: 1500 }, (_, i) => ({
        firstName: `N${i}`,
        lastName: 'Late',
        dateOfBirth: '1950-01-01',
      }));
      const res = await commit(many);
      expect(res.status).toBe(500);
      expect(res.json.error.code).toBe('internal_error');
      expect(await countAt()).toBe(before);
    } finally {
      await env.DB.exec('DROP TRIGGER fail_import;');
    }
  });

  it('imports 5,000 rows in one commit', async () => {
    const many = Array.from({ length: 5000 }, (_, i) => ({
      firstName: `P${i}`,
      lastName: 'Bulk',
      dateOfBirth: '1950-01-01',
      roomNumber: String(i),
    }));
    const before = await countAt();
    const res = await commit(many);
    expect(res.status).toBe(201);
    expect(await countAt()).toBe(before + 5000);
  });
});
