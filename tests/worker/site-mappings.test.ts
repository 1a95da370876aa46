import { beforeAll, describe, expect, it } from 'vitest';
import { api, loginAs, seed } from './helpers';

let admin: string;
let otherAdmin: string;
let readOnly: string;
let frontDesk: string;

// Where the Harborview face sheet (tests/fixtures/page-reading) shows its values.
const HARBORVIEW = {
  host: 'teach.harborview-ehr.example',
  read: {
    fullName: '#resident-banner > h1.res-name',
    dateOfBirth: '#resident-banner span[data-field="dob"]',
    residentNumber: '#resident-banner span[data-field="resno"]',
  },
};

const lookup = (host: string, token = admin) =>
  api(`/api/v1/site-mappings?host=${encodeURIComponent(host)}`, { token });
const save = (body: unknown, token = admin) => api('/api/v1/site-mappings', { token, method: 'PUT', body });

beforeAll(async () => {
  await seed();
  admin = await loginAs('clinic_admin');
  otherAdmin = await loginAs('clinic_admin', 'other');
  readOnly = await loginAs('read_only');
  frontDesk = await loginAs('front_desk');
});

describe('teaching a site', () => {
  it('keeps the mapping for the organisation and host, and answers null for a host never taught', async () => {
    expect((await lookup('never.example')).json).toEqual({ mapping: null });
    const saved = await save(HARBORVIEW);
    expect(saved.status).toBe(200);
    expect(saved.json).toMatchObject({ host: HARBORVIEW.host, read: HARBORVIEW.read });
    const found = await lookup('Teach.Harborview-EHR.example');
    expect(found.status).toBe(200);
    expect(found.json.mapping).toEqual(saved.json);
  });

  it('teaching the host again replaces the mapping whole, keeping its id', async () => {
    const first = (await lookup(HARBORVIEW.host)).json.mapping;
    const read = { lastName: '.pt-last', firstName: '.pt-first', mrn: '#mrn' };
    const again = await save({ host: HARBORVIEW.host, read });
    expect(again.status).toBe(200);
    expect(again.json.id).toBe(first.id);
    expect(again.json.read).toEqual(read);
  });

  it('another organisation neither sees the mapping nor can delete it, and keeps its own for the host', async () => {
    const ours = (await lookup(HARBORVIEW.host)).json.mapping;
    expect((await lookup(HARBORVIEW.host, otherAdmin)).json).toEqual({ mapping: null });
    const removed = await api(`/api/v1/site-mappings/${ours.id}`, { token: otherAdmin, method: 'DELETE' });
    expect(removed.status).toBe(404);
    expect(removed.json.error.code).toBe('not_found');
    const theirs = await save({ host: HARBORVIEW.host, read: { fullName: '.their-name' } }, otherAdmin);
    expect(theirs.status).toBe(200);
    expect(theirs.json.id).not.toBe(ours.id);
    expect((await lookup(HARBORVIEW.host)).json.mapping.read).toEqual(ours.read);
  });

  it('read-only staff use mappings but cannot teach; staff who edit patients can', async () => {
    expect((await lookup(HARBORVIEW.host, readOnly)).status).toBe(200);
    const refused = await save({ host: 'ro.example', read: { fullName: 'h1' } }, readOnly);
    expect(refused.status).toBe(403);
    expect(refused.json.error.code).toBe('forbidden');
    expect((await lookup('ro.example')).json.mapping).toBeNull();
    expect((await save({ host: 'desk.example', read: { fullName: 'h1' } }, frontDesk)).status).toBe(200);
    expect((await lookup('desk.example')).json.mapping.read).toEqual({ fullName: 'h1' });
  });

  it('refuses what is not a host or a selector, and a mapping that names nobody, with field paths', async () => {
    const cases: [unknown, string][] = [
      [{ host: 'https://ehr.example/x', read: { fullName: 'h1' } }, 'host'],
      [{ host: 'ehr.example', read: { fullName: 'h1 { color: red }' } }, 'read.fullName'],
      [{ host: 'ehr.example', read: { fullName: 'h1', password: '#pw' } }, 'read'],
      [{ host: 'ehr.example', read: { dateOfBirth: '.dob' } }, 'read'],
      [{ host: 'ehr.example', read: { fullName: '' } }, 'read.fullName'],
      [{ host: 'ehr.example', read: { fullName: 'h1' }, organizationId: 'x' }, ''],
    ];
    for (const [body, path] of cases) {
      const res = await save(body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.json.error.code).toBe('validation_failed');
      if (path) expect(res.json.error.details.map((d: { path: string }) => d.path)).toContain(path);
    }
    expect((await lookup('not a host')).status).toBe(400);
  });

  it('audits teaching and forgetting with the host and the fields, then forgets', async () => {
    const mapping = (await lookup(HARBORVIEW.host)).json.mapping;
    const events = await api(`/api/v1/audit?entityType=site_mapping&limit=10`, { token: admin });
    const actions = events.json.items
      .filter((e: { entityId: string }) => e.entityId === mapping.id)
      .map((e: { action: string; detail: unknown }) => [e.action, e.detail]);
    expect(actions).toContainEqual([
      'create',
      { host: HARBORVIEW.host, fields: Object.keys(HARBORVIEW.read) },
    ]);
    expect(actions).toContainEqual([
      'update',
      { host: HARBORVIEW.host, fields: ['firstName', 'lastName', 'mrn'] },
    ]);

    const removed = await api(`/api/v1/site-mappings/${mapping.id}`, { token: admin, method: 'DELETE' });
    expect(removed.status).toBe(204);
    expect((await lookup(HARBORVIEW.host)).json).toEqual({ mapping: null });
    const after = await api(`/api/v1/audit?entityType=site_mapping&action=delete&limit=5`, { token: admin });
    expect(after.json.items[0]).toMatchObject({ entityId: mapping.id, detail: { host: HARBORVIEW.host } });
  });
});

