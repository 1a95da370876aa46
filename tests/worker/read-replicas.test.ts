import { describe, expect, it } from 'vitest';
import { api, loginAs } from './helpers';

const BOOKMARK = /^[0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{32}$/;

describe('reads through D1 sessions, with the bookmark passed back by the client', () => {
  it('answers every request with a bookmark, and a later one after a write', async () => {
    const admin = await loginAs('clinic_admin');
    const before = (await api('/api/v1/leads?limit=1', { token: admin })).headers.get('X-D1-Bookmark');
    expect(before).toMatch(BOOKMARK);
    const created = await api('/api/v1/leads', {
      token: admin,
      headers: { 'X-D1-Bookmark': before! },
      body: { firstName: 'Rhea', lastName: 'Replica', email: 'rhea.replica@example.test' },
    });
    expect(created.status).toBe(201);
    const after = created.headers.get('X-D1-Bookmark');
    expect(after).toMatch(BOOKMARK);
    // Same width hex: the write moved the database on, and the bookmark with it.
    expect(after! > before!).toBe(true);
    const list = await api('/api/v1/leads?q=replica', { token: admin, headers: { 'X-D1-Bookmark': after! } });
    expect(list.json.items.map((l: { id: string }) => l.id)).toEqual([created.json.lead.id]);
  });

  it('ignores a bookmark that is not one, rather than failing the request', async () => {
    const admin = await loginAs('clinic_admin');
    for (const junk of ['garbage', `${'f'.repeat(8)}-x`, 'first-primary', '../../etc']) {
      const res = await api('/api/v1/leads?limit=1', { token: admin, headers: { 'X-D1-Bookmark': junk } });
      expect(res.status).toBe(200);
      expect(res.headers.get('X-D1-Bookmark')).toMatch(BOOKMARK);
    }
  });
});
