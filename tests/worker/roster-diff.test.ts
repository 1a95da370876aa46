import { and, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, patientChecklistItems, patientStatusEvents, patients } from '../../db/schema';
import { api, createFacility, db, loginAs, seed } from './helpers';

let admin: string;
let facilityId: string;
const ids: Record<string, string> = {};

type Person = { firstName: string; lastName: string; dateOfBirth: string; roomNumber?: string; mrn?: string };

/** Who the CRM has at the facility before the census arrives. */
const CURRENT: Record<string, Person> = {
  okafor: { firstName: 'Chinedu', lastName: 'Okafor', dateOfBirth: '1945-02-07', roomNumber: '215-A' },
  smith: { firstName: 'Mary', lastName: 'Smith', dateOfBirth: '1940-01-01', mrn: 'R-100' },
  lee: { firstName: 'Ann', lastName: 'Lee', dateOfBirth: '1930-05-05', roomNumber: '101' },
  brown: { firstName: 'Tom', lastName: 'Brown', dateOfBirth: '1935-03-03', roomNumber: '102', mrn: 'R-7' },
  garcia: { firstName: 'Rosa', lastName: 'Garcia', dateOfBirth: '1938-08-08', roomNumber: '103' },
  white: { firstName: 'Sam', lastName: 'White', dateOfBirth: '1944-04-04', mrn: 'X1' },
};

/** The census, row by row, with what each row is meant to prove. */
const CENSUS: Record<string, string>[] = [
  // Name spelt differently, same birth date, no record numbers: the same person, renamed and moved.
  { fullName: 'Okafur, Chinedu', dateOfBirth: '2/7/1945', roomNumber: '215-B' },
  // Same record number under another name: the same person (the record number wins).
  { fullName: 'Smyth, Mary', dateOfBirth: '1/1/1940', mrn: 'r100' },
  // Same name, another birth date: someone else (an admission; Ann Lee of 1930 is a discharge).
  { fullName: 'Lee, Ann', dateOfBirth: '5/5/1931', roomNumber: '104' },
  // No record number on the census: matched by name and birth date, and the CRM's number stays.
  { fullName: 'Brown, Tom', dateOfBirth: '3/3/1935', roomNumber: '102' },
  // Same birth date as Okafor, a name nothing like his: a new person.
  { fullName: 'Quinn, Harold', dateOfBirth: '2/7/1945', roomNumber: '220' },
  // Same name and birth date, another record number: two people.
  { fullName: 'White, Sam', dateOfBirth: '4/4/1944', mrn: 'X2' },
];

const preview = (rows: Record<string, string>[], token = admin, facility = facilityId) =>
  api('/api/v1/patients/import/preview', { token, body: { facilityId: facility, rows } });

const apply = (body: Record<string, unknown>, token = admin, headers: Record<string, string> = {}) =>
  api('/api/v1/patients/import/apply', { token, headers, body: { facilityId, source: 'json', ...body } });

const patientRow = async (id: string) => (await db().select().from(patients).where(eq(patients.id, id)))[0]!;
const countAt = async () =>
  (
    await db().select({ n: sql<number>`count(*)` }).from(patients).where(eq(patients.facilityId, facilityId))
  )[0]!.n;

beforeAll(async () => {
  await seed();
  admin = await loginAs('clinic_admin');
  facilityId = await createFacility(admin, 'Census Court');
  for (const [key, person] of Object.entries(CURRENT)) {
    const res = await api('/api/v1/patients', { token: admin, body: { facilityId, ...person } });
    expect(res.status).toBe(201);
    ids[key] = res.json.id;
  }
  // The facility's checklist says what a discharge needs.
  const template = await api(`/api/v1/checklist-templates?facilityId=${facilityId}`, { token: admin });
  const added = await api(`/api/v1/checklist-templates/${template.json.id}/items`, {
    token: admin,
    body: { title: 'Discharge summary received', kind: 'document', required: true, appliesOn: 'discharge' },
  });
  expect(added.status).toBe(200);
});

