import {
  createExecutionContext,
  createScheduledController,
  env,
  waitOnExecutionContext,
} from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import worker from '../../worker/index';
import { api, createFacility, loginAs, mailbox, seed } from './helpers';

let coordinator: string;

beforeAll(async () => {
  await seed();
  coordinator = await loginAs('treatment_coordinator');
});

const newLead = (body: Record<string, unknown>, token = coordinator) => api('/api/v1/leads', { token, body });

describe('leads', () => {
  it('creates a lead with its capture provenance, in the first stage, with a timeline', async () => {
    const sources = (await api('/api/v1/lead-sources', { token: coordinator })).json.items;
    const stages = (await api('/api/v1/pipeline-stages', { token: coordinator })).json.items;
    expect(stages.map((s: { name: string }) => s.name)).toEqual([
      'New inquiry',
      'Contacted',
      'Consultation scheduled',
      'Treatment presented',
      'Started treatment',
      'Not proceeding',
    ]);
    const email = sources.find((s: { channel: string }) => s.channel === 'email');
    const res = await newLead({
      firstName: 'Mia',
      lastName: 'Park',
      email: 'Mia.Park@Example.test',
      phone: '(512) 555-0111',
      dateOfBirth: '2014-03-02',
      responsibleParty: { name: 'Jin Park', relationship: 'Mother', phone: '512-555-0112' },
      sourceId: email.id,
      capture: { url: 'https://mail.example/inbox/123', title: 'Braces for Mia?', channel: 'email' },
    });
    expect(res.status).toBe(201);
    expect(res.json.lead).toMatchObject({
      email: 'mia.park@example.test',
      stageId: stages[0].id,
      capture: { channel: 'email', url: 'https://mail.example/inbox/123' },
    });
    expect(res.json.lead.capture.capturedAt).toEqual(expect.any(String));
    expect(res.json.likelyDuplicates).toEqual([]);
    const timeline = (await api(`/api/v1/leads/${res.json.lead.id}/timeline`, { token: coordinator })).json
      .items;
    expect(timeline.map((a: { kind: string }) => a.kind)).toEqual(['created']);
  });

  it('returns likely duplicates by email, phone, or name and date of birth', async () => {
    await newLead({
      firstName: 'Leo',
      lastName: 'Ruiz',
      email: 'leo@example.test',
      phone: '512-555-0199',
      dateOfBirth: '2012-01-01',
      responsibleParty: { name: 'Rosa Ruiz', relationship: 'Mother' },
    });
    const byPhone = await newLead({ firstName: 'L', lastName: 'R', phone: '+1 (512) 555 0199' });
    expect(byPhone.json.likelyDuplicates[0].reasons).toEqual(['same phone']);
    const byName = await api('/api/v1/leads/match', {
      token: coordinator,
      body: { firstName: 'LEO', lastName: 'ruiz', dateOfBirth: '2012-01-01' },
    });
    expect(byName.json.items[0].reasons).toContain('same name and date of birth');
    const none = await api('/api/v1/leads/match', {
      token: coordinator,
      body: { email: 'nobody@example.test' },
    });
    expect(none.json.items).toEqual([]);
  });

  it('needs an email or a phone, and rejects unknown stages', async () => {
    const bare = await newLead({ firstName: 'No', lastName: 'Contact' });
    expect(bare.status).toBe(400);
    expect(bare.json.error.details[0]).toEqual({
      path: 'email',
      issue: 'Give an email address or a phone number',
    });
    const stage = await newLead({
      firstName: 'A',
      lastName: 'B',
      email: 'ab@example.test',
      stageId: 'stg_nope',
    });
    expect(stage.status).toBe(400);
  });

  it('records stage moves, calls and notes on the timeline', async () => {
    const { json } = await newLead({ firstName: 'Ava', lastName: 'Stone', email: 'ava@example.test' });
    const stages = (await api('/api/v1/pipeline-stages', { token: coordinator })).json.items;
    const moved = await api(`/api/v1/leads/${json.lead.id}/stage`, {
      token: coordinator,
      body: { stageId: stages[2].id, note: 'booked for Tuesday' },
    });
    expect(moved.json.stageId).toBe(stages[2].id);
    await api(`/api/v1/leads/${json.lead.id}/activities`, {
      token: coordinator,
      body: { kind: 'call', text: 'Left a voicemail' },
    });
    const timeline = (await api(`/api/v1/leads/${json.lead.id}/timeline`, { token: coordinator })).json.items;
    expect(timeline.map((a: { kind: string }) => a.kind)).toEqual(['call', 'stage_change', 'created']);
    expect(timeline[1].detail).toMatchObject({ from: 'New inquiry', to: 'Consultation scheduled' });
  });

  it('assigns by hand or round-robin among treatment coordinators, with the lead:assign permission', async () => {
    const { json } = await newLead({ firstName: 'Rob', lastName: 'In', email: 'rob@example.test' });
    const auto = await api(`/api/v1/leads/${json.lead.id}/assign`, { token: coordinator, body: {} });
    expect(auto.status).toBe(200);
    expect(auto.json.coordinatorId).toBe('mem_demo_treatment_coordinator');
    const frontDesk = await loginAs('front_desk');
    expect((await api(`/api/v1/leads/${json.lead.id}/assign`, { token: frontDesk, body: {} })).status).toBe(
      403,
    );
    const manual = await api(`/api/v1/leads/${json.lead.id}/assign`, {
      token: coordinator,
      body: { coordinatorId: 'mem_demo_front_desk' },
    });
    expect(manual.json.coordinatorId).toBe('mem_demo_front_desk');
  });

  it('converts a lead into a patient, keeping the link both ways and marking it won', async () => {
    const admin = await loginAs('clinic_admin');
    const location = await createFacility(admin, 'Downtown Orthodontics');
    const { json } = await newLead({
      firstName: 'Noa',
      lastName: 'Lee',
      email: 'noa@example.test',
      responsibleParty: { name: 'Kim Lee', relationship: 'Father' },
    });
    const noDob = await api(`/api/v1/leads/${json.lead.id}/convert`, {
      token: coordinator,
      body: { facilityId: location },
    });
    expect(noDob.status).toBe(400);
    expect(noDob.json.error.message).toBe('Date of birth is missing');
    const res = await api(`/api/v1/leads/${json.lead.id}/convert`, {
      token: coordinator,
      body: { facilityId: location, dateOfBirth: '2013-06-06' },
    });
    expect(res.status).toBe(200);
    const stages = (await api('/api/v1/pipeline-stages', { token: coordinator })).json.items;
    expect(res.json.lead).toMatchObject({
      patientId: res.json.patientId,
      stageId: stages.find((s: { outcome: string }) => s.outcome === 'won').id,
    });
    const patient = await api(`/api/v1/patients/${res.json.patientId}`, { token: admin });
    expect(patient.json).toMatchObject({
      firstName: 'Noa',
      lastName: 'Lee',
      emergencyContact: { name: 'Kim Lee', relationship: 'Father' },
    });
    expect(
      (
        await api(`/api/v1/leads/${json.lead.id}/convert`, {
          token: coordinator,
          body: { facilityId: location, dateOfBirth: '2013-06-06' },
        })
      ).status,
    ).toBe(409);
    const billing = await loginAs('billing');
    expect(
      (await api(`/api/v1/leads/${json.lead.id}/convert`, { token: billing, body: { facilityId: location } }))
        .status,
    ).toBe(403);
  });

  it('follows the permission matrix and keeps organisations apart', async () => {
    const readOnly = await loginAs('read_only');
    expect((await api('/api/v1/leads', { token: readOnly })).status).toBe(200);
    expect(
      (await newLead({ firstName: 'X', lastName: 'Y', email: 'xy@example.test' }, readOnly)).status,
    ).toBe(403);
    const { json } = await newLead({ firstName: 'Own', lastName: 'Org', email: 'own@example.test' });
    const other = await loginAs('clinic_admin', 'other');
    expect((await api(`/api/v1/leads/${json.lead.id}`, { token: other })).status).toBe(404);
    expect(
      (await api('/api/v1/leads/match', { token: other, body: { email: 'own@example.test' } })).json.items,
    ).toEqual([]);
    const trail = await api(`/api/v1/audit?entityType=lead&entityId=${json.lead.id}`, {
      token: await loginAs('clinic_admin'),
    });
    expect(trail.json.items.map((e: { action: string }) => e.action)).toContain('create');
  });
});

