import { beforeAll, describe, expect, it } from 'vitest';
import { api, BASE, linkIn, loginAs, mailbox, seed } from './helpers';

beforeAll(() => seed());

const address = { line1: '1200 north lamar boulevard', city: 'austin', state: 'TX', postalCode: '78703' };

function facility(name: string, extra: Record<string, unknown> = {}) {
  return {
    name,
    address,
    features: { emar: true, notes: true },
    serviceCategories: ['pharmacy', 'medical'],
    ...extra,
  };
}

async function create(token: string, body: Record<string, unknown>) {
  return api('/api/v1/facilities', { token, body });
}

describe('facilities', () => {
  it('creates a facility with a verified, normalised address and its first contract event', async () => {
    const admin = await loginAs('clinic_admin');
    const res = await create(
      admin,
      facility('Sunrise Manor', { cycleStartDay: 5, phone: '(512) 555-0100', website: 'sunrise.example' }),
    );
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({
      name: 'Sunrise Manor',
      website: 'https://sunrise.example',
      contractStatus: 'not_contracted',
      features: { ordering: false, emar: true, bubblePack: false, notes: true, tasks: false },
      serviceCategories: ['pharmacy', 'medical'],
      cycleStartDay: 5,
      address: { line1: '1200 N Lamar Blvd', city: 'Austin', state: 'TX', postalCode: '78703' },
    });
    expect(res.json.nextCycleDate).toMatch(/^\d{4}-\d{2}-05$/);
    expect(res.json.nextCycleDate >= new Date().toISOString().slice(0, 10)).toBe(true);
    const history = await api(`/api/v1/facilities/${res.json.id}/contract-history`, { token: admin });
    expect(history.json.items).toEqual([
      expect.objectContaining({ fromStatus: null, toStatus: 'not_contracted' }),
    ]);
  });

  it('refuses a duplicate name, ignoring case and spaces', async () => {
    const admin = await loginAs('clinic_admin');
    await create(admin, facility('Oak Grove Living'));
    const dup = await create(admin, facility('  oak   GROVE living '));
    expect(dup.status).toBe(409);
    expect(dup.json.error.message).toBe('A facility named "Oak Grove Living" already exists');
    // Another organisation may use the name.
    expect((await create(await loginAs('clinic_admin', 'other'), facility('Oak Grove Living'))).status).toBe(
      201,
    );
  });

  it('refuses an address that does not verify, saying what is wrong, and saves nothing', async () => {
    const admin = await loginAs('clinic_admin');
    const res = await create(
      admin,
      facility('Wrong Zip Home', { address: { ...address, postalCode: '10001' } }),
    );
    expect(res.status).toBe(400);
    expect(res.json.error.message).toBe(
      'The address could not be verified: ZIP 10001 belongs to New York, not Texas',
    );
    expect(res.json.error.details).toEqual([
      { path: 'address.postalCode', issue: 'ZIP 10001 belongs to New York, not Texas' },
    ]);
    const list = await api('/api/v1/facilities?q=wrong', { token: admin });
    expect(list.json.items).toHaveLength(0);
  });

  it('validates fields with the shared schema', async () => {
    const admin = await loginAs('clinic_admin');
    const res = await create(
      admin,
      facility('Bad Day', { cycleStartDay: 31, serviceCategories: ['dental'], features: { laundry: true } }),
    );
    expect(res.status).toBe(400);
    const paths = res.json.error.details.map((d: { path: string }) => d.path);
    expect(paths).toEqual(expect.arrayContaining(['cycleStartDay', 'serviceCategories.0', 'features']));
  });

  it('moves the contract only along allowed transitions and keeps the history', async () => {
    const admin = await loginAs('clinic_admin');
    const { json: f } = await create(admin, facility('Contract House'));
    const skip = await api(`/api/v1/facilities/${f.id}/contract`, { token: admin, body: { to: 'active' } });
    expect(skip.status).toBe(409);
    expect(skip.json.error.message).toBe(
      'A not contracted facility cannot become active; it can become pending',
    );
    for (const to of ['pending', 'active', 'churned']) {
      const res = await api(`/api/v1/facilities/${f.id}/contract`, {
        token: admin,
        body: { to, note: `to ${to}` },
      });
      expect(res.status).toBe(200);
      expect(res.json.contractStatus).toBe(to);
    }
    const history = await api(`/api/v1/facilities/${f.id}/contract-history`, { token: admin });
    expect(
      history.json.items.map(
        (e: { fromStatus: string; toStatus: string }) => `${e.fromStatus}>${e.toStatus}`,
      ),
    ).toEqual(['null>not_contracted', 'not_contracted>pending', 'pending>active', 'active>churned']);
    expect(history.json.items[3]).toMatchObject({ note: 'to churned', changedBy: 'usr_demo_clinic_admin' });
  });

  it('lists with search, filters, sort and cursor pages', async () => {
    const admin = await loginAs('super_admin');
    for (const name of ['Alpha Care', 'Bravo Care', 'Charlie Care', 'Delta_Care']) {
      await create(admin, facility(name, { features: { ordering: name.startsWith('B') } }));
    }
    const page1 = await api('/api/v1/facilities?q=care&limit=2&sort=name', { token: admin });
    expect(page1.json.items.map((f: { name: string }) => f.name)).toEqual(['Alpha Care', 'Bravo Care']);
    const page2 = await api(`/api/v1/facilities?q=care&limit=2&sort=name&cursor=${page1.json.nextCursor}`, {
      token: admin,
    });
    expect(page2.json.items.map((f: { name: string }) => f.name)).toEqual(['Charlie Care', 'Delta_Care']);
    expect(page2.json.nextCursor).toBeNull();
    const desc = await api('/api/v1/facilities?q=care&sort=-name&limit=1', { token: admin });
    expect(desc.json.items[0].name).toBe('Delta_Care');
    const ordering = await api('/api/v1/facilities?feature=ordering', { token: admin });
    expect(ordering.json.items.map((f: { name: string }) => f.name)).toEqual(['Bravo Care']);
    // "_" is a literal character, not a wildcard.
    const literal = await api('/api/v1/facilities?q=a_c', { token: admin });
    expect(literal.json.items.map((f: { name: string }) => f.name)).toEqual(['Delta_Care']);
    const status = await api('/api/v1/facilities?contractStatus=pending', { token: admin });
    expect(status.json.items.every((f: { contractStatus: string }) => f.contractStatus === 'pending')).toBe(
      true,
    );
  });

  it('edits only the fields sent, re-verifying a new address', async () => {
    const admin = await loginAs('clinic_admin');
    const { json: f } = await create(admin, facility('Edit Me'));
    const res = await api(`/api/v1/facilities/${f.id}`, {
      method: 'PATCH',
      token: admin,
      body: {
        features: { ordering: true },
        address: { line1: '5 main street', city: 'new york', state: 'ny', postalCode: '10001' },
      },
    });
    expect(res.status).toBe(200);
    expect(res.json.features).toMatchObject({ ordering: true, emar: true });
    expect(res.json.address).toMatchObject({ line1: '5 Main St', city: 'New York', state: 'NY' });
    const bad = await api(`/api/v1/facilities/${f.id}`, {
      method: 'PATCH',
      token: admin,
      body: { address: { ...address, state: 'ZZ' } },
    });
    expect(bad.status).toBe(400);
    expect((await api(`/api/v1/facilities/${f.id}`, { token: admin })).json.address.state).toBe('NY');
  });

  it('counts demand per facility and category', async () => {
    const admin = await loginAs('clinic_admin');
    await create(admin, facility('Demand One', { serviceCategories: ['support'], cycleStartDay: 1 }));
    const res = await api('/api/v1/facilities/demand', { token: admin });
    expect(res.status).toBe(200);
    const one = res.json.items.find((i: { name: string }) => i.name === 'Demand One');
    expect(one.categories.support).toEqual({ taken: true, patients: 0, services: 0 });
    expect(one.categories.medical.taken).toBe(false);
    expect(one.nextCycleDate).toMatch(/-01$/);
    expect(res.json.totals.support.facilities).toBeGreaterThanOrEqual(1);
  });

  it('answers another organisation’s facility like a missing one', async () => {
    const { json: f } = await create(await loginAs('clinic_admin'), facility('Private Place'));
    const other = await loginAs('clinic_admin', 'other');
    expect((await api(`/api/v1/facilities/${f.id}`, { token: other })).status).toBe(404);
    expect(
      (
        await api(`/api/v1/facilities/${f.id}`, {
          method: 'PATCH',
          token: other,
          body: { phone: '555-123-4567' },
        })
      ).status,
    ).toBe(404);
    expect(
      (await api(`/api/v1/facilities/${f.id}/contract`, { token: other, body: { to: 'pending' } })).status,
    ).toBe(404);
  });

  it('lets only administrators create facilities; other staff only view', async () => {
    const coordinator = await loginAs('treatment_coordinator');
    expect((await create(coordinator, facility('Not Allowed'))).status).toBe(403);
    expect((await api('/api/v1/facilities', { token: coordinator })).status).toBe(200);
  });
});