describe('roster diff in the preview', () => {
  it('groups admissions, discharges and changes, matching by record number, name and birth date, or a near spelling', async () => {
    const res = await preview(CENSUS);
    expect(res.status).toBe(200);
    const diff = res.json.diff;
    expect(diff.current).toBe(6);
    expect(diff.admissions).toEqual([{ row: 2 }, { row: 4 }, { row: 5 }]);
    expect(diff.discharges.map((d: { patientId: string }) => d.patientId).sort()).toEqual(
      [ids.lee, ids.garcia, ids.white].sort(),
    );
    expect(diff.unchanged).toBe(1);
    expect(diff.changes).toEqual([
      {
        row: 0,
        patient: expect.objectContaining({ patientId: ids.okafor, lastName: 'Okafor' }),
        matchedBy: 'similar_name',
        fields: [
          { field: 'lastName', from: 'Okafor', to: 'Okafur' },
          { field: 'roomNumber', from: '215-A', to: '215-B' },
        ],
      },
      {
        row: 1,
        patient: expect.objectContaining({ patientId: ids.smith }),
        matchedBy: 'record_number',
        fields: [{ field: 'lastName', from: 'Smith', to: 'Smyth' }],
      },
    ]);
    // Sam White with another record number is also flagged as a likely duplicate for the admission.
    expect(res.json.rows[5].warnings[0].issue).toBe('Likely already a patient at this facility');
    // The preview read patient records: audited by id, never by name.
    const [event] = await db()
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.entityType, 'patient_import_preview'))
      .orderBy(sql`${auditEvents.createdAt} desc`)
      .limit(1);
    expect(event!.detail).toMatchObject({ admissions: 3, unchanged: 1, changes: [ids.okafor, ids.smith] });
    expect(JSON.stringify(event!.detail)).not.toContain('Garcia');
  });

  it('shows no diff for a roster that names none of the current patients', async () => {
    const res = await preview([{ fullName: 'Nobody, New', dateOfBirth: '1950-01-01' }]);
    expect(res.status).toBe(200);
    expect(res.json.diff).toBeUndefined();
  });

  it('answers 404 for another organisation and 403 for a read-only role', async () => {
    const other = await loginAs('clinic_admin', 'other');
    expect((await preview(CENSUS, other)).status).toBe(404);
    expect((await apply({ discharges: [{ patientId: ids.garcia }] }, other)).status).toBe(404);
    const reader = await loginAs('read_only');
    expect((await preview(CENSUS, reader)).status).toBe(403);
    expect((await apply({ discharges: [{ patientId: ids.garcia }] }, reader)).status).toBe(403);
    // A facility administrator of other facilities does not see this one.
    const facilityAdmin = await loginAs('facility_admin');
    expect((await apply({ discharges: [{ patientId: ids.garcia }] }, facilityAdmin)).status).toBe(404);
    expect((await patientRow(ids.garcia!)).completedAt).toBeNull();
  });
});

