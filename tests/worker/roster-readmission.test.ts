import { and, asc, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, patientChecklistItems, patientStatusEvents, patients } from '../../db/schema';
import { api, createFacility, db, loginAs, seed, uploadChecklistDocument } from './helpers';

let admin: string;
let facilityId: string;
let ada: string;
let ira: string;
const PDF = new TextEncoder().encode('%PDF-1.7\n%%EOF\n');

const preview = (rows: Record<string, string>[], facility = facilityId) =>
  api('/api/v1/patients/import/preview', { token: admin, body: { facilityId: facility, rows } });
const apply = (body: Record<string, unknown>, headers: Record<string, string> = {}, token = admin) =>
  api('/api/v1/patients/import/apply', { token, headers, body: { facilityId, source: 'json', ...body } });
const patientRow = async (id: string) => (await db().select().from(patients).where(eq(patients.id, id)))[0]!;
const history = (id: string) =>
  db()
    .select()
    .from(patientStatusEvents)
    .where(eq(patientStatusEvents.patientId, id))
    .orderBy(asc(patientStatusEvents.createdAt), asc(patientStatusEvents.id));
const countAt = async () =>
  (
    await db().select({ n: sql<number>`count(*)` }).from(patients).where(eq(patients.facilityId, facilityId))
  )[0]!.n;

async function newPatient(firstName: string, lastName: string, dateOfBirth: string, facility = facilityId) {
  const res = await api('/api/v1/patients', {
    token: admin,
    body: { facilityId: facility, firstName, lastName, dateOfBirth, roomNumber: '100' },
  });
  expect(res.status).toBe(201);
  return res.json.id as string;
}

type Item = { id: string; kind: string; required: boolean; done: boolean };

/** Ticks the patient's required checklist items (all of them, or the first `only`), as staff would. */
async function tick(patientId: string, only?: number) {
  const list = await api(`/api/v1/patients/${patientId}/checklist`, { token: admin });
  const open = (list.json.items as Item[]).filter((i) => i.required && !i.done).slice(0, only);
  for (const i of open) {
    const res =
      i.kind === 'document'
        ? await uploadChecklistDocument(admin, patientId, i.id, PDF, 'signed.pdf')
        : await api(`/api/v1/patients/${patientId}/checklist/${i.id}/done`, { token: admin, body: {} });
    expect(res.status).toBe(200);
  }
}

beforeAll(async () => {
  await seed();
  admin = await loginAs('clinic_admin');
  facilityId = await createFacility(admin, 'Return House');
  const template = await api(`/api/v1/checklist-templates?facilityId=${facilityId}`, { token: admin });
  await api(`/api/v1/checklist-templates/${template.json.id}/items`, {
    token: admin,
    body: { title: 'Discharge summary received', kind: 'document', required: true, appliesOn: 'discharge' },
  });
  ada = await newPatient('Ada', 'Byron', '1940-01-01');
  ira = await newPatient('Ira', 'Gold', '1941-02-02');
  await newPatient('Cora', 'Stay', '1942-03-03');
  await tick(ada);
  await tick(ira, 1);
  expect((await patientRow(ada)).enrollmentStatus).toBe('active');
  expect((await patientRow(ira)).enrollmentStatus).toBe('in_progress');
  const discharged = await apply({ discharges: [{ patientId: ada }, { patientId: ira }] });
  expect(discharged.json.discharged.sort()).toEqual([ada, ira].sort());
});

const CENSUS: Record<string, string>[] = [
  { fullName: 'Stay, Cora', dateOfBirth: '3/3/1942', roomNumber: '100' },
  // Discharged before, same name and birth date: back, in another room.
  { fullName: 'Byron, Ada', dateOfBirth: '1/1/1940', roomNumber: '301' },
  { fullName: 'Gold, Ira', dateOfBirth: '2/2/1941' },
  // The same name with another birth date is someone else: a new admission.
  { fullName: 'Byron, Ada', dateOfBirth: '1/2/1940', roomNumber: '302' },
  { fullName: 'Newman, Nora', dateOfBirth: '4/4/1944' },
];