describe('follow-up tasks', () => {
  it('reminds the coordinator once per task and due time, however often the cron runs', async () => {
    const { json } = await newLead({ firstName: 'Tia', lastName: 'Due', email: 'tia@example.test' });
    await api(`/api/v1/leads/${json.lead.id}/assign`, {
      token: coordinator,
      body: { coordinatorId: 'mem_demo_treatment_coordinator' },
    });
    const past = new Date(Date.now() - 3_600_000).toISOString();
    const later = new Date(Date.now() + 86_400_000).toISOString();
    const due = await api(`/api/v1/leads/${json.lead.id}/tasks`, {
      token: coordinator,
      body: { title: 'Call back', dueAt: past },
    });
    expect(due.status).toBe(201);
    await api(`/api/v1/leads/${json.lead.id}/tasks`, {
      token: coordinator,
      body: { title: 'Send contract', dueAt: later },
    });

    const reminders = async () =>
      (await mailbox()).filter(
        (m) => m.recipient === 'treatment_coordinator@demo.test' && m.subject === 'A lead follow-up is due',
      ).length;
    const before = await reminders();
    await runCron();
    await runCron();
    expect(await reminders()).toBe(before + 1);

    // Moving the due time makes it remindable again; done tasks are not reminded.
    await api(`/api/v1/leads/${json.lead.id}/tasks/${due.json.id}`, {
      method: 'PATCH',
      token: coordinator,
      body: { dueAt: new Date(Date.now() - 60_000).toISOString() },
    });
    await runCron();
    expect(await reminders()).toBe(before + 2);
    await api(`/api/v1/leads/${json.lead.id}/tasks/${due.json.id}`, {
      method: 'PATCH',
      token: coordinator,
      body: { done: true, dueAt: new Date(Date.now() - 30_000).toISOString() },
    });
    await runCron();
    expect(await reminders()).toBe(before + 2);
    const tasks = (await api(`/api/v1/leads/${json.lead.id}/tasks`, { token: coordinator })).json.items;
    expect(tasks.map((t: { title: string; done: boolean }) => `${t.title}:${t.done}`)).toEqual([
      'Call back:true',
      'Send contract:false',
    ]);
  });
});

