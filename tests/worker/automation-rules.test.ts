import { env } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import { runAutomations } from '../../worker/services/automations/run-automations';
import { runCron } from './automation-helpers';
import { api, createFacility, db, loginAs, mailbox } from './helpers';

const DAY = 86_400_000;
const dayFromNow = (days: number) => new Date(Date.now() + days * DAY).toISOString().slice(0, 10);

/** The cron's automation step on another day (the whole cron would also expire this file's sessions), then delivery. */
async function runAutomationsOn(at: number) {
  await runAutomations(db(), { queue: env.AUTOMATION_SENDS, baseUrl: env.PUBLIC_BASE_URL }, at);
  await runCron();
}

let admin: string;
let facilityId: string;
let templateId: string;
const cases: Record<string, string> = {};
const STAFF = 'mem_demo_front_desk';
const STAFF_EMAIL = 'front_desk@demo.test';

async function sync(facility: string, prefix: string, rows: [string, number, number, number, string?][]) {
  const patient = await api('/api/v1/patients', {
    token: admin,
    body: { facilityId: facility, firstName: 'Rule', lastName: prefix, dateOfBirth: '1960-01-01' },
  });
  const items = rows.map(([id, expiresIn, max]) => ({
    externalId: `${prefix}-${id}`,
    patientId: patient.json.id,
    facilityId: facility,
    name: `${prefix} case ${id}`,
    status: rows.find((r) => r[0] === id)?.[4] ?? 'open',
    expiryDate: dayFromNow(expiresIn),
    maxSessions: max,
  }));
  await api('/api/v1/cases/upsert', { token: admin, body: { items } });
  const done = rows.flatMap(([id, , , sessionsDone]) =>
    Array.from({ length: sessionsDone }, (_, i) => ({
      externalId: `${prefix}-${id}-${i}`,
      patientId: patient.json.id,
      caseExternalId: `${prefix}-${id}`,
      facilityId: facility,
      startsAt: '2024-01-01T10:00:00Z',
      endsAt: '2024-01-01T11:00:00Z',
      type: 'Session',
      status: 'attended',
    })),
  );
  if (done.length) await api('/api/v1/appointments/upsert', { token: admin, body: { items: done } });
  const list = await api(`/api/v1/cases?patientId=${patient.json.id}`, { token: admin });
  for (const c of list.json.items) cases[c.externalId] = c.id;
}

const expiringRule = {
  name: 'Referral expiring with sessions left',
  category: 'case_updates',
  type: 'once',
  population: 'cases',
  facilityIds: [] as string[],
  conditions: {
    match: 'all',
    conditions: [
      { field: 'expiryDate', op: 'within_next_days', value: 14 },
      { field: 'sessionsLeft', op: 'gt', value: 0 },
      { field: 'status', op: 'eq', value: 'OPEN' },
    ],
  },
  actions: [{ kind: 'email', templateId: '', membershipId: STAFF }],
};

const sentFor = async (caseName: string) =>
  (await mailbox()).filter((m) => m.recipient === STAFF_EMAIL && m.subject.includes(caseName));

beforeAll(async () => {
  admin = await loginAs('clinic_admin');
  facilityId = await createFacility(admin, 'Rule Clinic');
  expiringRule.facilityIds = [facilityId];
  // [id, expires in days, maximum sessions, sessions done, status]
  await sync(facilityId, 'R', [
    ['1', 10, 5, 1],
    ['2', 10, 1, 1],
    ['3', 30, 5, 0],
    ['4', 5, 5, 0, 'closed'],
  ]);
  const template = await api('/api/v1/message-templates', {
    token: admin,
    body: {
      name: 'Staff: referral expiring',
      channel: 'email',
      category: 'case_updates',
      subject: 'Referral {{case.name}} expires {{case.expiryDate}}',
      body: '{{case.sessionsLeft}} sessions left at {{location.name}}.',
    },
  });
  templateId = template.json.id;
  expiringRule.actions[0]!.templateId = templateId;
});

