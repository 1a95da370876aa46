import { beforeAll, describe, expect, it } from 'vitest';
import { api, loginAs, seed } from './helpers';
import { address, providerBody, VALID_NPI } from './referral-helpers';

beforeAll(() => seed());

const create = (token: string, body: Record<string, unknown>) =>
  api('/api/v1/referring-providers', { token, body });

describe('referring-provider directory', () => {
  it('adds a provider with a verified practice address, and a second provider to the same practice', async () => {
    const admin = await loginAs('clinic_admin');
    const res = await create(
      admin,
      providerBody('Jane', 'Okafor', { npi: VALID_NPI, specialty: 'pediatric_dentist' }),
    );
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({
      displayName: 'Dr Jane Okafor, DDS',
      npi: VALID_NPI,
      specialty: 'pediatric_dentist',
      letterPreference: 'email',
      active: true,
      practice: {
        name: 'Okafor Family Dental',
        address: { line1: '500 E Main St', city: 'Austin', state: 'TX', postalCode: '78701' },
      },
    });
    const colleague = await create(admin, {
      firstName: 'Sam',
      lastName: 'Reyes',
      practiceId: res.json.practice.id,
      letterPreference: 'mail',
    });
    expect(colleague.status).toBe(201);
    expect(colleague.json.practice.id).toBe(res.json.practice.id);
    const practices = await api('/api/v1/referring-providers/practices?q=okafor', { token: admin });
    expect(practices.json.items.map((p: { id: string }) => p.id)).toEqual([res.json.practice.id]);
  });

  it('refuses a bad NPI check digit, an unverifiable address and a fax preference without a fax', async () => {
    const admin = await loginAs('clinic_admin');
    const npi = await create(admin, providerBody('Ann', 'Typo', { npi: '1234567890' }));
    expect(npi.status).toBe(400);
    expect(npi.json.error.details).toEqual([
      { path: 'npi', issue: 'This NPI fails its check digit; check for a typing mistake' },
    ]);
    const wrongZip = await create(
      admin,
      providerBody('Ann', 'Elsewhere', {
        practice: { name: 'Nowhere Dental', address: { ...address, postalCode: '10001' } },
      }),
    );
    expect(wrongZip.status).toBe(400);
    expect(wrongZip.json.error.message).toContain('ZIP 10001 belongs to New York');
    const fax = await create(admin, providerBody('Ann', 'Faxless', { letterPreference: 'fax' }));
    expect(fax.status).toBe(400);
    expect(fax.json.error.details).toEqual([{ path: 'letterPreference', issue: 'no fax number' }]);
    const list = await api('/api/v1/referring-providers?q=elsewhere', { token: admin });
    expect(list.json.items).toHaveLength(0);
  });

  it('answers likely duplicates with the candidates; saves anyway on request but never a second NPI', async () => {
    const admin = await loginAs('clinic_admin');
    const first = await create(admin, providerBody('Lena', 'Marsh', { npi: '1245319599' }));
    expect(first.status).toBe(201);
    const sameEmail = await create(
      admin,
      providerBody('Helena', 'Marsh-Price', { email: 'LENA.MARSH@smiles.example ' }),
    );
    expect(sameEmail.status).toBe(409);
    expect(sameEmail.json.error.details).toEqual([
      {
        path: `candidates.${first.json.id}`,
        issue: 'Dr Lena Marsh, DDS, Marsh Family Dental (Austin): same email',
      },
    ]);
    const sameName = await create(admin, {
      firstName: ' lena ',
      lastName: 'MARSH',
      practice: { name: 'marsh  family dental', address },
      letterPreference: 'mail',
    });
    expect(sameName.status).toBe(409);
    expect(sameName.json.error.details[0].issue).toContain('same name at the same practice');
    const check = await api('/api/v1/referring-providers/duplicates', {
      token: admin,
      body: { firstName: 'Someone', lastName: 'Else', npi: '1245319599' },
    });
    expect(check.json.items).toEqual([expect.objectContaining({ id: first.json.id, reasons: ['same NPI'] })]);
    const anyway = await create(
      admin,
      providerBody('Helena', 'Marsh-Price', { email: 'lena.marsh@smiles.example', allowDuplicate: true }),
    );
    expect(anyway.status).toBe(201);
    const npiAgain = await create(
      admin,
      providerBody('Other', 'Person', { npi: '1245319599', allowDuplicate: true }),
    );
    expect(npiAgain.status).toBe(409);
    expect(npiAgain.json.error.message).toBe('Dr Lena Marsh, DDS already has this NPI');
  });

  it('searches by the start of a last name, practice or city, in name order and keyset pages', async () => {
    const admin = await loginAs('clinic_admin', 'other');
    for (const [first, last, practice, city, state, zip] of [
      ['Ada', 'Quill', 'Harbor Dental', 'Portland', 'OR', '97205'],
      ['Bo', 'Quimby', 'Summit Smiles', 'Denver', 'CO', '80202'],
      ['Cy', 'Nguyen', 'Quarry Dental Arts', 'Boulder', 'CO', '80302'],
      ['Di', 'Fox', 'Lakeside Dental', 'Quincy', 'MA', '02169'],
    ] as const) {
      const res = await create(admin, {
        firstName: first,
        lastName: last,
        letterPreference: 'mail',
        practice: { name: practice, address: { line1: '1 Main St', city, state, postalCode: zip } },
      });
      expect(res.status).toBe(201);
    }
    const names = async (query: string) =>
      (await api(`/api/v1/referring-providers?${query}`, { token: admin })).json.items.map(
        (p: { lastName: string }) => p.lastName,
      );
    expect(await names('q=qu')).toEqual(['Fox', 'Nguyen', 'Quill', 'Quimby']);
    expect(await names('q=quarry')).toEqual(['Nguyen']);
    expect(await names('q=DENVER')).toEqual(['Quimby']);
    const page1 = await api('/api/v1/referring-providers?q=qu&limit=3', { token: admin });
    expect(page1.json.items).toHaveLength(3);
    const page2 = await api(`/api/v1/referring-providers?q=qu&limit=3&cursor=${page1.json.nextCursor}`, {
      token: admin,
    });
    expect(page2.json.items.map((p: { lastName: string }) => p.lastName)).toEqual(['Quimby']);
    expect(page2.json.nextCursor).toBeNull();
    expect(page1.json.items[0].counts).toEqual({
      referralsThisYear: 0,
      convertedThisYear: 0,
      lastReferralDate: null,
    });
  });

  it('edits and retires a provider; merging moves the duplicate out of the directory', async () => {
    const admin = await loginAs('clinic_admin');
    const a = await create(admin, providerBody('Ivo', 'Stanek'));
    const b = await create(
      admin,
      providerBody('Ivo', 'Stanek', { email: 'ivo@other.example', npi: '1326067489', allowDuplicate: true }),
    );
    expect(b.status).toBe(201);
    const merged = await api(`/api/v1/referring-providers/${a.json.id}/merge`, {
      token: admin,
      body: { duplicateId: b.json.id },
    });
    expect(merged.status).toBe(200);
    expect(merged.json.npi).toBe('1326067489');
    const list = await api('/api/v1/referring-providers?q=stanek', { token: admin });
    expect(list.json.items.map((p: { id: string }) => p.id)).toEqual([a.json.id]);
    const dup = await api(`/api/v1/referring-providers/${b.json.id}`, { token: admin });
    expect(dup.json).toMatchObject({ mergedInto: a.json.id, active: false });
    const again = await api(`/api/v1/referring-providers/${a.json.id}/merge`, {
      token: admin,
      body: { duplicateId: b.json.id },
    });
    expect(again.status).toBe(409);
    const retired = await api(`/api/v1/referring-providers/${a.json.id}`, {
      method: 'PATCH',
      token: admin,
      body: { active: false, credentials: 'DMD' },
    });
    expect(retired.json).toMatchObject({ active: false, displayName: 'Dr Ivo Stanek, DMD' });
    const active = await api('/api/v1/referring-providers?q=stanek&active=true', { token: admin });
    expect(active.json.items).toHaveLength(0);
  });

  it('lets every role with the referrals area view, only manage_providers edit, and keeps tenants apart', async () => {
    const admin = await loginAs('clinic_admin');
    const p = await create(admin, providerBody('Tess', 'Vale'));
    for (const role of ['read_only', 'billing', 'doctor', 'front_desk', 'treatment_coordinator']) {
      const token = await loginAs(role);
      expect((await api(`/api/v1/referring-providers/${p.json.id}`, { token })).status).toBe(200);
      expect((await create(token, providerBody('No', 'Access'))).status).toBe(403);
      const patch = await api(`/api/v1/referring-providers/${p.json.id}`, {
        method: 'PATCH',
        token,
        body: { notes: 'x' },
      });
      expect(patch.status).toBe(403);
    }
    for (const role of ['facility_admin', 'provider']) {
      const token = await loginAs(role);
      expect((await api('/api/v1/referring-providers', { token })).status).toBe(403);
    }
    const other = await loginAs('clinic_admin', 'other');
    const missing = await api(`/api/v1/referring-providers/${p.json.id}`, { token: other });
    expect(missing.status).toBe(404);
    const otherList = await api('/api/v1/referring-providers?q=vale', { token: other });
    expect(otherList.json.items).toHaveLength(0);
    const audit = await api(`/api/v1/audit?entityId=${p.json.id}`, { token: admin });
    expect(audit.json.items.map((e: { action: string }) => e.action)).toEqual(
      expect.arrayContaining(['create', 'read']),
    );
  });
});
