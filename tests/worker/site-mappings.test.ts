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