describe('automation rules', () => {
  let ruleId: string;

  it('saves a draft and dry-runs it: matches, a sample with the tested values, a 7-day forecast', async () => {
    const res = await api('/api/v1/automation-rules', { token: admin, body: expiringRule });
    expect(res.status, res.text).toBe(201);
    expect(res.json).toMatchObject({ status: 'draft', version: 1 });
    ruleId = res.json.id;
    const dry = await api(`/api/v1/automation-rules/${ruleId}/dry-run`, { token: admin, body: {} });
    expect(dry.status, dry.text).toBe(200);
    expect(dry.json).toMatchObject({ matching: 1, due: 1 });
    expect(dry.json.sample).toEqual([
      {
        subjectId: cases['R-1'],
        caseId: cases['R-1'],
        values: { expiryDate: dayFromNow(10), sessionsLeft: 4, status: 'open' },
      },
    ]);
    expect(dry.json.forecast).toHaveLength(7);
    expect(dry.json.forecast[0]).toEqual({ date: dayFromNow(0), sends: 1 });
    // R-3 expires in 30 days: it enters the 14-day window on day 16, beyond the forecast.
    expect(dry.json.forecast.slice(1).every((d: { sends: number }) => d.sends === 0)).toBe(true);
  });

  it('does nothing while a draft; once playing, two overlapping runs send exactly one email', async () => {
    await runCron();
    expect(await sentFor('R case 1')).toHaveLength(0);
    const play = await api(`/api/v1/automation-rules/${ruleId}/play`, { token: admin, body: {} });
    expect(play.json.status).toBe('running');
    await Promise.all([runCron(), runCron()]);
    await runCron();
    const sent = await sentFor('R case 1');
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({
      subject: `Referral R case 1 expires ${dayFromNow(10)}`,
    });
    // The template's text, then the one-click unsubscribe link of its category.
    expect(sent[0]?.bodyText).toMatch(
      /^4 sessions left at Rule Clinic\.\n\nTo stop receiving case updates: http:\/\/127\.0\.0\.1:8787\/unsubscribe\/[\w-]{43}$/,
    );
    expect(await sentFor('R case 2')).toHaveLength(0);
    expect(await sentFor('R case 4')).toHaveLength(0);
    const runs = await api(`/api/v1/automation-rules/runs?ruleId=${ruleId}`, { token: admin });
    expect(runs.json.items).toEqual([
      expect.objectContaining({ subjectId: cases['R-1'], version: 1, occurrence: 'once' }),
    ]);
  });

  it('editing a running rule makes a new version, which acts once on its own; history says which', async () => {
    const edited = await api(`/api/v1/automation-rules/${ruleId}`, {
      method: 'PUT',
      token: admin,
      body: { ...expiringRule, name: 'Referral expiring (v2)' },
    });
    expect(edited.json).toMatchObject({ version: 2, status: 'running' });
    await runCron();
    await runCron();
    expect(await sentFor('R case 1')).toHaveLength(2);
    const runs = await api(`/api/v1/automation-rules/runs?subjectId=${cases['R-1']}`, { token: admin });
    expect(runs.json.items.map((r: { version: number }) => r.version).sort()).toEqual([1, 2]);
  });

  it('explains why a rule acted on one case and not on another', async () => {
    const acted = await api(`/api/v1/automation-rules/${ruleId}/explain?caseId=${cases['R-1']}`, {
      token: admin,
    });
    expect(acted.status, acted.text).toBe(200);
    expect(acted.json).toMatchObject({ matchesNow: true, firstFailed: null });
    expect(acted.json.runs.map((r: { version: number }) => r.version).sort()).toEqual([1, 2]);
    const notActed = await api(`/api/v1/automation-rules/${ruleId}/explain?caseId=${cases['R-2']}`, {
      token: admin,
    });
    expect(notActed.json).toEqual({
      matchesNow: false,
      firstFailed: {
        check: 'conditions.1',
        condition: { field: 'sessionsLeft', op: 'gt', value: 0 },
        actual: 0,
      },
      runs: [],
    });
    const closed = await api(`/api/v1/automation-rules/${ruleId}/explain?caseId=${cases['R-4']}`, {
      token: admin,
    });
    expect(closed.json.firstFailed).toMatchObject({ check: 'conditions.2', actual: 'closed' });
  });

  it('sends nothing while paused', async () => {
    await api(`/api/v1/automation-rules/${ruleId}/pause`, { token: admin, body: {} });
    await sync(facilityId, 'P', [['1', 3, 5, 0]]);
    await runCron();
    expect(await sentFor('P case 1')).toHaveLength(0);
  });

  it('combines conditions with or, and compares text without case', async () => {
    const rule = await api('/api/v1/automation-rules', {
      token: admin,
      body: {
        ...expiringRule,
        name: 'Any',
        conditions: {
          match: 'any',
          conditions: [
            { field: 'sessionsLeft', op: 'eq', value: 0 },
            {
              match: 'all',
              conditions: [
                { field: 'name', op: 'contains', value: 'CASE 3' },
                { field: 'status', op: 'ne', value: 'closed' },
              ],
            },
          ],
        },
      },
    });
    const dry = await api(`/api/v1/automation-rules/${rule.json.id}/dry-run`, { token: admin, body: {} });
    expect(dry.json.sample.map((s: { caseId: string }) => s.caseId).sort()).toEqual(
      [cases['R-2'], cases['R-3']].sort(),
    );
  });

  it('a relative rule is due from 14 days before expiry until the day, once per expiry date', async () => {
    const rule = await api('/api/v1/automation-rules', {
      token: admin,
      body: {
        ...expiringRule,
        name: 'Relative',
        type: 'relative',
        relativeField: 'expiryDate',
        offsetDays: -14,
        conditions: { match: 'all', conditions: [{ field: 'status', op: 'eq', value: 'open' }] },
      },
    });
    const dry = await api(`/api/v1/automation-rules/${rule.json.id}/dry-run`, { token: admin, body: {} });
    // R-1, R-2 (10 days) and P-1 (3 days) now; R-3 (30 days) enters on day 16.
    expect(dry.json).toMatchObject({ matching: 3, due: 3 });
  });

  it('a recurring rule acts again in each new period while the case matches', async () => {
    const facility = await createFacility(admin, 'Recurring Clinic');
    await sync(facility, 'Q', [['1', 100, 5, 0]]);
    const rule = await api('/api/v1/automation-rules', {
      token: admin,
      body: {
        ...expiringRule,
        name: 'Weekly',
        type: 'recurring',
        everyDays: 7,
        facilityIds: [facility],
        conditions: { match: 'all', conditions: [{ field: 'sessionsLeft', op: 'gte', value: 1 }] },
      },
    });
    await api(`/api/v1/automation-rules/${rule.json.id}/play`, { token: admin, body: {} });
    await runCron();
    await runAutomationsOn(Date.now() + DAY / 24);
    expect(await sentFor('Q case 1')).toHaveLength(1);
    await runAutomationsOn(Date.now() + 7 * DAY);
    expect(await sentFor('Q case 1')).toHaveLength(2);
    await api(`/api/v1/automation-rules/${rule.json.id}/pause`, { token: admin, body: {} });
  });

  it('refuses unknown templates, staff and locations, other roles and other organisations', async () => {
    const bad = await api('/api/v1/automation-rules', {
      token: admin,
      body: { ...expiringRule, actions: [{ kind: 'email', templateId: 'mtp_nope', membershipId: STAFF }] },
    });
    expect(bad.status).toBe(400);
    expect(bad.json.error.details).toEqual([{ path: 'actions.0.templateId', issue: 'template not found' }]);
    const front = await loginAs('front_desk');
    expect((await api('/api/v1/automation-rules', { token: front, body: expiringRule })).status).toBe(403);
    const other = await loginAs('clinic_admin', 'other');
    expect((await api(`/api/v1/automation-rules/${ruleId}`, { token: other })).status).toBe(404);
    expect((await api(`/api/v1/automation-rules/${ruleId}/play`, { token: other, body: {} })).status).toBe(
      404,
    );
  });
});
