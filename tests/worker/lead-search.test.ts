import { beforeAll, describe, expect, it } from 'vitest';
import { api, loginAs } from './helpers';

let admin: string;
let other: string;

beforeAll(async () => {
  admin = await loginAs('clinic_admin');
  other = await loginAs('clinic_admin', 'other');
});

async function lead(token: string, body: Record<string, unknown>) {
  const res = await api('/api/v1/leads', { token, body });
  expect(res.status).toBe(201);
  return res.json.lead.id as string;
}
const found = async (q: string, token = admin) => {
  const res = await api(`/api/v1/leads?q=${encodeURIComponent(q)}`, { token });
  expect(res.status).toBe(200);
  return (res.json.items as { id: string }[]).map((l) => l.id).sort();
};

describe('lead search, read from the word table', () => {
  let maria: string;
  let mario: string;
  let ana: string;

  beforeAll(async () => {
    maria = await lead(admin, {
      firstName: 'María José',
      lastName: 'García-Lindqvist',
      email: 'mj.garcia@smile-mail.test',
      phone: '(512) 555-0142',
    });
    mario = await lead(admin, { firstName: 'Mario', lastName: 'Garcia', phone: '+1 737 555 0199' });
    ana = await lead(admin, { firstName: 'Ana', lastName: 'Lindqvist', email: 'ana@northfjord.test' });
    await lead(other, { firstName: 'Maria', lastName: 'Garcia', email: 'mj.garcia@smile-mail.test' });
  });

  it('finds a name by the start of any of its words, accents and case ignored', async () => {
    expect(await found('garc')).toEqual([maria, mario].sort());
    expect(await found('MARIA garcia')).toEqual([maria]);
    expect(await found('jose')).toEqual([maria]);
    expect(await found('lindqvist')).toEqual([maria, ana].sort());
    // A word inside a name is not the start of one.
    expect(await found('arcia')).toEqual([]);
    // Each word may match by another way: a name and an email domain, a name and digits of the phone.
    expect(await found('maria smile')).toEqual([maria]);
    expect(await found('lindqvist 0142')).toEqual([maria]);
    expect(await found('lindqvist northfjord')).toEqual([ana]);
  });

  it('finds an email by its start or its domain, and a phone by any three digits or more in it', async () => {
    expect(await found('mj.gar')).toEqual([maria]);
    expect(await found('northfjord')).toEqual([ana]);
    expect(await found('0142')).toEqual([maria]);
    expect(await found('(512) 555-0142')).toEqual([maria]);
    expect(await found('1 737 555 0199')).toEqual([mario]);
    expect(await found('555 01')).toEqual([maria, mario].sort());
  });

  it('follows an edit: the old name and number no longer find the lead, the new ones do', async () => {
    const res = await api(`/api/v1/leads/${ana}`, {
      token: admin,
      method: 'PATCH',
      body: { lastName: 'Berg', phone: '512-555-0777' },
    });
    expect(res.status).toBe(200);
    expect(await found('lindqvist')).toEqual([maria]);
    expect(await found('berg')).toEqual([ana]);
    expect(await found('0777')).toEqual([ana]);
  });

  it('leaves out a merged duplicate, and never reads another organisation', async () => {
    const twin = await lead(admin, {
      firstName: 'Mario',
      lastName: 'Garcia',
      email: 'mario.twin@example.test',
    });
    const before = await found('mario');
    expect(before, JSON.stringify(before)).toEqual([mario, twin].sort());
    const merged = await api(`/api/v1/leads/${mario}/merge`, { token: admin, body: { duplicateId: twin } });
    expect(merged.status).toBe(200);
    expect(await found('mario')).toEqual([mario]);
    expect(await found('smile-mail')).toEqual([maria]);
  });

  it('pages the matches newest first', async () => {
    const ids: string[] = [];
    for (const n of ['Ada', 'Bea', 'Cy'])
      ids.push(await lead(admin, { firstName: n, lastName: 'Quokka', email: `${n}@quokka.test` }));
    const first = await api('/api/v1/leads?q=quokka&limit=2', { token: admin });
    expect(first.json.items.map((l: { id: string }) => l.id)).toEqual([ids[2], ids[1]]);
    const next = await api(`/api/v1/leads?q=quokka&limit=2&cursor=${first.json.nextCursor}`, {
      token: admin,
    });
    expect(next.json.items.map((l: { id: string }) => l.id)).toEqual([ids[0]]);
    expect(next.json.nextCursor).toBeNull();
  });
});
