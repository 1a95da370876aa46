import { beforeAll, describe, expect, it } from 'vitest';
import { api, loginAs } from './helpers';

let coordinator: string;

beforeAll(async () => {
  coordinator = await loginAs('treatment_coordinator');
});

const newLead = (body: Record<string, unknown>) => api('/api/v1/leads', { token: coordinator, body });

describe('duplicate matching', () => {
  it('matches a phone written with an extension, and says which field matched', async () => {
    const first = (await newLead({ firstName: 'Ext', lastName: 'One', phone: '555-123-4567' })).json.lead;
    for (const written of ['555-123-4567 ext. 12', '(555) 123-4567 x12', '+1 555 123 4567, extension 9']) {
      const res = await newLead({ firstName: 'Someone', lastName: 'Else', phone: written });
      expect(res.status).toBe(201);
      expect(res.json.likelyDuplicates).toContainEqual(
        expect.objectContaining({
          id: first.id,
          reasons: ['same phone'],
          matched: [{ field: 'phone', reason: 'same phone' }],
        }),
      );
    }
    // The other way round: the number on file has the extension.
    const withExt = (await newLead({ firstName: 'Ext', lastName: 'Two', phone: '555-777-0000 ext 3' })).json
      .lead;
    const check = await api('/api/v1/leads/match', { token: coordinator, body: { phone: '5557770000' } });
    expect(check.json.items.map((m: { id: string }) => m.id)).toEqual([withExt.id]);
  });

  it("matches a lead whose email is a parent's address already on another lead", async () => {
    const sister = (
      await newLead({
        firstName: 'Ava',
        lastName: 'Stone',
        dateOfBirth: '2013-04-04',
        phone: '555-210-0001',
        responsibleParty: { name: 'Rita Stone', relationship: 'Mother', email: 'Rita.Stone@Example.test' },
      })
    ).json.lead;
    // The brother's inquiry was sent from the mother's address.
    const brother = await newLead({ firstName: 'Ben', lastName: 'Stone', email: 'rita.stone@example.test' });
    expect(brother.json.likelyDuplicates).toEqual([
      {
        id: sister.id,
        firstName: 'Ava',
        lastName: 'Stone',
        reasons: ["email is this lead's responsible party's email"],
        matched: [{ field: 'email', reason: "email is this lead's responsible party's email" }],
      },
    ]);
    // A third child with the mother named as responsible party finds both.
    const third = await api('/api/v1/leads/match', {
      token: coordinator,
      body: { firstName: 'Cal', lastName: 'Stone', responsiblePartyEmail: 'rita.stone@example.test' },
    });
    const byId = new Map(third.json.items.map((m: { id: string; matched: unknown }) => [m.id, m.matched]));
    expect(byId.get(sister.id)).toEqual([
      { field: 'responsibleParty.email', reason: 'same responsible party email' },
    ]);
    expect(byId.get(brother.json.lead.id)).toEqual([
      { field: 'responsibleParty.email', reason: "responsible party's email is this lead's email" },
    ]);
  });

  it('keeps an unrelated address and another organisation out of the matches', async () => {
    const other = await loginAs('clinic_admin', 'other');
    await api('/api/v1/leads', {
      token: other,
      body: {
        firstName: 'Far',
        lastName: 'Away',
        phone: '555-999-1111',
        responsibleParty: { name: 'Pat Away', relationship: 'Father', email: 'pat.away@example.test' },
      },
    });
    const res = await api('/api/v1/leads/match', {
      token: coordinator,
      body: { email: 'pat.away@example.test', phone: '555-999-1111 ext. 4' },
    });
    expect(res.status).toBe(200);
    expect(res.json.items).toEqual([]);
  });
});