describe('applying what was confirmed', () => {
  it('writes nothing when one confirmed item is refused', async () => {
    const before = await countAt();
    const otherOrgPatient = await (async () => {
      const other = await loginAs('clinic_admin', 'other');
      const facility = await createFacility(other, 'Elsewhere House');
      const made = await api('/api/v1/patients', {
        token: other,
        body: { facilityId: facility, firstName: 'Far', lastName: 'Away', dateOfBirth: '1950-02-02' },
      });
      return made.json.id as string;
    })();
    const refused = await apply({
      admissions: [{ firstName: 'Harold', lastName: 'Quinn', dateOfBirth: '1945-02-07' }],
      discharges: [{ patientId: ids.garcia }, { patientId: otherOrgPatient }],
    });
    expect(refused.status).toBe(404);
    const invalid = await apply({
      admissions: [{ firstName: 'Harold', lastName: 'Quinn', dateOfBirth: '1945-02-07' }],
      changes: [{ patientId: ids.okafor, dateOfBirth: '31/31/1945' }],
    });
    expect(invalid.status).toBe(400);
    expect(invalid.json.error.details[0].path).toBe('changes.0.dateOfBirth');
    expect(await countAt()).toBe(before);
    expect((await patientRow(ids.garcia!)).completedAt).toBeNull();
    expect(
      (await api('/api/v1/patients/import/apply', { token: admin, body: { facilityId, source: 'json' } }))
        .status,
    ).toBe(400);
  });

  it('admits, discharges and changes exactly what was confirmed, with the tasks the checklist template names', async () => {
    const key = { 'Idempotency-Key': 'census-2026-11-28' };
    const body = {
      admissions: [
        { firstName: 'Ann', lastName: 'Lee', dateOfBirth: '1931-05-05', roomNumber: '104' },
        { firstName: 'Harold', lastName: 'Quinn', dateOfBirth: '1945-02-07', roomNumber: '220' },
      ],
      discharges: [{ patientId: ids.garcia }],
      changes: [{ patientId: ids.okafor, lastName: 'Okafur', roomNumber: '215-B' }],
    };
    const res = await apply(body, admin, key);
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ discharged: [ids.garcia], changed: [ids.okafor] });
    expect(res.json.admitted).toHaveLength(2);

    // Admissions are patients with their onboarding checklist already there.
    const template = await api(`/api/v1/checklist-templates?facilityId=${facilityId}`, { token: admin });
    const onboarding = template.json.items.filter((i: { appliesOn: string }) => i.appliesOn === 'enrollment');
    expect(res.json.tasksCreated).toBe(onboarding.length * 2 + 1);
    const checklist = await api(`/api/v1/patients/${res.json.admitted[1]}/checklist`, { token: admin });
    expect(checklist.json.items.map((i: { title: string }) => i.title)).toEqual(
      onboarding.map((i: { title: string }) => i.title),
    );
    expect((await patientRow(res.json.admitted[1])).roomNumber).toBe('220');

    // The discharge completes the patient, with a history row and the discharge task.
    const gone = await patientRow(ids.garcia!);
    expect(gone.completedAt).not.toBeNull();
    expect(gone.enrollmentStatus).toBe('completed');
    const history = await db()
      .select()
      .from(patientStatusEvents)
      .where(eq(patientStatusEvents.patientId, ids.garcia!));
    expect(history).toMatchObject([{ fromStatus: 'not_started', toStatus: 'completed' }]);
    const tasks = await db()
      .select()
      .from(patientChecklistItems)
      .where(eq(patientChecklistItems.patientId, ids.garcia!));
    expect(tasks.map((t) => t.title)).toEqual(['Discharge summary received']);

    // The change, with the name key following the new spelling; nothing unconfirmed moved.
    expect(await patientRow(ids.okafor!)).toMatchObject({
      lastName: 'Okafur',
      roomNumber: '215-B',
      nameKey: 'okafur|chinedu',
    });
    expect((await patientRow(ids.lee!)).completedAt).toBeNull();
    expect((await patientRow(ids.smith!)).lastName).toBe('Smith');

    // Retried with the same key: the first answer, nothing written twice.
    const count = await countAt();
    const again = await apply(body, admin, key);
    expect(again.json).toEqual(res.json);
    expect(await countAt()).toBe(count);
    // Retried without the key: the discharge is already done, the admissions are now duplicates to confirm.
    const unkeyed = await apply(body);
    expect(unkeyed.status).toBe(409);
    const dischargeOnly = await apply({ discharges: [{ patientId: ids.garcia }] });
    expect(dischargeOnly.json.discharged).toEqual([]);
    const historyAfter = await db()
      .select()
      .from(patientStatusEvents)
      .where(eq(patientStatusEvents.patientId, ids.garcia!));
    expect(historyAfter).toHaveLength(1);

    // Every patient written has its audit event.
    const audited = await db()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityType, 'patient'), eq(auditEvents.action, 'create')));
    expect(audited.map((e) => e.entityId)).toEqual(expect.arrayContaining(res.json.admitted));
    const [summary] = await db().select().from(auditEvents).where(eq(auditEvents.entityType, 'roster_diff'));
    expect(summary!.detail).toMatchObject({ admitted: 2, discharged: 1, changed: 1 });

    // The next census compares with the CRM as it now is.
    const next = await preview(CENSUS);
    expect(next.json.diff.changes.map((c: { row: number }) => c.row)).toEqual([1]);
    expect(next.json.diff.discharges.map((d: { patientId: string }) => d.patientId).sort()).toEqual(
      [ids.lee, ids.white].sort(),
    );
  });

  it('keeps discharge tasks out of the onboarding checklists a template edit reaches', async () => {
    const titles = async () =>
      (await api(`/api/v1/patients/${ids.brown}/checklist`, { token: admin })).json.items.map(
        (i: { title: string }) => i.title,
      );
    expect(await titles()).not.toContain('Discharge summary received');
    const template = await api(`/api/v1/checklist-templates?facilityId=${facilityId}`, { token: admin });
    const added = await api(`/api/v1/checklist-templates/${template.json.id}/items`, {
      token: admin,
      body: { title: 'Pharmacy told of discharge', kind: 'task', required: false, appliesOn: 'discharge' },
    });
    expect(added.status).toBe(200);
    expect(await titles()).not.toContain('Pharmacy told of discharge');
  });
});

