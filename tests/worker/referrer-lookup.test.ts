import { beforeAll, describe, expect, it } from 'vitest';
import { api, loginAs, seed, settleBackgroundWork } from './helpers';
import { createProvider } from './referral-helpers';

// A referring dentist named in a captured message, found in the directory
// the way the capture review asks: POST /referring-providers/lookup.
beforeAll(() => seed());

const lookup = (token: string, body: unknown) => api('/api/v1/referring-providers/lookup', { token, body });
const ids = (res: { json: { items: { id: string }[] } }) => res.json.items.map((i) => i.id);

describe('a named referrer looked up in the directory', () => {
  let admin: string;
  let lena: { id: string };
  let ada: { id: string };
  let sam: { id: string };
  beforeAll(async () => {
    admin = await loginAs('clinic_admin');
    lena = await createProvider(admin, 'Lena', 'Quillfeather');
    ada = await createProvider(admin, 'Ada', 'Brightwater');
    sam = await createProvider(admin, 'Sam', 'Brightwater', {
      email: 'sam@lakeside.example',
      practice: {
        name: 'Lakeside Dental Studio',
        address: { line1: '500 east main street', city: 'austin', state: 'TX', postalCode: '78701' },
      },
    });
  });

  it('finds the dentist as named, with a spelling slip, or by the practice alone', async () => {
    const exact = await lookup(admin, { name: 'Dr. Lena Quillfeather' });
    expect(exact.status).toBe(200);
    expect(exact.json).toEqual({
      confident: true,
      items: [
        {
          id: lena.id,
          displayName: 'Dr Lena Quillfeather, DDS',
          practiceName: 'Quillfeather Family Dental',
          city: 'Austin',
          active: true,
          score: 90,
          reasons: ['same last name', 'same first name'],
        },
      ],
    });
    const slip = await lookup(admin, { name: 'Dr Lina Quilfeather, DDS' });
    expect(ids(slip)).toEqual([lena.id]);
    expect(slip.json.items[0].reasons).toEqual([
      'last name spelled a little differently',
      'first name alike',
    ]);
    expect(slip.json.confident).toBe(true);
    const practiceOnly = await lookup(admin, { name: 'Lakeside Dental Studio' });
    expect(ids(practiceOnly)).toEqual([sam.id]);
    expect(practiceOnly.json.items[0].reasons).toEqual(['same practice']);
  });

  it('offers both namesakes unless the first name, the practice or the email tells them apart', async () => {
    const both = await lookup(admin, { name: 'Dr. Brightwater' });
    expect(ids(both).sort()).toEqual([ada.id, sam.id].sort());
    expect(both.json.confident).toBe(false);
    const byPractice = await lookup(admin, { name: 'Dr. Brightwater at Lakeside Dental' });
    expect(ids(byPractice)[0]).toBe(sam.id);
    expect(byPractice.json.confident).toBe(true);
    const byFirstName = await lookup(admin, { name: 'Dr. A. Brightwater' });
    expect(ids(byFirstName)[0]).toBe(ada.id);
    expect(byFirstName.json.confident).toBe(true);
    const byEmail = await lookup(admin, { name: 'Dr. Brightwater', email: 'SAM@lakeside.example' });
    expect(ids(byEmail)[0]).toBe(sam.id);
    expect(byEmail.json.confident).toBe(true);
    const nobody = await lookup(admin, { name: 'Dr. Zed Nobodyhere' });
    expect(nobody.json).toEqual({ items: [], confident: false });
  });

  it('is the organisation’s own directory, audited, and refuses bad input with the envelope', async () => {
    const other = await loginAs('clinic_admin', 'other');
    const elsewhere = await lookup(other, { name: 'Dr. Lena Quillfeather' });
    expect(elsewhere.status).toBe(200);
    expect(elsewhere.json).toEqual({ items: [], confident: false });

    const coordinator = await loginAs('treatment_coordinator');
    expect(ids(await lookup(coordinator, { name: 'Dr. Lena Quillfeather' }))).toEqual([lena.id]);
    const facilityAdmin = await loginAs('facility_admin');
    expect((await lookup(facilityAdmin, { name: 'Dr. Lena Quillfeather' })).status).toBe(403);

    for (const body of [
      {},
      { name: '   ' },
      { name: 'Dr. Fox', npi: '1' },
      { name: 'Dr. Fox', email: 'x' },
    ]) {
      const bad = await lookup(admin, body);
      expect(bad.status).toBe(400);
      expect(bad.json.error.code).toBe('validation_failed');
    }
    await settleBackgroundWork();
    const audit = await api('/api/v1/audit?entityType=referring_provider_match&action=read', {
      token: admin,
    });
    expect(
      audit.json.items.some((e: { detail: { matches?: string[] } }) => e.detail.matches?.[0] === lena.id),
    ).toBe(true);
  });
});
