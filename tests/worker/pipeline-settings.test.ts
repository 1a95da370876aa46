import { beforeAll, describe, expect, it } from 'vitest';
import { api, loginAs, seed } from './helpers';

type Stage = { id: string; name: string; outcome: 'open' | 'won' | 'lost'; sortOrder: number };
type Source = { id: string; name: string; channel: string; active: boolean };

let admin: string;
let frontDesk: string;
let otherAdmin: string;

beforeAll(async () => {
  await seed();
  admin = await loginAs('clinic_admin');
  // Front desk edits leads but lacks leads:full (a treatment coordinator has it, per spec 001's matrix).
  frontDesk = await loginAs('front_desk');
  otherAdmin = await loginAs('clinic_admin', 'other');
});

const stages = async (token = admin): Promise<Stage[]> =>
  (await api('/api/v1/pipeline-stages', { token })).json.items;
const sources = async (token = admin): Promise<Source[]> =>
  (await api('/api/v1/lead-sources', { token })).json.items;
const byName = <T extends { name: string; id: string }>(list: T[], name: string): T => {
  const found = list.find((s) => s.name === name);
  if (!found) throw new Error(`no ${name} in ${list.map((s) => s.name).join(', ')}`);
  return found;
};
const addStage = (body: Record<string, unknown>, token = admin) =>
  api('/api/v1/pipeline-stages', { token, body });
const newLead = async (body: Record<string, unknown>) => {
  const res = await api('/api/v1/leads', { token: admin, body });
  if (res.status !== 201) throw new Error(`lead not created: ${res.status} ${res.text}`);
  return res.json.lead as { id: string; stageId: string; sourceId: string | null };
};
const trail = async (entityType: string, entityId?: string) =>
  (
    await api(`/api/v1/audit?entityType=${entityType}${entityId ? `&entityId=${entityId}` : ''}`, {
      token: admin,
    })
  ).json.items as { action: string; entityId: string | null; detail: Record<string, unknown> | null }[];