async function runCron() {
  const ctx = createExecutionContext();
  await worker.scheduled(
    createScheduledController({ scheduledTime: Date.now(), cron: '*/5 * * * *' }),
    env,
    ctx,
  );
  await waitOnExecutionContext(ctx);
}

describe('lead scoring', () => {
  it('scores a lead from the rules, explains it, and follows rules an administrator edits', async () => {
    const sources = (await api('/api/v1/lead-sources', { token: coordinator })).json.items;
    const referral = sources.find((s: { channel: string }) => s.channel === 'referral');
    const { json } = await newLead({
      firstName: 'Sky',
      lastName: 'Score',
      email: 'sky@example.test',
      sourceId: referral.id,
    });
    await api(`/api/v1/leads/${json.lead.id}/activities`, {
      token: coordinator,
      body: { kind: 'call', text: 'Intro call' },
    });
    const first = await api(`/api/v1/leads/${json.lead.id}/score`, { token: coordinator });
    expect(first.json.contributions).toEqual([
      { rule: 'Source: referral', points: 25 },
      { rule: 'Has an email address', points: 10 },
      { rule: 'New (under 7 days)', points: 15 },
      { rule: '1 contact logged', points: 5 },
    ]);
    expect(first.json.score).toBe(55);

    const admin = await loginAs('clinic_admin');
    const rules = (await api('/api/v1/lead-scoring-rules', { token: admin })).json;
    const edited = await api('/api/v1/lead-scoring-rules', {
      method: 'PUT',
      token: admin,
      body: { ...rules, source: { ...rules.source, referral: 40 } },
    });
    expect(edited.status).toBe(200);
    expect((await api(`/api/v1/leads/${json.lead.id}/score`, { token: coordinator })).json.score).toBe(70);
    expect(
      (await api('/api/v1/lead-scoring-rules', { method: 'PUT', token: coordinator, body: rules })).status,
    ).toBe(200);
    expect(
      (
        await api('/api/v1/lead-scoring-rules', {
          method: 'PUT',
          token: await loginAs('front_desk'),
          body: rules,
        })
      ).status,
    ).toBe(403);
    const bad = await api('/api/v1/lead-scoring-rules', {
      method: 'PUT',
      token: admin,
      body: { ...rules, activity: { each: 500, max: 5 } },
    });
    expect(bad.status).toBe(400);
  });
});