describe("a patient's own email and phone on the roster", () => {
  it('shows a new address or number as a change, not the same one written another way, and checks it before writing', async () => {
    const facility = await createFacility(admin, 'Contact Court');
    const made = async (body: Record<string, string>) =>
      (await api('/api/v1/patients', { token: admin, body: { facilityId: facility, ...body } })).json.id;
    const same = await made({
      firstName: 'Ida',
      lastName: 'Same',
      dateOfBirth: '1941-01-01',
      email: 'ida@example.com',
      phone: '(512) 555-0100',
    });
    const moved = await made({
      firstName: 'Ned',
      lastName: 'Moved',
      dateOfBirth: '1942-02-02',
      email: 'ned@example.com',
      phone: '512-555-0101',
    });
    const res = await preview(
      [
        // The same address in capitals and the same number with dots and the country code.
        {
          fullName: 'Same, Ida',
          dateOfBirth: '1/1/1941',
          email: 'IDA@Example.com',
          phone: '+1 512.555.0100',
        },
        {
          fullName: 'Moved, Ned',
          dateOfBirth: '2/2/1942',
          email: 'ned.new@example.com',
          phone: '512-555-0199',
        },
      ],
      admin,
      facility,
    );
    expect(res.status).toBe(200);
    expect(res.json.diff.unchanged).toBe(1);
    expect(res.json.diff.changes).toEqual([
      {
        row: 1,
        patient: expect.objectContaining({
          patientId: moved,
          email: 'ned@example.com',
          phone: '512-555-0101',
        }),
        matchedBy: 'name_and_birth_date',
        fields: [
          { field: 'email', from: 'ned@example.com', to: 'ned.new@example.com' },
          { field: 'phone', from: '512-555-0101', to: '512-555-0199' },
        ],
      },
    ]);

    const applyHere = (changes: Record<string, string>[]) =>
      api('/api/v1/patients/import/apply', {
        token: admin,
        body: { facilityId: facility, source: 'json', changes },
      });
    const refused = await applyHere([
      { patientId: moved, email: 'ned.new@example.com' },
      { patientId: same, phone: '55-01' },
    ]);
    expect(refused.status).toBe(400);
    expect(refused.json.error.details).toEqual([
      { path: 'changes.1.phone', issue: '"55-01" is not a phone number' },
    ]);
    expect(await patientRow(moved)).toMatchObject({ email: 'ned@example.com', phone: '512-555-0101' });

    const applied = await applyHere([
      { patientId: moved, email: 'Ned.New@Example.com', phone: '512-555-0199' },
    ]);
    expect(applied.status).toBe(200);
    expect(await patientRow(moved)).toMatchObject({ email: 'ned.new@example.com', phone: '512-555-0199' });
  });
});