describe('a discharged patient back on the roster', () => {
  it('is offered as a readmission of their record, not an admission', async () => {
    const res = await preview(CENSUS);
    expect(res.status).toBe(200);
    const diff = res.json.diff;
    expect(diff.current).toBe(1);
    expect(diff.unchanged).toBe(1);
    expect(diff.discharges).toEqual([]);
    expect(diff.admissions).toEqual([{ row: 3 }, { row: 4 }]);
    expect(diff.readmissions).toEqual([
      {
        row: 1,
        patient: expect.objectContaining({
          patientId: ada,
          lastName: 'Byron',
          dischargedAt: expect.any(String),
        }),
      },
      { row: 2, patient: expect.objectContaining({ patientId: ira, firstName: 'Ira' }) },
    ]);
    const [event] = await db()
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.entityType, 'patient_import_preview'))
      .orderBy(sql`${auditEvents.createdAt} desc`)
      .limit(1);
    expect(event!.detail).toMatchObject({ readmissions: [ada, ira] });
  });

  it('is compared even where the facility has no current patient left', async () => {
    const empty = await createFacility(admin, 'Quiet House');
    const only = await newPatient('Lone', 'Walker', '1939-09-09', empty);
    await api('/api/v1/patients/import/apply', {
      token: admin,
      body: { facilityId: empty, source: 'json', discharges: [{ patientId: only }] },
    });
    const res = await preview([{ fullName: 'Walker, Lone', dateOfBirth: '9/9/1939' }], empty);
    expect(res.json.diff).toMatchObject({
      current: 0,
      admissions: [],
      readmissions: [{ row: 0, patient: { patientId: only } }],
    });
  });

  it('refuses a patient readmitted and discharged at once, and one of another organisation, writing nothing', async () => {
    const both = await apply({
      readmissions: [{ patientId: ada }],
      discharges: [{ patientId: ada }],
    });
    expect(both.status).toBe(400);
    expect(both.json.error.details[0].path).toBe('discharges');
    const other = await loginAs('clinic_admin', 'other');
    const elsewhere = await createFacility(other, 'Far House');
    const theirs = await api('/api/v1/patients', {
      token: other,
      body: { facilityId: elsewhere, firstName: 'Far', lastName: 'Away', dateOfBirth: '1950-02-02' },
    });
    const cross = await apply({ readmissions: [{ patientId: ira }, { patientId: theirs.json.id }] });
    expect(cross.status).toBe(404);
    expect((await patientRow(ira)).completedAt).not.toBeNull();
    expect((await patientRow(ada)).completedAt).not.toBeNull();
  });

  it('readmits to the status the checklist says, history kept, once', async () => {
    const before = await countAt();
    const body = { readmissions: [{ patientId: ada, roomNumber: '301' }, { patientId: ira }] };
    const res = await apply(body, { 'Idempotency-Key': 'return-house-1' });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ readmitted: [ada, ira], admitted: [], discharged: [] });
    expect(await countAt()).toBe(before);

    // Every required item was done before the discharge: active again, and so back in the pending pool.
    expect(await patientRow(ada)).toMatchObject({
      completedAt: null,
      enrollmentStatus: 'active',
      roomNumber: '301',
    });
    const pool = await api(`/api/v1/assignments/pending?facilityId=${facilityId}`, { token: admin });
    expect(pool.json.items.map((p: { id: string }) => p.id)).toContain(ada);
    // One item of several was done: in progress, with what was done still done.
    expect(await patientRow(ira)).toMatchObject({ completedAt: null, enrollmentStatus: 'in_progress' });
    expect((await patientRow(ira)).roomNumber).toBe('100');

    const adaHistory = (await history(ada)).map((e) => [e.fromStatus, e.toStatus]);
    expect(adaHistory.slice(-2)).toEqual([
      ['active', 'completed'],
      ['completed', 'active'],
    ]);
    expect((await history(ada)).at(-1)!.reason).toMatch(/^Readmitted/);
    const items = await db()
      .select()
      .from(patientChecklistItems)
      .where(eq(patientChecklistItems.patientId, ada));
    const summary = items.find((i) => i.title === 'Discharge summary received')!;
    // The open discharge task no longer applies; the done onboarding items are kept.
    expect(summary.removedAt).not.toBeNull();
    expect(items.filter((i) => i.doneAt).length).toBeGreaterThan(0);
    const audited = await db()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityType, 'patient_enrollment'), eq(auditEvents.entityId, ada)));
    expect(audited.map((e) => e.detail)).toContainEqual(expect.objectContaining({ readmitted: true }));

    // A retry without the key finds them back already: nothing changes twice.
    const again = await apply(body);
    expect(again.json.readmitted).toEqual([]);
    expect((await history(ada)).length).toBe(adaHistory.length);

    // The next census sees them as current patients.
    const next = await preview(CENSUS);
    expect(next.json.diff.readmissions).toEqual([]);
    expect(next.json.diff.unchanged).toBe(3);
  });
});
