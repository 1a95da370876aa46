import { beforeAll, describe, expect, it } from 'vitest';
import { api, createFacility, loginAs, seed } from './helpers';

let admin: string;
let facilityId: string;
const ids: Record<string, string> = {};

const add = async (key: string, body: Record<string, string>) => {
  const res = await api('/api/v1/patients', {
    token: admin,
    body: { facilityId, dateOfBirth: '1941-02-03', ...body },
  });
  expect(res.status).toBe(201);
  ids[key] = res.json.id;
};
const search = async (q: string, extra = '') => {
  const res = await api(`/api/v1/patients?q=${encodeURIComponent(q)}${extra}`, { token: admin });
  expect(res.status).toBe(200);
  return res.json as { items: { id: string }[]; nextCursor: string | null };
};
const found = async (q: string) => (await search(q)).items.map((p) => p.id);

beforeAll(async () => {
  await seed();
  admin = await loginAs('clinic_admin');
  facilityId = await createFacility(admin, 'Search Gardens');
  await add('maria', { firstName: 'María', lastName: 'García' });
  await add('mario', { firstName: 'Mario', lastName: 'Garcia-Lopez' });
  await add('zoe', { firstName: 'Zoë', lastName: 'Quinn-Harper', mrn: 'A1234' });
  await add('mary', { firstName: 'Mary Jane', lastName: 'Martinez' });
});

describe('searching patients by the start of their name words', () => {
  it('matches every word, ignoring case and accents, alphabetically', async () => {
    expect(await found('maria garcia')).toEqual([ids.maria]);
    // By name key, last name first: "garcialopez|mario" sorts before "garcia|maria".
    expect(await found('GARCIA')).toEqual([ids.mario, ids.maria]);
    expect(await found('mar')).toEqual([ids.mario, ids.maria, ids.mary]);
    expect(await found('harper')).toEqual([ids.zoe]);
    expect(await found('jane')).toEqual([ids.mary]);
    expect(await found('zoe quinnh')).toEqual([ids.zoe]);
    expect(await found('nobody')).toEqual([]);
  });

  it('finds a patient by MRN, pages through the matches, and combines with the facility', async () => {
    expect(await found('a1234')).toEqual([ids.zoe]);
    expect(await found('a123')).toEqual([]);
    // An MRN with a name word: both must match.
    expect(await found('quinn a1234')).toEqual([ids.zoe]);
    expect(await found('maria a1234')).toEqual([]);
    const first = await search('mar', '&limit=2');
    expect(first.items.map((p) => p.id)).toEqual([ids.mario, ids.maria]);
    const next = await search('mar', `&limit=2&cursor=${first.nextCursor}`);
    expect(next.items.map((p) => p.id)).toEqual([ids.mary]);
    expect(next.nextCursor).toBeNull();
    const elsewhere = await createFacility(admin, 'Other Gardens');
    expect((await search('maria', `&facilityId=${elsewhere}`)).items).toEqual([]);
    expect((await search('maria', `&facilityId=${facilityId}`)).items.map((p) => p.id)).toEqual([ids.maria]);
  });

  it('follows a renamed patient at once', async () => {
    const res = await api(`/api/v1/patients/${ids.zoe}`, {
      method: 'PATCH',
      token: admin,
      body: { lastName: 'Stone' },
    });
    expect(res.status).toBe(200);
    expect(await found('quinn')).toEqual([]);
    expect(await found('stone zoe')).toEqual([ids.zoe]);
  });

  it('never finds another organisation’s patients', async () => {
    const other = await loginAs('clinic_admin', 'other');
    const res = await api('/api/v1/patients?q=maria', { token: other });
    expect(res.json.items).toEqual([]);
  });
});