describe('lead analytics', () => {
  it('gives the funnel, conversion by source and coordinator, time in stage and new leads per week', async () => {
    // Its own organisation, so other tests' leads are not counted.
    const admin = await loginAs('clinic_admin', 'other');
    const fresh = await createFacility(admin, 'Analytics Ortho');
    const sources = (await api('/api/v1/lead-sources', { token: admin })).json.items;
    const phone = sources.find((s: { channel: string }) => s.channel === 'phone');
    const stages = (await api('/api/v1/pipeline-stages', { token: admin })).json.items;
    const from = new Date(Date.now() - 60_000).toISOString();
    const a = (
      await newLead({ firstName: 'An', lastName: 'Alytic', phone: '512-555-0301', sourceId: phone.id }, admin)
    ).json.lead;
    await newLead({ firstName: 'Be', lastName: 'Alytic', phone: '512-555-0302', sourceId: phone.id }, admin);
    await api(`/api/v1/leads/${a.id}/stage`, { token: admin, body: { stageId: stages[1].id } });
    await api(`/api/v1/leads/${a.id}/convert`, {
      token: admin,
      body: { facilityId: fresh, dateOfBirth: '2012-02-02' },
    });

    const res = await api(`/api/v1/leads/analytics?from=${encodeURIComponent(from)}`, { token: admin });
    expect(res.status).toBe(200);
    expect(res.json.totals).toEqual({ leads: 2, won: 1, conversionRate: 50 });
    expect(res.json.funnel.find((f: { name: string }) => f.name === 'New inquiry').leads).toBe(1);
    expect(res.json.funnel.find((f: { outcome: string }) => f.outcome === 'won').leads).toBe(1);
    expect(res.json.bySource).toEqual([
      { sourceId: phone.id, name: 'Phone call', leads: 2, won: 1, conversionRate: 50 },
    ]);
    expect(res.json.timeInStage.find((t: { name: string }) => t.name === 'New inquiry')).toMatchObject({
      moves: 1,
      averageDays: 0,
    });
    expect(res.json.newLeads).toHaveLength(1);
    expect(res.json.newLeads[0].leads).toBe(2);
    // Renaming a stage keeps its history.
    await api(`/api/v1/pipeline-stages/${stages[0].id}`, {
      token: admin,
      method: 'PATCH',
      body: { name: 'First contact' },
    });
    const renamed = await api(`/api/v1/leads/analytics?from=${encodeURIComponent(from)}`, { token: admin });
    expect(
      renamed.json.timeInStage.find((t: { stageId: string }) => t.stageId === stages[0].id),
    ).toMatchObject({
      name: 'First contact',
      moves: 1,
    });
    const backwards = await api(
      `/api/v1/leads/analytics?from=${encodeURIComponent(new Date().toISOString())}&to=${encodeURIComponent(from)}`,
      { token: admin },
    );
    expect(backwards.status).toBe(400);
  });
});

describe('merging duplicates', () => {
  it('keeps both timelines and fills missing details; the duplicate leaves lists and matches', async () => {
    const keep = (await newLead({ firstName: 'Max', lastName: 'Merge', email: 'max@example.test' })).json
      .lead;
    const dup = (
      await newLead({
        firstName: 'Max',
        lastName: 'Merge',
        phone: '512-555-0777',
        dateOfBirth: '2011-11-11',
        responsibleParty: { name: 'Mo Merge', relationship: 'Father' },
      })
    ).json.lead;
    await api(`/api/v1/leads/${dup.id}/activities`, {
      token: coordinator,
      body: { kind: 'call', text: 'Called from the duplicate' },
    });
    const merged = await api(`/api/v1/leads/${keep.id}/merge`, {
      token: coordinator,
      body: { duplicateId: dup.id },
    });
    expect(merged.status).toBe(200);
    expect(merged.json).toMatchObject({
      email: 'max@example.test',
      phone: '512-555-0777',
      dateOfBirth: '2011-11-11',
      mergedInto: null,
    });
    const timeline = (await api(`/api/v1/leads/${keep.id}/timeline`, { token: coordinator })).json.items.map(
      (a: { kind: string }) => a.kind,
    );
    expect(timeline).toEqual(expect.arrayContaining(['merge', 'call', 'created']));
    expect(timeline.filter((k: string) => k === 'created')).toHaveLength(2);
    expect((await api(`/api/v1/leads/${dup.id}`, { token: coordinator })).json.mergedInto).toBe(keep.id);
    const matches = (
      await api('/api/v1/leads/match', { token: coordinator, body: { phone: '512-555-0777' } })
    ).json.items;
    expect(matches.map((m: { id: string }) => m.id)).toEqual([keep.id]);
    expect(
      (await api(`/api/v1/leads/${keep.id}/merge`, { token: coordinator, body: { duplicateId: dup.id } }))
        .status,
    ).toBe(409);
    expect(
      (await api(`/api/v1/leads/${keep.id}/merge`, { token: coordinator, body: { duplicateId: keep.id } }))
        .status,
    ).toBe(400);
  });
});