describe('facility administrators', () => {
  it('invites the administrator, who after accepting sees and edits only that facility', async () => {
    const admin = await loginAs('clinic_admin');
    const created = await create(
      admin,
      facility('Maple Court', { administrator: { name: 'Mara Maple', email: 'mara@maple.test' } }),
    );
    expect(created.json.administrator).toEqual({
      name: 'Mara Maple',
      email: 'mara@maple.test',
      phone: null,
      invitation: 'sent',
    });
    await create(admin, facility('Someone Else Place'));

    const mail = (await mailbox()).find((m) => m.recipient === 'mara@maple.test')!;
    expect(mail.bodyText).toContain('as Facility admin');
    const link = linkIn(mail.bodyText, '/invite');
    const accepted = await api(link, {
      method: 'POST',
      body: new URLSearchParams({
        name: 'Mara Maple',
        password: 'maple-court-2026',
        confirm: 'maple-court-2026',
      }).toString(),
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: BASE },
    });
    expect(accepted.status).toBe(200);
    expect(
      (await api(`/api/v1/facilities/${created.json.id}`, { token: admin })).json.administrator.invitation,
    ).toBe('accepted');

    const login = await api('/api/v1/auth/login', {
      body: { email: 'mara@maple.test', password: 'maple-court-2026' },
    });
    const mara = login.json.token;
    const list = await api('/api/v1/facilities', { token: mara });
    expect(list.json.items.map((f: { name: string }) => f.name)).toEqual(['Maple Court']);
    const others = await api('/api/v1/facilities?limit=200', { token: admin });
    const hidden = others.json.items.find((f: { name: string }) => f.name === 'Someone Else Place');
    expect((await api(`/api/v1/facilities/${hidden.id}`, { token: mara })).status).toBe(404);
    const edit = await api(`/api/v1/facilities/${created.json.id}`, {
      method: 'PATCH',
      token: mara,
      body: { phone: '512-555-0199' },
    });
    expect(edit.status).toBe(200);
    // The name is the organisation's (issue 12): refused before any name check, so a hidden facility's name stays unrevealed.
    const clash = await api(`/api/v1/facilities/${created.json.id}`, {
      method: 'PATCH',
      token: mara,
      body: { name: 'Someone Else Place' },
    });
    expect(clash.status).toBe(403);
    expect(clash.json.error.message).toBe(
      "The organisation keeps a facility's name: ask its operations team to change it",
    );
    // Contract, contract history and documents are not theirs.
    expect(
      (await api(`/api/v1/facilities/${created.json.id}/contract-history`, { token: mara })).status,
    ).toBe(403);
    expect((await api(`/api/v1/facilities/${created.json.id}/documents`, { token: mara })).status).toBe(403);
    const reassign = await api(`/api/v1/facilities/${created.json.id}`, {
      method: 'PATCH',
      token: mara,
      body: { administrator: null },
    });
    expect(reassign.status).toBe(403);
    expect((await api('/api/v1/facilities/demand', { token: mara })).json.items).toHaveLength(1);
  });

  it('corrects a wrong administrator email: the old link dies and the new address is invited', async () => {
    const admin = await loginAs('clinic_admin');
    const { json: f } = await create(
      admin,
      facility('Typo Towers', { administrator: { name: 'Tom', email: 'tom@typo.tset' } }),
    );
    const oldLink = linkIn(
      (await mailbox()).find((m) => m.recipient === 'tom@typo.tset')!.bodyText,
      '/invite',
    );
    const fixed = await api(`/api/v1/facilities/${f.id}`, {
      method: 'PATCH',
      token: admin,
      body: { administrator: { name: 'Tom', email: 'tom@typo.test' } },
    });
    expect(fixed.json.administrator).toMatchObject({ email: 'tom@typo.test', invitation: 'sent' });
    expect((await api(oldLink)).status).toBe(410);
    expect((await mailbox()).some((m) => m.recipient === 'tom@typo.test')).toBe(true);

    const before = (await mailbox()).length;
    const resent = await api(`/api/v1/facilities/${f.id}/administrator/resend`, {
      method: 'POST',
      token: admin,
    });
    expect(resent.status).toBe(200);
    expect((await mailbox()).length).toBe(before + 1);
  });

  it('does not move an open administrator invitation to another facility', async () => {
    const admin = await loginAs('clinic_admin');
    await create(admin, facility('First Home', { administrator: { name: 'Sam', email: 'sam@two.test' } }));
    const second = await create(
      admin,
      facility('Second Home', { administrator: { name: 'Sam', email: 'sam@two.test' } }),
    );
    expect(second.status).toBe(409);
    expect(second.json.error.message).toContain(
      'already has an open invitation as administrator of another facility',
    );
  });

  it('attaches an administrator who is already a member, without an invitation', async () => {
    const admin = await loginAs('clinic_admin');
    const before = (await mailbox()).length;
    const { json: f } = await create(
      admin,
      facility('Member Manor', { administrator: { name: 'FA', email: 'facility_admin@demo.test' } }),
    );
    expect(f.administrator.invitation).toBe('member');
    expect((await mailbox()).length).toBe(before);
    const fa = await loginAs('facility_admin');
    expect(
      (await api('/api/v1/facilities', { token: fa })).json.items.map((x: { name: string }) => x.name),
    ).toEqual(['Member Manor']);
    const resend = await api(`/api/v1/facilities/${f.id}/administrator/resend`, {
      method: 'POST',
      token: admin,
    });
    expect(resend.status).toBe(409);
  });
});