describe('pipeline stages', () => {
  it('adds stages at the end or at a position, numbering the pipeline 0, 1, 2...', async () => {
    const before = await stages();
    expect(before).toHaveLength(6);
    const last = await addStage({ name: 'Financing discussed', outcome: 'open' });
    expect(last.status).toBe(201);
    expect(last.json).toEqual({
      id: expect.stringMatching(/^stg_/),
      name: 'Financing discussed',
      outcome: 'open',
      sortOrder: 6,
    });
    const second = await addStage({ name: '  Second   look ', outcome: 'open', position: 1 });
    expect(second.status).toBe(201);
    expect(second.json).toMatchObject({ name: 'Second look', sortOrder: 1 });
    const after = await stages();
    expect(after.map((s) => s.name)).toEqual([
      'New inquiry',
      'Second look',
      'Contacted',
      'Consultation scheduled',
      'Treatment presented',
      'Started treatment',
      'Not proceeding',
      'Financing discussed',
    ]);
    expect(after.map((s) => s.sortOrder)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    const audited = await trail('pipeline_stage', second.json.id);
    expect(audited).toEqual([
      expect.objectContaining({
        action: 'create',
        detail: { name: 'Second look', outcome: 'open', position: 1 },
      }),
    ]);
  });

  it('refuses a name already used, ignoring case and spacing, and a closed stage in first place', async () => {
    const clash = await addStage({ name: 'new  INQUIRY', outcome: 'open' });
    expect(clash.status).toBe(409);
    expect(clash.json.error).toMatchObject({
      code: 'conflict',
      message: expect.stringContaining('New inquiry'),
    });
    const wonFirst = await addStage({ name: 'Instant win', outcome: 'won', position: 0 });
    expect(wonFirst.status).toBe(400);
    expect(wonFirst.json.error.details).toEqual([{ path: 'position', issue: 'first stage must be open' }]);
    expect((await addStage({ name: '', outcome: 'open' })).status).toBe(400);
    expect((await addStage({ name: 'Odd', outcome: 'maybe' })).status).toBe(400);
    expect((await stages()).map((s) => s.name)).not.toContain('Instant win');
  });

  it('renames a stage and changes its outcome, but keeps the first stage open', async () => {
    const list = await stages();
    const second = byName(list, 'Second look');
    const renamed = await api(`/api/v1/pipeline-stages/${second.id}`, {
      token: admin,
      method: 'PATCH',
      body: { name: 'Second opinion' },
    });
    expect(renamed.status).toBe(200);
    expect(renamed.json).toEqual({ ...second, name: 'Second opinion' });
    const clash = await api(`/api/v1/pipeline-stages/${second.id}`, {
      token: admin,
      method: 'PATCH',
      body: { name: 'CONTACTED' },
    });
    expect(clash.status).toBe(409);
    // Its own name in another case is not a clash.
    const recased = await api(`/api/v1/pipeline-stages/${second.id}`, {
      token: admin,
      method: 'PATCH',
      body: { name: 'Second Opinion' },
    });
    expect(recased.json.name).toBe('Second Opinion');
    const lost = await api(`/api/v1/pipeline-stages/${byName(list, 'Financing discussed').id}`, {
      token: admin,
      method: 'PATCH',
      body: { outcome: 'lost' },
    });
    expect(lost.json).toMatchObject({ name: 'Financing discussed', outcome: 'lost' });
    const firstWon = await api(`/api/v1/pipeline-stages/${list[0]!.id}`, {
      token: admin,
      method: 'PATCH',
      body: { outcome: 'won' },
    });
    expect(firstWon.status).toBe(409);
    expect((await stages())[0]!.outcome).toBe('open');
    const nothing = await api(`/api/v1/pipeline-stages/${second.id}`, {
      token: admin,
      method: 'PATCH',
      body: {},
    });
    expect(nothing.status).toBe(400);
    const audited = await trail('pipeline_stage', second.id);
    expect(audited.map((e) => e.action)).toEqual(['update', 'update', 'create']);
    expect(audited.at(-2)!.detail).toEqual({ name: { from: 'Second look', to: 'Second opinion' } });
  });

  it('reorders the whole pipeline; new leads then land in the new first stage', async () => {
    const list = await stages();
    const contacted = byName(list, 'Contacted');
    const ids = [contacted.id, ...list.filter((s) => s.id !== contacted.id).map((s) => s.id)];
    const res = await api('/api/v1/pipeline-stages/order', { token: admin, method: 'PUT', body: { ids } });
    expect(res.status).toBe(200);
    expect(res.json.items.map((s: Stage) => s.id)).toEqual(ids);
    expect(res.json.items.map((s: Stage) => s.sortOrder)).toEqual(ids.map((_, i) => i));
    expect((await stages()).map((s) => s.id)).toEqual(ids);
    const lead = await newLead({ firstName: 'First', lastName: 'Lander', email: 'lander@example.test' });
    expect(lead.stageId).toBe(contacted.id);
    expect((await trail('pipeline_stage')).some((e) => e.action === 'update' && e.detail?.order)).toBe(true);

    // Put it back the way it was for the tests below.
    const restore = await api('/api/v1/pipeline-stages/order', {
      token: admin,
      method: 'PUT',
      body: { ids: list.map((s) => s.id) },
    });
    expect(restore.json.items.map((s: Stage) => s.name)).toEqual(list.map((s) => s.name));
  });

  it('refuses an order that is not exactly every stage once, or that puts a closed stage first', async () => {
    const list = await stages();
    const ids = list.map((s) => s.id);
    const order = (body: unknown) =>
      api('/api/v1/pipeline-stages/order', { token: admin, method: 'PUT', body });
    const missing = await order({ ids: ids.slice(1) });
    expect(missing.status).toBe(400);
    expect(missing.json.error.details).toEqual([{ path: 'ids', issue: 'missing New inquiry' }]);
    const twice = await order({ ids: [...ids, ids[1]] });
    expect(twice.json.error.details).toEqual([{ path: `ids.${ids.length}`, issue: 'listed twice' }]);
    const otherTenant = (await stages(otherAdmin))[1]!.id;
    const foreign = await order({ ids: [...ids, otherTenant] });
    expect(foreign.status).toBe(400);
    expect(foreign.json.error.details).toEqual([{ path: `ids.${ids.length}`, issue: 'unknown stage' }]);
    const won = byName(list, 'Started treatment').id;
    const wonFirst = await order({ ids: [won, ...ids.filter((id) => id !== won)] });
    expect(wonFirst.status).toBe(400);
    expect(wonFirst.json.error.details).toEqual([{ path: 'ids.0', issue: 'first stage must be open' }]);
    expect((await order({ ids: [] })).status).toBe(400);
    expect((await stages()).map((s) => s.id)).toEqual(ids);
  });

  it('removes an empty stage at once', async () => {
    const extra = (await addStage({ name: 'Short lived', outcome: 'open' })).json as Stage;
    const res = await api(`/api/v1/pipeline-stages/${extra.id}`, { token: admin, method: 'DELETE' });
    expect(res.status).toBe(200);
    expect(res.json.movedLeads).toBe(0);
    expect(res.json.items.map((s: Stage) => s.id)).not.toContain(extra.id);
    expect(res.json.items.map((s: Stage) => s.sortOrder)).toEqual(
      res.json.items.map((_: Stage, i: number) => i),
    );
    const audited = await trail('pipeline_stage', extra.id);
    expect(audited[0]).toMatchObject({ action: 'delete', detail: { name: 'Short lived', movedLeads: 0 } });
  });

  it('moves the leads of a removed stage to the chosen one, on each timeline, and the funnel follows', async () => {
    const from = (await addStage({ name: 'Waiting list', outcome: 'open' })).json as Stage;
    const to = (await addStage({ name: 'Holding', outcome: 'open' })).json as Stage;
    const a = await newLead({
      firstName: 'Wait',
      lastName: 'One',
      email: 'wait1@example.test',
      stageId: from.id,
    });
    const b = await newLead({ firstName: 'Wait', lastName: 'Two', phone: '720-555-0101', stageId: from.id });

    const refused = await api(`/api/v1/pipeline-stages/${from.id}`, { token: admin, method: 'DELETE' });
    expect(refused.status).toBe(409);
    expect(refused.json.error.message).toBe(
      '2 leads are in "Waiting list"; choose a stage to move them to first',
    );
    expect(refused.json.error.details).toEqual([{ path: 'moveTo', issue: '2 leads in this stage' }]);
    expect((await stages()).map((s) => s.id)).toContain(from.id);

    const self = await api(`/api/v1/pipeline-stages/${from.id}?moveTo=${from.id}`, {
      token: admin,
      method: 'DELETE',
    });
    expect(self.status).toBe(400);
    const unknown = await api(`/api/v1/pipeline-stages/${from.id}?moveTo=stg_nope`, {
      token: admin,
      method: 'DELETE',
    });
    expect(unknown.status).toBe(400);
    expect(unknown.json.error.details).toEqual([{ path: 'moveTo', issue: 'unknown stage' }]);

    const res = await api(`/api/v1/pipeline-stages/${from.id}?moveTo=${to.id}`, {
      token: admin,
      method: 'DELETE',
    });
    expect(res.status).toBe(200);
    expect(res.json.movedLeads).toBe(2);
    expect(res.json.items.map((s: Stage) => s.id)).not.toContain(from.id);

    for (const lead of [a, b]) {
      const now = await api(`/api/v1/leads/${lead.id}`, { token: admin });
      expect(now.json.stageId).toBe(to.id);
      const timeline = (await api(`/api/v1/leads/${lead.id}/timeline`, { token: admin })).json.items;
      expect(timeline.map((t: { kind: string }) => t.kind)).toEqual(['stage_change', 'created']);
      expect(timeline[0]).toMatchObject({
        kind: 'stage_change',
        createdBy: 'usr_demo_clinic_admin',
        detail: { from: 'Waiting list', to: 'Holding', reason: 'stage_removed', daysInStage: 0 },
      });
    }

    const analytics = (await api('/api/v1/leads/analytics', { token: admin })).json;
    expect(analytics.funnel.map((f: { stageId: string }) => f.stageId)).not.toContain(from.id);
    expect(analytics.funnel.find((f: { stageId: string }) => f.stageId === to.id).leads).toBe(2);
    expect(analytics.timeInStage.map((t: { stageId: string }) => t.stageId)).not.toContain(from.id);

    const audited = await trail('pipeline_stage', from.id);
    expect(audited[0]).toMatchObject({
      action: 'delete',
      detail: { name: 'Waiting list', movedTo: { id: to.id, name: 'Holding' }, movedLeads: 2 },
    });
  });

  it('takes moveTo in the body too, and needs the two to agree when both are given', async () => {
    const from = (await addStage({ name: 'Body move', outcome: 'open' })).json as Stage;
    const holding = byName(await stages(), 'Holding');
    const lead = await newLead({
      firstName: 'Body',
      lastName: 'Mover',
      email: 'body@example.test',
      stageId: from.id,
    });
    const clash = await api(`/api/v1/pipeline-stages/${from.id}?moveTo=${holding.id}`, {
      token: admin,
      method: 'DELETE',
      body: { moveTo: (await stages())[0]!.id },
    });
    expect(clash.status).toBe(400);
    const res = await api(`/api/v1/pipeline-stages/${from.id}`, {
      token: admin,
      method: 'DELETE',
      body: { moveTo: holding.id },
    });
    expect(res.status).toBe(200);
    expect((await api(`/api/v1/leads/${lead.id}`, { token: admin })).json.stageId).toBe(holding.id);
  });

  it('does not count merged leads as in the stage, and takes them along when it goes', async () => {
    const list = await stages();
    const parked = (await addStage({ name: 'Parked', outcome: 'open' })).json as Stage;
    const keep = await newLead({ firstName: 'Kim', lastName: 'Keep', email: 'kim.keep@example.test' });
    const dup = await newLead({
      firstName: 'Kim',
      lastName: 'Keep',
      phone: '720-555-0188',
      stageId: parked.id,
    });
    const merged = await api(`/api/v1/leads/${keep.id}/merge`, {
      token: admin,
      body: { duplicateId: dup.id },
    });
    expect(merged.status).toBe(200);
    const res = await api(`/api/v1/pipeline-stages/${parked.id}`, { token: admin, method: 'DELETE' });
    expect(res.status).toBe(200);
    expect(res.json.movedLeads).toBe(0);
    const hidden = await api(`/api/v1/leads/${dup.id}`, { token: admin });
    expect(hidden.json).toMatchObject({ mergedInto: keep.id, stageId: list[0]!.id });
  });

  it('answers 404 for another organisation’s stage exactly as for a missing one', async () => {
    const demoStage = (await stages())[1]!;
    const strip = (b: { error: Record<string, unknown> }) => ({ ...b.error, requestId: undefined });
    for (const [method, body] of [
      ['PATCH', { name: 'Taken over' }],
      ['DELETE', undefined],
    ] as const) {
      const foreign = await api(`/api/v1/pipeline-stages/${demoStage.id}`, {
        token: otherAdmin,
        method,
        body,
      });
      const missing = await api('/api/v1/pipeline-stages/stg_missing', { token: otherAdmin, method, body });
      expect(foreign.status).toBe(404);
      expect(missing.status).toBe(404);
      expect(strip(foreign.json)).toEqual(strip(missing.json));
    }
    // The other organisation's order cannot reach the demo stages either.
    const otherIds = (await stages(otherAdmin)).map((s) => s.id);
    const hijack = await api('/api/v1/pipeline-stages/order', {
      token: otherAdmin,
      method: 'PUT',
      body: { ids: [demoStage.id, ...otherIds] },
    });
    expect(hijack.status).toBe(400);
    expect((await stages()).find((s) => s.id === demoStage.id)).toEqual(demoStage);
  });

  it('lets anyone with leads:view read the pipeline, and only leads:full change it', async () => {
    const list = await stages();
    expect(await stages(frontDesk)).toEqual(list);
    expect((await api('/api/v1/pipeline-stages', { token: await loginAs('doctor') })).status).toBe(200);
    const id = list[1]!.id;
    const writes = [
      addStage({ name: 'Sneaky', outcome: 'open' }, frontDesk),
      api(`/api/v1/pipeline-stages/${id}`, { token: frontDesk, method: 'PATCH', body: { name: 'Sneaky' } }),
      api('/api/v1/pipeline-stages/order', {
        token: frontDesk,
        method: 'PUT',
        body: { ids: list.map((s) => s.id) },
      }),
      api(`/api/v1/pipeline-stages/${id}`, { token: frontDesk, method: 'DELETE' }),
    ];
    for (const res of await Promise.all(writes)) expect(res.status).toBe(403);
    // A treatment coordinator has leads:full in spec 001's matrix.
    const coordinator = await loginAs('treatment_coordinator');
    const byCoordinator = await addStage({ name: 'Coordinator stage', outcome: 'open' }, coordinator);
    expect(byCoordinator.status).toBe(201);
    expect((await stages()).map((s) => s.name)).not.toContain('Sneaky');
  });
});

describe('keeping the pipeline usable', () => {
  it('keeps one open stage, and an open stage first', async () => {
    const list = await stages(otherAdmin);
    const del = (id: string) => api(`/api/v1/pipeline-stages/${id}`, { token: otherAdmin, method: 'DELETE' });
    for (const name of ['Contacted', 'Consultation scheduled', 'Treatment presented'])
      expect((await del(byName(list, name).id)).status).toBe(200);
    const first = byName(list, 'New inquiry');
    const last = await del(first.id);
    expect(last.status).toBe(409);
    expect(last.json.error.message).toBe('The pipeline needs at least one open stage; this is the last one');
    // With another open stage at the end, removing the first would still put "Started treatment" first.
    const later = await api('/api/v1/pipeline-stages', {
      token: otherAdmin,
      body: { name: 'Later', outcome: 'open' },
    });
    expect(later.status).toBe(201);
    const closedFirst = await del(first.id);
    expect(closedFirst.status).toBe(409);
    expect(closedFirst.json.error.message).toContain('"Started treatment" first');
    // Once an open stage is on top, the old first one can go.
    const current = await stages(otherAdmin);
    const reordered = await api('/api/v1/pipeline-stages/order', {
      token: otherAdmin,
      method: 'PUT',
      body: { ids: [later.json.id, ...current.filter((s) => s.id !== later.json.id).map((s) => s.id)] },
    });
    expect(reordered.status).toBe(200);
    expect((await del(first.id)).status).toBe(200);
    expect((await stages(otherAdmin)).map((s) => [s.name, s.outcome])).toEqual([
      ['Later', 'open'],
      ['Started treatment', 'won'],
      ['Not proceeding', 'lost'],
    ]);
    // The only open stage cannot become won either (it is first).
    const closeLast = await api(`/api/v1/pipeline-stages/${later.json.id}`, {
      token: otherAdmin,
      method: 'PATCH',
      body: { outcome: 'won' },
    });
    expect(closeLast.status).toBe(409);
  });
});

describe('lead sources', () => {
  it('adds the organisation’s own source next to the defaults, even before the list was ever read', async () => {
    // The other organisation has never listed its sources: the defaults must still appear.
    const res = await api('/api/v1/lead-sources', {
      token: otherAdmin,
      body: { name: 'Spring open day', channel: 'other' },
    });
    expect(res.status).toBe(201);
    expect(res.json).toEqual({
      id: expect.stringMatching(/^src_/),
      name: 'Spring open day',
      channel: 'other',
      active: true,
    });
    expect((await sources(otherAdmin)).map((s) => s.name)).toEqual([
      'Email',
      'Phone call',
      'Referral',
      'Walk-in',
      'Web form',
      'Web page',
      'Spring open day',
    ]);
  });

  it('refuses a name in use (ignoring case) and unknown channels', async () => {
    const created = await api('/api/v1/lead-sources', {
      token: admin,
      body: { name: 'Dr. Patel referrals', channel: 'referral' },
    });
    expect(created.status).toBe(201);
    const clash = await api('/api/v1/lead-sources', {
      token: admin,
      body: { name: 'DR. PATEL  referrals', channel: 'referral' },
    });
    expect(clash.status).toBe(409);
    const renameClash = await api(`/api/v1/lead-sources/${created.json.id}`, {
      token: admin,
      method: 'PATCH',
      body: { name: 'email' },
    });
    expect(renameClash.status).toBe(409);
    const badChannel = await api('/api/v1/lead-sources', {
      token: admin,
      body: { name: 'Billboard', channel: 'billboard' },
    });
    expect(badChannel.status).toBe(400);
    // The same name in another organisation is fine.
    const elsewhere = await api('/api/v1/lead-sources', {
      token: otherAdmin,
      body: { name: 'Dr. Patel referrals', channel: 'referral' },
    });
    expect(elsewhere.status).toBe(201);
  });

  it('turns a source off instead of deleting it; past leads keep it and the list still shows it', async () => {
    const source = byName(await sources(), 'Dr. Patel referrals');
    const lead = await newLead({
      firstName: 'Ref',
      lastName: 'Erred',
      email: 'referred@example.test',
      sourceId: source.id,
    });
    const off = await api(`/api/v1/lead-sources/${source.id}`, {
      token: admin,
      method: 'PATCH',
      body: { active: false },
    });
    expect(off.status).toBe(200);
    expect(off.json).toEqual({ ...source, active: false });
    expect(byName(await sources(), 'Dr. Patel referrals').active).toBe(false);
    expect((await api(`/api/v1/leads/${lead.id}`, { token: admin })).json.sourceId).toBe(source.id);
    const analytics = (await api('/api/v1/leads/analytics', { token: admin })).json;
    expect(analytics.bySource.find((s: { sourceId: string }) => s.sourceId === source.id)).toMatchObject({
      name: 'Dr. Patel referrals',
      leads: 1,
    });
    const on = await api(`/api/v1/lead-sources/${source.id}`, {
      token: admin,
      method: 'PATCH',
      body: { active: true, name: 'Dr Patel' },
    });
    expect(on.json).toMatchObject({ name: 'Dr Patel', active: true });
    const audited = await trail('lead_source', source.id);
    expect(audited.map((e) => e.action)).toEqual(['update', 'update', 'create']);
    expect(audited[1]!.detail).toEqual({ active: false });
    expect(audited[0]!.detail).toEqual({
      name: { from: 'Dr. Patel referrals', to: 'Dr Patel' },
      active: true,
    });
  });

  it('hides other organisations’ sources and needs leads:full to change them', async () => {
    const demoSource = (await sources())[0]!;
    const foreign = await api(`/api/v1/lead-sources/${demoSource.id}`, {
      token: otherAdmin,
      method: 'PATCH',
      body: { active: false },
    });
    expect(foreign.status).toBe(404);
    expect((await sources())[0]).toEqual(demoSource);
    expect((await sources(frontDesk)).length).toBeGreaterThan(0);
    const create = await api('/api/v1/lead-sources', {
      token: frontDesk,
      body: { name: 'Front desk source', channel: 'walk_in' },
    });
    expect(create.status).toBe(403);
    const patch = await api(`/api/v1/lead-sources/${demoSource.id}`, {
      token: frontDesk,
      method: 'PATCH',
      body: { active: false },
    });
    expect(patch.status).toBe(403);
    expect((await sources()).map((s) => s.name)).not.toContain('Front desk source');
  });
});

describe('searching leads', () => {
  let zoe: { id: string };
  let zed: { id: string };
  let amy: { id: string };

  beforeAll(async () => {
    zoe = await newLead({
      firstName: 'Zoë',
      lastName: 'Quinn-Harper',
      email: 'zq@example.test',
      phone: '(303) 555-0142',
    });
    zed = await newLead({
      firstName: 'Zed',
      lastName: 'Quinn',
      email: 'zed.q@mail.test',
      phone: '303-555-0199',
    });
    amy = await newLead({ firstName: 'Amy', lastName: 'Stone', email: 'amy_s@example.test' });
  });

  const search = async (query: string) => {
    const res = await api(`/api/v1/leads?${query}`, { token: admin });
    if (res.status !== 200) throw new Error(`search ${query}: ${res.status} ${res.text}`);
    return (res.json.items as { id: string }[]).map((l) => l.id);
  };
  const q = (text: string) => search(`q=${encodeURIComponent(text)}`);

  it('finds leads by first or last name, ignoring case, accents and punctuation', async () => {
    expect(await q('quinn')).toEqual([zed.id, zoe.id]);
    expect(await q('ZOE')).toEqual([zoe.id]);
    expect(await q('quinn harper')).toEqual([zoe.id]);
    expect(await q('quinnharper')).toEqual([zoe.id]);
    expect(await q('zed quinn')).toEqual([zed.id]);
    expect(await q('nobody')).toEqual([]);
  });

  it('finds leads by email, with LIKE wildcards taken literally', async () => {
    expect(await q('zed.q@')).toEqual([zed.id]);
    expect(await q('AMY_S')).toEqual([amy.id]);
    // Unescaped, "y%s" and "d_q" would match amy_s@ and zed.q@.
    expect(await q('y%s')).toEqual([]);
    expect(await q('d_q')).toEqual([]);
  });

  it('finds leads by phone however it is written', async () => {
    expect(await q('303 555 0142')).toEqual([zoe.id]);
    expect(await q('+1 (303) 555-0142')).toEqual([zoe.id]);
    expect(await q('0199')).toEqual([zed.id]);
    expect(await q('303-555')).toEqual([zed.id, zoe.id]);
  });

  it('combines the search with the stage filter and pages through the matches', async () => {
    const list = await stages();
    await api(`/api/v1/leads/${zed.id}/stage`, { token: admin, body: { stageId: list[2]!.id } });
    expect(await search(`q=quinn&stageId=${list[2]!.id}`)).toEqual([zed.id]);
    expect(await search(`q=quinn&stageId=${list[0]!.id}`)).toEqual([zoe.id]);
    const first = await api('/api/v1/leads?q=quinn&limit=1', { token: admin });
    expect(first.json.items.map((l: { id: string }) => l.id)).toEqual([zed.id]);
    expect(first.json.nextCursor).toEqual(expect.any(String));
    const next = await api(`/api/v1/leads?q=quinn&limit=1&cursor=${first.json.nextCursor}`, { token: admin });
    expect(next.json.items.map((l: { id: string }) => l.id)).toEqual([zoe.id]);
    expect(next.json.nextCursor).toBeNull();
  });

  it('leaves merged leads out and refuses queries over 100 characters', async () => {
    const dup = await newLead({ firstName: 'Zed', lastName: 'Quinn', email: 'zed.other@mail.test' });
    expect(await q('zed quinn')).toEqual([dup.id, zed.id]);
    await api(`/api/v1/leads/${zed.id}/merge`, { token: admin, body: { duplicateId: dup.id } });
    expect(await q('zed quinn')).toEqual([zed.id]);
    // Longer than D1's 50-byte LIKE pattern limit: still answers, matching on the start.
    const mailbox = 'a-very-long-mailbox-name-for-testing-the-search@example-clinic.test';
    const longMail = await newLead({ firstName: 'Long', lastName: 'Mail', email: mailbox });
    expect(await q(mailbox)).toEqual([longMail.id]);
    const long = await api(`/api/v1/leads?q=${'a'.repeat(101)}`, { token: admin });
    expect(long.status).toBe(400);
    expect((await api(`/api/v1/leads?q=${'a'.repeat(100)}`, { token: admin })).status).toBe(200);
  });
});
