import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../db/schema';
import { api, createFacility, db, loginAs, seed } from './helpers';

let admin: string;
let facilityId: string;
const ids: Record<'lee' | 'park' | 'kim1' | 'kim2' | 'ruiz', string> = {
  lee: '',
  park: '',
  kim1: '',
  kim2: '',
  ruiz: '',
};

const preview = (rows: Record<string, string>[]) =>
  api('/api/v1/patients/import/preview', { token: admin, body: { facilityId, rows } });

beforeAll(async () => {
  await seed();
  admin = await loginAs('clinic_admin');
  facilityId = await createFacility(admin, 'Unread Rows Home');
  const people = {
    lee: { firstName: 'Ann', lastName: 'Lee', dateOfBirth: '1930-05-05' },
    park: { firstName: 'Jin', lastName: 'Park', dateOfBirth: '1936-06-06', mrn: 'R-55' },
    kim1: { firstName: 'Mina', lastName: 'Kim', dateOfBirth: '1933-03-03' },
    kim2: { firstName: 'Mina', lastName: 'Kim', dateOfBirth: '1939-09-09' },
    ruiz: { firstName: 'Luz', lastName: 'Ruiz', dateOfBirth: '1941-01-01' },
  };
  for (const [key, person] of Object.entries(people)) {
    const res = await api('/api/v1/patients', { token: admin, body: { facilityId, ...person } });
    expect(res.status).toBe(201);
    ids[key as keyof typeof ids] = res.json.id;
  }
});

describe('rows with errors in the roster diff', () => {
  it('are shown as could not compare, by name and error, and hold back the discharge of whom they may name', async () => {
    const res = await preview([
      // Read fine: the roster names a current patient, so it is compared.
      { fullName: 'Ruiz, Luz', dateOfBirth: '1/1/1941' },
      // A bad date: Ann Lee by name. Not a discharge.
      { fullName: 'Lee, Ann', dateOfBirth: '31/31/1930' },
      // No name at all, but the record number says Jin Park.
      { dateOfBirth: '6/6/1936', mrn: 'r55' },
      // Two Mina Kims, and the date that would tell them apart did not read: both held back.
      { fullName: 'Kim, Mina', dateOfBirth: 'soon' },
      // A row naming nobody known: shown, holds nobody back.
      { fullName: 'Vance, Otto', dateOfBirth: '' },
    ]);
    expect(res.status).toBe(200);
    const diff = res.json.diff;
    expect(diff.unchanged).toBe(1);
    expect(diff.discharges).toEqual([]);
    expect(diff.admissions).toEqual([]);
    const unread = diff.couldNotCompare as {
      row: number;
      firstName: string | null;
      lastName: string | null;
      errors: { field: string; issue: string }[];
      patients: { patientId: string }[];
    }[];
    expect(unread.map((u) => [u.row, u.lastName, u.firstName])).toEqual([
      [1, 'Lee', 'Ann'],
      [2, null, null],
      [3, 'Kim', 'Mina'],
      [4, 'Vance', 'Otto'],
    ]);
    expect(unread[0]!.errors).toEqual([
      { field: 'dateOfBirth', issue: '"31/31/1930" is not a date (try 6/19/1944 or 1944-06-19)' },
    ]);
    expect(unread[0]!.patients.map((p) => p.patientId)).toEqual([ids.lee]);
    expect(unread[1]!.patients.map((p) => p.patientId)).toEqual([ids.park]);
    expect(unread[2]!.patients.map((p) => p.patientId).sort()).toEqual([ids.kim1, ids.kim2].sort());
    expect(unread[3]!.patients).toEqual([]);
    expect(unread[3]!.errors.map((e) => e.field)).toEqual(['dateOfBirth']);

    const [event] = await db()
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.entityType, 'patient_import_preview'))
      .orderBy(sql`${auditEvents.createdAt} desc`)
      .limit(1);
    expect(event!.detail).toMatchObject({ couldNotCompare: 4, discharges: [] });
  });

  it('once the row is fixed, it is compared like any other', async () => {
    const res = await preview([
      { fullName: 'Ruiz, Luz', dateOfBirth: '1/1/1941' },
      { fullName: 'Lee, Ann', dateOfBirth: '5/5/1930' },
    ]);
    const diff = res.json.diff;
    expect(diff.couldNotCompare).toEqual([]);
    expect(diff.unchanged).toBe(2);
    // Nobody's row failed now: the patients the roster leaves out are proposed for discharge.
    expect(diff.discharges.map((d: { patientId: string }) => d.patientId).sort()).toEqual(
      [ids.park, ids.kim1, ids.kim2].sort(),
    );
  });

  it('a roster whose only link to the CRM is a row with errors is still compared, not imported blind', async () => {
    const res = await preview([
      { fullName: 'Lee, Ann', dateOfBirth: 'unknown' },
      { fullName: 'New, Person', dateOfBirth: '2/2/1950' },
    ]);
    expect(res.json.diff.couldNotCompare[0].patients[0].patientId).toBe(ids.lee);
    expect(res.json.diff.admissions).toEqual([{ row: 1 }]);
    expect(res.json.diff.discharges.map((d: { patientId: string }) => d.patientId)).not.toContain(ids.lee);
  });
});
