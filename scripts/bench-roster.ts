/**
 * The roster path of `npm run bench`: a generated 5,000-row roster through
 * preview and commit against the local worker, beside a plain SQLite insert
 * of the same rows (libSQL on a local file: the physical floor).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { libsqlDatabase, migrateLibsql } from '../db/libsql';
import { facilities, organizations } from '../db/schema';

export const ROSTER_ROWS = 5000;

const FIRST = [
  'Mary',
  'John',
  'Linda',
  'James',
  'Patricia',
  'Robert',
  'Barbara',
  'Michael',
  'Susan',
  'William',
];
const LAST = [
  'Smith',
  'Johnson',
  'Williams',
  'Brown',
  'Jones',
  'Garcia',
  'Miller',
  'Davis',
  'Lopez',
  'Wilson',
];

/** Distinct people: name, birth date and room vary with the row number. */
export function generateRoster(rows = ROSTER_ROWS) {
  return Array.from({ length: rows }, (_, i) => {
    const day = new Date(Date.UTC(1930, 0, 1) + i * 86_400_000 * 3);
    return {
      firstName: `${FIRST[i % 10]}${i}`,
      lastName: LAST[Math.floor(i / 10) % 10]!,
      dateOfBirth: day.toISOString().slice(0, 10),
      roomNumber: String(100 + (i % 400)),
      emergencyContactName: `Contact ${i}`,
      emergencyContactPhone: `555-01${String(i % 100).padStart(2, '0')}`,
    };
  });
}

export function rosterCsv(rows: ReturnType<typeof generateRoster>) {
  const lines = rows.map((r) =>
    [
      `"${r.lastName}, ${r.firstName}"`,
      r.dateOfBirth,
      r.roomNumber,
      r.emergencyContactName,
      r.emergencyContactPhone,
    ].join(','),
  );
  return ['Resident Name,DOB,Room,Emergency Contact,Phone', ...lines].join('\n');
}

type Timed = { ms: number; rowsPerSecond: number };
const timed = async (rows: number, work: () => Promise<void>): Promise<Timed> => {
  const t0 = performance.now();
  await work();
  const ms = performance.now() - t0;
  return { ms, rowsPerSecond: rows / (ms / 1000) };
};

export async function benchRoster(origin: string, token: string) {
  const rows = generateRoster();
  const auth = { Authorization: `Bearer ${token}` };
  const created = await fetch(`${origin}/api/v1/facilities`, {
    method: 'POST',
    headers: { ...auth, 'Content-Type': 'application/json' },
    body: JSON.stringify({
      name: `Bench ${Date.now()}`,
      address: { line1: '1 Bench St', city: 'Austin', state: 'TX', postalCode: '78701' },
    }),
  });
  const { id: facilityId } = (await created.json()) as { id: string };

  let previewOk = false;
  const preview = await timed(rows.length, async () => {
    const form = new FormData();
    form.append('facilityId', facilityId);
    form.append('file', new File([rosterCsv(rows)], 'bench.csv', { type: 'text/csv' }));
    const res = await fetch(`${origin}/api/v1/patients/import/preview`, {
      method: 'POST',
      headers: auth,
      body: form,
    });
    const body = (await res.json()) as { summary?: { valid: number } };
    previewOk = res.ok && body.summary?.valid === rows.length;
  });
  let committed = 0;
  const commit = await timed(rows.length, async () => {
    const res = await fetch(`${origin}/api/v1/patients/import/commit`, {
      method: 'POST',
      headers: { ...auth, 'Content-Type': 'application/json' },
      body: JSON.stringify({ facilityId, source: 'csv', fileName: 'bench.csv', rows }),
    });
    committed = ((await res.json()) as { imported?: number }).imported ?? 0;
  });

  // The floor: the same rows into the same schema on a local SQLite file, one transaction.
  const dir = mkdtempSync(join(tmpdir(), 'sidecar-floor-'));
  const { db, client } = libsqlDatabase(`file:${join(dir, 'floor.db')}`);
  await migrateLibsql(db);
  const now = new Date().toISOString();
  await db.insert(organizations).values({ id: 'org_floor', name: 'Floor', createdAt: now });
  await db.insert(facilities).values({
    id: 'fac_floor',
    organizationId: 'org_floor',
    name: 'Floor',
    nameKey: 'floor',
    addressLine1: '1 A St',
    city: 'Austin',
    state: 'TX',
    postalCode: '78701',
    addressVerification: { provider: 'offline', verifiedAt: now, corrections: [] },
    serviceCategories: [],
    createdBy: 'bench',
    createdAt: now,
    updatedAt: now,
  });
  const floor = await timed(rows.length, async () => {
    await client.batch(
      rows.map((r, i) => ({
        sql: `INSERT INTO patients (id, organization_id, facility_id, first_name, last_name, name_key, date_of_birth, room_number,
          emergency_contact_name, emergency_contact_phone, full_package, enrollment_status, created_by, created_at, updated_at)
          VALUES (?, 'org_floor', 'fac_floor', ?, ?, ?, ?, ?, ?, ?, 0, 'not_started', 'bench', ?, ?)`,
        args: [
          `pat_${i}`,
          r.firstName,
          r.lastName,
          `${r.lastName}|${r.firstName}`.toLowerCase(),
          r.dateOfBirth,
          r.roomNumber,
          r.emergencyContactName,
          r.emergencyContactPhone,
          now,
          now,
        ],
      })),
      'write',
    );
  });
  client.close();
  rmSync(dir, { recursive: true, force: true });
  return { rows: rows.length, preview, commit, floor, previewOk, committed };
}