describe('the taught sites Settings lists', () => {
  const taught = (token = admin, query = '') => api(`/api/v1/site-mappings/taught${query}`, { token });

  it('lists the organisation’s sites by host with the values each reads, who taught it and when', async () => {
    await save({ host: 'b-list.example', read: { lastName: '.l', firstName: '.f', dateOfBirth: '.d' } });
    await save({ host: 'a-list.example', read: { fullName: 'h1' } }, frontDesk);
    const res = await taught();
    expect(res.status).toBe(200);
    const hosts = res.json.items.map((s: { host: string }) => s.host);
    expect(hosts).toEqual([...hosts].sort());
    const a = res.json.items.find((s: { host: string }) => s.host === 'a-list.example');
    const b = res.json.items.find((s: { host: string }) => s.host === 'b-list.example');
    expect(a).toMatchObject({ fields: ['fullName'], taughtBy: { name: expect.any(String) } });
    expect(b.fields).toEqual(['firstName', 'lastName', 'dateOfBirth']);
    expect(b.taughtBy.name).not.toBe(a.taughtBy.name);
    expect(Date.parse(b.updatedAt)).not.toBeNaN();
  });

  it('pages by host with a cursor, every site once', async () => {
    for (const h of ['p1', 'p2', 'p3']) await save({ host: `${h}.page.example`, read: { fullName: 'h1' } });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { json: { items: { host: string }[]; nextCursor: string | null } } = await taught(
        admin,
        `?limit=2${cursor ? `&cursor=${cursor}` : ''}`,
      );
      seen.push(...page.json.items.map((s) => s.host));
      cursor = page.json.nextCursor;
    } while (cursor);
    expect(seen).toEqual([...new Set(seen)].sort());
    expect(seen).toEqual(expect.arrayContaining(['p1.page.example', 'p2.page.example', 'p3.page.example']));
    expect((await taught(admin, '?cursor=%%%')).status).toBe(400);
  });

  it('is for those who manage taught sites: read-only staff are refused; another organisation sees its own', async () => {
    await save({ host: 'their-only.example', read: { fullName: 'h1' } }, otherAdmin);
    const refused = await taught(readOnly);
    expect(refused.status).toBe(403);
    expect(refused.json.error.code).toBe('forbidden');
    const theirs = (await taught(otherAdmin)).json.items.map((s: { host: string }) => s.host);
    expect(theirs).toContain('their-only.example');
    expect(theirs).not.toContain('a-list.example');
    const ours = (await taught()).json.items.map((s: { host: string }) => s.host);
    expect(ours).not.toContain('their-only.example');
  });

  it('a deleted site leaves the list', async () => {
    const site = (await taught()).json.items.find((s: { host: string }) => s.host === 'a-list.example');
    expect((await api(`/api/v1/site-mappings/${site.id}`, { token: admin, method: 'DELETE' })).status).toBe(
      204,
    );
    const hosts = (await taught()).json.items.map((s: { host: string }) => s.host);
    expect(hosts).not.toContain('a-list.example');
  });
});
