import { env } from 'cloudflare:test';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { api, BASE, db, loginAs, seed, workerFetch } from './helpers';

let admin: string;

beforeAll(async () => {
  await seed();
  admin = await loginAs('clinic_admin');
});

async function preview(body: string, token = admin, extra: Record<string, string> = {}) {
  const form = new FormData();
  for (const [k, v] of Object.entries(extra)) form.append(k, v);
  form.append('file', new File([body], 'leads.csv', { type: 'text/csv' }));
  const res = await workerFetch(`${BASE}/api/v1/leads/import/preview`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}` },
    body: form,
  });
  // biome-ignore lint/suspicious/noExplicitAny: tests assert on whatever the API answered
  return { status: res.status, json: (await res.json()) as any };
}

const commit = (
  importId: string,
  body: Record<string, unknown>,
  headers: Record<string, string> = {},
  token = admin,
) => api(`/api/v1/leads/import/${importId}/commit`, { token, headers, body });

const count = async (where: string) =>
  (await db().all<{ n: number }>(sql.raw(`SELECT count(*) AS n FROM leads WHERE ${where}`)))[0]!.n;

describe('lead import preview', () => {
  it('recognises the columns under a title line and flags each problem on its cell, writing nothing', async () => {
    await api('/api/v1/leads', {
      token: admin,
      body: { firstName: 'Already', lastName: 'There', email: 'already@example.test' },
    });
    const csv = [
      'Export from OldCRM, June',
      'Full Name,E-mail,Mobile,Lead Source,Status,Date Added,Comments',
      'Ana Pérez,ana@example.test,(512) 555-0101,Web form,Contacted,2026-03-04,Wants a consult',
      'Bo Chen,not-an-email,,Web form,,3/5/2026,',
      'Cy Dunn,,,,,,',
      'Di Ely,di@example.test,512 555 0102,Billboard,,,',
      'Ed Fox,already@example.test,,,,,',
      'Flo Gale,flo@example.test,512-555-0109,,Nowhere,2999-01-01,',
      'Gus Hay,,512-555-0101,,,,',
    ].join('\n');
    const before = await count('1');
    const res = await preview(csv);
    expect(res.status).toBe(200);
    expect(res.json.mapping).toEqual([
      'fullName',
      'email',
      'phone',
      'source',
      'stage',
      'inquiryDate',
      'notes',
    ]);
    expect(res.json.summary).toEqual({ rows: 7, valid: 3, withErrors: 4, duplicates: 2, listed: 7 });
    const byLine = Object.fromEntries(res.json.rows.map((r: { line: number }) => [r.line, r]));
    expect(byLine[3].values).toMatchObject({
      firstName: 'Ana',
      lastName: 'Pérez',
      email: 'ana@example.test',
    });
    expect(byLine[3].errors).toEqual([]);
    expect(byLine[4].errors).toEqual([{ field: 'email', issue: 'Enter a valid email address' }]);
    expect(byLine[5].errors).toEqual([{ field: 'email', issue: 'Give an email address or a phone number' }]);
    expect(byLine[6].errors.map((e: { field: string }) => e.field)).toEqual(['source']);
    expect(byLine[7].warnings).toEqual([
      expect.objectContaining({ field: 'email', existingLeadId: expect.stringMatching(/^led_/) }),
    ]);
    expect(byLine[8].errors.map((e: { field: string }) => e.field).sort()).toEqual(['inquiryDate', 'stage']);
    expect(byLine[9].warnings).toEqual([expect.objectContaining({ field: 'phone', sameAsRow: 0 })]);
    expect(await count('1')).toBe(before);
  });

  it('answers 4xx for an empty file, a file without a header row and a JSON body', async () => {
    expect((await preview('')).status).toBe(400);
    const noHeader = await preview('a,b\nc,d');
    expect(noHeader.status).toBe(400);
    expect(noHeader.json.error.message).toMatch(/No header row/);
    const asJson = await api('/api/v1/leads/import/preview', { token: admin, body: { rows: [] } });
    expect(asJson.status).toBe(415);
    const reader = await loginAs('read_only');
    expect((await preview('Name,Email\nA B,a@b.test', reader)).status).toBe(403);
  });

  it('takes a corrected mapping and drops the preview it replaces', async () => {
    const first = await preview('Who,Contact\nGil Hart,gil@example.test');
    expect(first.status).toBe(400);
    const mapped = await preview('Who,Contact\nGil Hart,gil@example.test', admin, {
      mapping: JSON.stringify(['fullName', 'email']),
    });
    expect(mapped.status).toBe(200);
    expect(mapped.json.summary.valid).toBe(1);
    const again = await preview('Who,Contact\nGil Hart,gil@example.test', admin, {
      mapping: JSON.stringify(['fullName', 'email']),
      replaces: mapped.json.importId,
    });
    expect((await commit(mapped.json.importId, {})).status).toBe(404);
    expect((await commit(again.json.importId, {})).status).toBe(201);
    const badMapping = await preview('Who,Contact\nA B,a@b.test', admin, { mapping: '["nope"]' });
    expect(badMapping.status).toBe(400);
  });

  it('refuses a coordinator column to a role that cannot assign leads, on its cell', async () => {
    const desk = await loginAs('front_desk');
    const res = await preview('Name,Email,Owner\nIda Jay,ida@example.test,clinic_admin@demo.test', desk);
    expect(res.status).toBe(200);
    expect(res.json.rows[0].errors).toEqual([
      { field: 'coordinator', issue: 'Your role cannot assign leads to coordinators' },
    ]);
  });
});

describe('lead import commit', () => {
  // Each list its own phone numbers, so only the rows a test repeats are duplicates.
  const phoneBase = (tag: string) =>
    2_000_000 + ([...tag].reduce((sum, ch) => sum * 31 + ch.charCodeAt(0), 0) % 700) * 10_000;
  const list = (n: number, tag: string) =>
    [
      'First Name,Last Name,Email,Phone,Source,Stage,Coordinator,Inquiry Date',
      ...Array.from(
        { length: n },
        (_, i) =>
          `${tag}${i},Bulk,${tag.toLowerCase()}${i}@example.test,${phoneBase(tag) + i},Referral,Contacted,${i % 2 ? 'clinic_admin@demo.test' : ''},2026-0${1 + (i % 9)}-1${i % 10}`,
      ),
    ].join('\n');

  it('refuses rows with errors unless they are left out, then imports all the rest in one batch', async () => {
    const res = await preview(`${list(3, 'Kay')}\nBroken,,,,,,,`);
    expect(res.json.summary).toMatchObject({ rows: 4, valid: 3, withErrors: 1 });
    const refused = await commit(res.json.importId, {});
    expect(refused.status).toBe(400);
    expect(refused.json.error.details).toEqual([
      { path: 'rows.3.lastName', issue: 'Line 5: Enter the last name' },
      { path: 'rows.3.email', issue: 'Line 5: Give an email address or a phone number' },
    ]);
    expect(await count("last_name = 'Bulk' AND first_name LIKE 'Kay%'")).toBe(0);
    const key = { 'Idempotency-Key': 'kay-import' };
    const done = await commit(res.json.importId, { skipErrors: true }, key);
    expect(done.status).toBe(201);
    expect(done.json).toMatchObject({ imported: 3, skippedErrors: 1, skippedDuplicates: 0 });
    const replay = await commit(res.json.importId, { skipErrors: true }, key);
    expect(replay.status).toBe(201);
    expect(replay.json).toEqual(done.json);
    expect((await commit(res.json.importId, { skipErrors: true })).status).toBe(409);

    const found = await api('/api/v1/leads?q=kay1', { token: admin });
    expect(found.json.items).toHaveLength(1);
    const [lead] = found.json.items;
    expect(lead).toMatchObject({
      firstName: 'Kay1',
      email: 'kay1@example.test',
      createdAt: '2026-02-11T00:00:00.000Z',
    });
    const stages = (await api('/api/v1/pipeline-stages', { token: admin })).json.items;
    expect(lead.stageId).toBe(stages.find((s: { name: string }) => s.name === 'Contacted').id);
    expect(lead.coordinatorId).toMatch(/^mem_/);
    const timeline = await api(`/api/v1/leads/${lead.id}/timeline`, { token: admin });
    expect(timeline.json.items.at(-1)).toMatchObject({ kind: 'created' });
    const audit = await api('/api/v1/audit?entityType=lead_import', { token: admin });
    expect(audit.json.items[0]).toMatchObject({ action: 'create', entityId: res.json.importId });
  });

  it('leaves likely duplicates out, or keeps them when asked', async () => {
    const first = await preview(list(2, 'Lou'));
    expect((await commit(first.json.importId, {})).json.imported).toBe(2);
    const again = await preview(list(3, 'Lou'));
    expect(again.json.summary.duplicates).toBe(2);
    expect((await commit(again.json.importId, {})).json).toMatchObject({ imported: 1, skippedDuplicates: 2 });
    const kept = await preview(list(1, 'Lou'));
    expect((await commit(kept.json.importId, { skipDuplicates: false })).json.imported).toBe(1);
    expect(await count("email = 'lou0@example.test'")).toBe(2);
  });

  it('answers 404 for another organisation, exactly like a missing import', async () => {
    const res = await preview(list(1, 'Max'));
    const other = await loginAs('clinic_admin', 'other');
    const theirs = await commit(res.json.importId, {}, {}, other);
    const missing = await commit('lim_missing', {}, {}, admin);
    expect(theirs.status).toBe(404);
    expect(theirs.json.error.message).toBe(missing.json.error.message);
    expect((await commit(res.json.importId, {})).status).toBe(201);
  });

  it('is all-or-nothing when the database fails late in the batch', async () => {
    await env.DB.exec(
      "CREATE TRIGGER fail_lead_import BEFORE INSERT ON audit_events WHEN NEW.entity_type = 'lead_import' BEGIN SELECT RAISE(ABORT, 'injected failure'); END;",
    );
    const res = await preview(list(2500, 'Ned'));
    try {
      expect((await commit(res.json.importId, {})).status).toBe(500);
      expect(await count("first_name LIKE 'Ned%'")).toBe(0);
    } finally {
      await env.DB.exec('DROP TRIGGER fail_lead_import;');
    }
    const t0 = Date.now();
    const done = await commit(res.json.importId, {});
    expect(done.json.imported).toBe(2500);
    expect(await count("first_name LIKE 'Ned%'")).toBe(2500);
    expect(Date.now() - t0).toBeLessThan(20_000);
  });
});
