import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../db/schema';
import { api, createFacility, db, loginAs, seed } from './helpers';

let admin: string;
let readOnly: string;
let otherAdmin: string;
let facilityAdmin: string;
let facilityId: string;
let hiddenFacilityId: string;

const notesOf = (id: string, token = admin, query = '') =>
  api(`/api/v1/facilities/${id}/notes${query}`, { token });
const addNote = (id: string, text: unknown, token = admin, headers: Record<string, string> = {}) =>
  api(`/api/v1/facilities/${id}/notes`, { token, headers, body: { text } });

beforeAll(async () => {
  await seed();
  admin = await loginAs('clinic_admin');
  readOnly = await loginAs('read_only');
  otherAdmin = await loginAs('clinic_admin', 'other');
  facilityId = await createFacility(admin, 'Notes Manor');
  hiddenFacilityId = await createFacility(admin, 'Notes Annex');
  const attached = await api(`/api/v1/facilities/${facilityId}`, {
    method: 'PATCH',
    token: admin,
    body: { administrator: { name: 'FA', email: 'facility_admin@demo.test' } },
  });
  expect(attached.status).toBe(200);
  facilityAdmin = await loginAs('facility_admin');
});

describe('notes on a facility', () => {
  it('adds a note (201, named by its author) and lists the notes newest first, audited', async () => {
    const first = await addNote(facilityId, 'Administrator prefers calls before 10am.');
    expect(first.status).toBe(201);
    expect(first.json).toMatchObject({
      facilityId,
      text: 'Administrator prefers calls before 10am.',
      author: { name: expect.any(String) },
    });
    const second = await addNote(facilityId, '  Census page moved to the new portal.\nAsk for a login.  ');
    expect(second.json.text).toBe('Census page moved to the new portal.\nAsk for a login.');

    const list = await notesOf(facilityId);
    expect(list.status).toBe(200);
    expect(list.json.items.map((n: { id: string }) => n.id)).toEqual([second.json.id, first.json.id]);
    expect(list.json.nextCursor).toBeNull();

    const events = await db()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityType, 'facility_note'), eq(auditEvents.entityId, first.json.id)));
    expect(events).toMatchObject([{ action: 'create', outcome: 'success' }]);
    const reads = await db()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityType, 'facility_notes'), eq(auditEvents.entityId, facilityId)));
    expect(reads.length).toBeGreaterThan(0);
  });

  it('pages through the notes with a cursor, never repeating one', async () => {
    for (let i = 0; i < 3; i++) await addNote(facilityId, `Paged note ${i}`);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { json: { items: { id: string }[]; nextCursor: string | null } } = await notesOf(
        facilityId,
        admin,
        `?limit=2${cursor ? `&cursor=${cursor}` : ''}`,
      );
      seen.push(...page.json.items.map((n) => n.id));
      cursor = page.json.nextCursor;
    } while (cursor);
    expect(seen.length).toBe(5);
    expect(new Set(seen).size).toBe(5);
  });

  it('refuses an empty or oversized note, unknown fields and control characters with the error envelope', async () => {
    for (const body of [{ text: '   ' }, { text: 'x'.repeat(2001) }, { text: 'ok', pinned: true }, {}]) {
      const res = await api(`/api/v1/facilities/${facilityId}/notes`, { token: admin, body });
      expect(res.status).toBe(400);
      expect(res.json.error.code).toBe('validation_failed');
    }
    const control = await addNote(facilityId, 'evil\u202Etxt');
    expect(control.status).toBe(400);
    const badCursor = await notesOf(facilityId, admin, '?cursor=nonsense');
    expect(badCursor.status).toBe(400);
  });

  it('read-only staff read the notes but may not add one', async () => {
    expect((await notesOf(facilityId, readOnly)).status).toBe(200);
    const refused = await addNote(facilityId, 'Not allowed', readOnly);
    expect(refused.status).toBe(403);
    expect(refused.json.error.code).toBe('forbidden');
  });

  it('a facility administrator notes their own facility; another facility answers 404', async () => {
    const own = await addNote(facilityId, 'New night nurse from Monday.', facilityAdmin);
    expect(own.status).toBe(201);
    expect((await notesOf(facilityId, facilityAdmin)).json.items[0].id).toBe(own.json.id);
    await addNote(hiddenFacilityId, 'Only staff see this.');
    for (const res of [
      await notesOf(hiddenFacilityId, facilityAdmin),
      await addNote(hiddenFacilityId, 'Sneaky', facilityAdmin),
    ]) {
      expect(res.status).toBe(404);
      expect(res.json.error.code).toBe('not_found');
    }
  });

  it("another organisation's facility answers exactly like a missing one", async () => {
    for (const id of [facilityId, 'fac_missing']) {
      const read = await notesOf(id, otherAdmin);
      const write = await addNote(id, 'Cross-tenant', otherAdmin);
      expect([read.status, write.status]).toEqual([404, 404]);
      expect(read.json).toMatchObject({ error: { code: 'not_found', message: 'Facility not found' } });
    }
  });

  it('a retried add with the same Idempotency-Key stores one note', async () => {
    const headers = { 'Idempotency-Key': 'facility-note-retry-1' };
    const a = await addNote(facilityId, 'Said once.', admin, headers);
    const b = await addNote(facilityId, 'Said once.', admin, headers);
    expect(b.json.id).toBe(a.json.id);
    const all = (await notesOf(facilityId, admin, '?limit=200')).json.items;
    expect(all.filter((n: { text: string }) => n.text === 'Said once.').length).toBe(1);
  });
});