describe('facility audit', () => {
  it('records reads and writes of facilities', async () => {
    const admin = await loginAs('clinic_admin');
    const { json: f } = await create(admin, facility('Audited Acres'));
    await api(`/api/v1/facilities/${f.id}`, { token: admin });
    await api(`/api/v1/facilities/${f.id}/contract`, { token: admin, body: { to: 'pending' } });
    const trail = await api(`/api/v1/audit?entityType=facility&entityId=${f.id}`, {
      token: await loginAs('super_admin'),
    });
    expect(trail.json.items.map((e: { action: string }) => e.action).sort()).toEqual([
      'create',
      'read',
      'update',
    ]);
  });
});

describe('address check before saving', () => {
  it('answers the normalised address, or the problems with it', async () => {
    const admin = await loginAs('clinic_admin');
    const ok = await api('/api/v1/facilities/verify-address', { token: admin, body: address });
    expect(ok.status).toBe(200);
    expect(ok.json).toMatchObject({
      line1: '1200 N Lamar Blvd',
      city: 'Austin',
      state: 'TX',
      verification: { provider: 'offline' },
    });
    const bad = await api('/api/v1/facilities/verify-address', {
      token: admin,
      body: { ...address, postalCode: 'abc' },
    });
    expect(bad.status).toBe(400);
    expect(bad.json.error.details[0].path).toBe('address.postalCode');
  });
});
