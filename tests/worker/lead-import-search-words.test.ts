import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { api, BASE, db, loginAs, seed, workerFetch } from './helpers';

// A lead import writes its leads' search words in bulk while the per-lead trigger
// stands aside: the words must be exactly the trigger's, so search finds an imported
// lead as it finds one typed in.

let admin: string;

beforeAll(async () => {
  await seed();
  admin = await loginAs('clinic_admin');
});

const people = [
  ['María José', 'García-Lindqvist', 'MJ.Garcia@Smile-Mail.test', '(512) 555-0142'],
  ['Seán', "O'Brien-Ñúñez", 'sean@obrien.test', ''],
  ['Zoë', 'van der Berg', '', '+1 737 555 0199'],
  ['J. R.', 'Ewing, Jr', 'jr@southfork.test', '214.555.0100'],
  ['Ana', 'Ana', 'ana@ana.test', '5125550177'],
];

async function importList(rows: string[][]) {
  const csv = ['First Name,Last Name,Email,Phone', ...rows.map((r) => r.map((c) => `"${c}"`).join(','))];
  const form = new FormData();
  form.append('file', new File([csv.join('\n')], 'words.csv', { type: 'text/csv' }));
  const res = await workerFetch(`${BASE}/api/v1/leads/import/preview`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${admin}` },
    body: form,
  });
  const preview = (await res.json()) as { importId: string; summary: { valid: number } };
  expect(preview.summary.valid).toBe(rows.length);
  const done = await api(`/api/v1/leads/import/${preview.importId}/commit`, {
    token: admin,
    body: { skipDuplicates: false },
  });
  expect(done.status).toBe(201);
}

const idsOf = async (lastNames: string[]) =>
  (
    await db().all<{ id: string; last_name: string }>(
      sql`SELECT id, last_name FROM leads WHERE last_name IN (SELECT value FROM json_each(${JSON.stringify(lastNames)})) ORDER BY last_name, created_at`,
    )
  ).map((r) => r.id);

const wordsOf = async (ids: string[]) => {
  const rows = await db().all<{ lead_id: string; token: string }>(
    sql`SELECT lead_id, token FROM lead_search_tokens WHERE lead_id IN (SELECT value FROM json_each(${JSON.stringify(ids)})) ORDER BY lead_id, token`,
  );
  return ids.map((id) => rows.filter((r) => r.lead_id === id).map((r) => r.token));
};

describe('search words of imported leads', () => {
  it('are the words the trigger writes for the same lead', async () => {
    await importList(people);
    const ids = await idsOf(people.map((p) => p[1]!));
    expect(ids).toHaveLength(people.length);
    const imported = await wordsOf(ids);
    expect(imported.every((words) => words.length > 2)).toBe(true);
    // Touching the names fires the update trigger, which writes the words again its own way.
    await db().run(
      sql`UPDATE leads SET first_name = first_name WHERE id IN (SELECT value FROM json_each(${JSON.stringify(ids)}))`,
    );
    expect(await wordsOf(ids)).toEqual(imported);
  });

  it('are found by search like a lead typed in, and leads made after an import get theirs', async () => {
    const typed = await api('/api/v1/leads', {
      token: admin,
      body: { firstName: 'Typed', lastName: 'Quinn-Harper', email: 'typed@harper.test' },
    });
    expect(typed.status).toBe(201);
    await importList([['Imported', 'Quinn-Harper', 'imported@harper.test', '']]);
    const found = await api('/api/v1/leads?q=harper', { token: admin });
    expect(found.json.items.map((l: { firstName: string }) => l.firstName).sort()).toEqual([
      'Imported',
      'Typed',
    ]);
    const byDomain = await api('/api/v1/leads?q=harper.test', { token: admin });
    expect(byDomain.json.items).toHaveLength(2);
    const byPhone = await api('/api/v1/leads?q=555%2001', { token: admin });
    expect(byPhone.json.items.map((l: { lastName: string }) => l.lastName)).toEqual(
      expect.arrayContaining(['García-Lindqvist', 'Ewing, Jr']),
    );
    const marked = await db().all<{ n: number }>(
      sql`SELECT count(*) AS n FROM lead_imports WHERE writing_words = 1`,
    );
    expect(marked[0]!.n).toBe(0);
    const after = await api('/api/v1/leads', {
      token: admin,
      body: { firstName: 'After', lastName: 'Importson', email: 'after@import.test' },
    });
    const afterFound = await api('/api/v1/leads?q=importson', { token: admin });
    expect(afterFound.json.items.map((l: { id: string }) => l.id)).toEqual([after.json.lead.id]);
  });
});
