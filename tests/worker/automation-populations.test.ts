import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { patientChecklistItems } from '../../db/schema';
import { runCron, STAFF, STAFF_EMAIL } from './automation-helpers';
import { api, createFacility, db, loginAs, mailbox } from './helpers';
import { createLead, publishedTemplate, sendForm } from './intake-helpers';
import { createRequest, recordsSetup } from './records-helpers';

const DAY = 86_400_000;
const at = (days: number) => new Date(Date.now() + days * DAY).toISOString();
const dayFromNow = (days: number) => at(days).slice(0, 10);

let admin: string;
let templateId: string;

beforeAll(async () => {
  admin = await loginAs('clinic_admin');
  const template = await api('/api/v1/message-templates', {
    token: admin,
    body: {
      name: 'Staff: population notice',
      channel: 'email',
      category: 'nurture',
      subject: 'Automation for {{lead.firstName}} at {{practice.name}}',
      body: 'Please look at this one.',
    },
  });
  templateId = template.json.id;
});

type Condition = { field: string; op: string; value?: string | number | null };
type Tree = { match: 'all' | 'any'; conditions: (Condition | Tree)[] };

const rule = (population: string, conditions: Tree, extra: Record<string, unknown> = {}) => ({
  name: `${population} rule ${Math.random().toString(36).slice(2, 8)}`,
  category: 'nurture',
  type: 'once',
  population,
  conditions,
  actions: [{ kind: 'email', templateId, membershipId: STAFF }],
  ...extra,
});

async function saved(body: Record<string, unknown>) {
  const res = await api('/api/v1/automation-rules', { token: admin, body });
  expect(res.status, res.text).toBe(201);
  return res.json.id as string;
}

async function dryRun(id: string) {
  const res = await api(`/api/v1/automation-rules/${id}/dry-run`, { token: admin, body: {} });
  expect(res.status, res.text).toBe(200);
  return res.json as {
    matching: number;
    due: number;
    sample: { subjectId: string; values: Record<string, unknown> }[];
    forecast: { date: string; sends: number }[];
  };
}

/** The subjects a rule matches now, through its dry run (the sample holds up to 10). */
const matches = async (body: Record<string, unknown>) =>
  (await dryRun(await saved(body))).sample.map((s) => s.subjectId).sort();

const explain = async (ruleId: string, subjectId: string) =>
  (await api(`/api/v1/automation-rules/${ruleId}/explain?subjectId=${subjectId}`, { token: admin })).json;

describe('leads', () => {
  const ids = { fresh: '', referred: '', moved: '' };
  let stages: { id: string; name: string }[];
  let referral: string;

  beforeAll(async () => {
    stages = (await api('/api/v1/pipeline-stages', { token: admin })).json.items;
    const sources = (await api('/api/v1/lead-sources', { token: admin })).json.items;
    referral = sources.find((s: { channel: string }) => s.channel === 'referral').id;
    ids.fresh = await createLead(admin, { firstName: 'Fay', lastName: 'Fresh', email: 'fay@example.test' });
    ids.referred = await createLead(admin, {
      firstName: 'Rex',
      lastName: 'Referred',
      phone: '555-100-2000',
      sourceId: referral,
      dateOfBirth: '1980-04-04',
    });
    ids.moved = await createLead(admin, { firstName: 'Mo', lastName: 'Moved', phone: '555-100-3000' });
    await api(`/api/v1/leads/${ids.moved}/stage`, { token: admin, body: { stageId: stages[1]!.id } });
    await api(`/api/v1/leads/${ids.moved}/activities`, {
      token: admin,
      body: { kind: 'call', text: 'Left a message' },
    });
    await api(`/api/v1/leads/${ids.referred}/tasks`, {
      token: admin,
      body: { title: 'Call back', dueAt: at(2) },
    });
    await api(`/api/v1/leads/${ids.moved}/tasks`, { token: admin, body: { title: 'Later', dueAt: at(20) } });
  });

  it('matches by stage and next follow-up (and), or by source or stage (or)', async () => {
    expect(
      await matches(
        rule('leads', {
          match: 'all',
          conditions: [
            { field: 'stage', op: 'eq', value: stages[0]!.id },
            { field: 'nextFollowUp', op: 'within_next_days', value: 3 },
          ],
        }),
      ),
    ).toEqual([ids.referred]);
    expect(
      await matches(
        rule('leads', {
          match: 'any',
          conditions: [
            { field: 'source', op: 'eq', value: referral },
            { field: 'stage', op: 'eq', value: stages[1]!.id },
          ],
        }),
      ),
    ).toEqual([ids.moved, ids.referred].sort());
    expect(
      await matches(
        rule('leads', {
          match: 'all',
          conditions: [
            { field: 'createdAt', op: 'within_past_days', value: 0 },
            { field: 'nextFollowUp', op: 'is_empty' },
          ],
        }),
      ),
    ).toEqual([]);
    expect(
      await matches(
        rule('leads', {
          match: 'all',
          conditions: [
            { field: 'createdAt', op: 'eq', value: dayFromNow(0) },
            {
              match: 'any',
              conditions: [
                { field: 'nextFollowUp', op: 'is_empty' },
                { field: 'nextFollowUp', op: 'gt', value: dayFromNow(10) },
              ],
            },
          ],
        }),
      ),
    ).toEqual([ids.fresh, ids.moved].sort());
  });

  it("computes each lead's score in SQL exactly as the lead's score endpoint does", async () => {
    const id = await saved(
      rule('leads', { match: 'all', conditions: [{ field: 'score', op: 'eq', value: -1 }] }),
    );
    for (const lead of Object.values(ids)) {
      const own = (await api(`/api/v1/leads/${lead}/score`, { token: admin })).json.score;
      const why = await explain(id, lead);
      expect(why.firstFailed).toMatchObject({ check: 'conditions.0', actual: own });
    }
    const high = await matches(
      rule('leads', { match: 'all', conditions: [{ field: 'score', op: 'gte', value: 60 }] }),
    );
    const scores = await Promise.all(
      Object.values(ids).map(async (lead) => [
        lead,
        (await api(`/api/v1/leads/${lead}/score`, { token: admin })).json.score,
      ]),
    );
    expect(high).toEqual(
      scores
        .filter(([, s]) => s >= 60)
        .map(([lead]) => lead)
        .sort(),
    );
  });

  it('acts once per matching lead when the cron runs, and says why not for the others', async () => {
    const id = await saved(
      rule('leads', { match: 'all', conditions: [{ field: 'source', op: 'eq', value: referral }] }),
    );
    await api(`/api/v1/automation-rules/${id}/play`, { token: admin, body: {} });
    await runCron();
    await runCron();
    const runs = (await api(`/api/v1/automation-rules/runs?ruleId=${id}`, { token: admin })).json.items;
    expect(runs.map((r: { subjectId: string }) => r.subjectId)).toEqual([ids.referred]);
    const mails = (await mailbox()).filter((m) => m.recipient === STAFF_EMAIL && m.subject.includes('Rex'));
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toBe('Automation for Rex at Demo Care Operations');
    expect((await explain(id, ids.referred)).runs).toHaveLength(1);
    expect((await explain(id, ids.fresh)).firstFailed).toMatchObject({
      check: 'conditions.0',
      condition: { field: 'source' },
      actual: null,
    });
  });
});

describe('intake requests', () => {
  it('matches by status and expiry date, and by sent date', async () => {
    const { templateId: formId } = await publishedTemplate(admin, 'Population form');
    const lead = await createLead(admin, { firstName: 'Ivy', lastName: 'Intake', email: 'ivy@example.test' });
    const sent = (await sendForm(admin, { templateId: formId, leadId: lead, delivery: 'link' })).json;
    const other = await createLead(admin, { firstName: 'Ian', lastName: 'Intake', phone: '555-100-4000' });
    const cancelled = (await sendForm(admin, { templateId: formId, leadId: other, delivery: 'link' })).json;
    const cancel = await api(`/api/v1/intake-requests/${cancelled.id}/cancel`, { token: admin, body: {} });
    expect(cancel.status, cancel.text).toBeLessThan(300);
    expect(
      await matches(
        rule('intake_requests', {
          match: 'all',
          conditions: [
            { field: 'status', op: 'eq', value: 'sent' },
            { field: 'expiresAt', op: 'within_next_days', value: 60 },
          ],
        }),
      ),
    ).toEqual([sent.id]);
    expect(
      await matches(
        rule('intake_requests', {
          match: 'any',
          conditions: [
            { field: 'status', op: 'eq', value: 'cancelled' },
            { field: 'sentAt', op: 'gt', value: dayFromNow(1) },
          ],
        }),
      ),
    ).toEqual([cancelled.id]);
  });
});

describe('patients', () => {
  it('matches by enrollment status and overdue checklist items, at chosen locations', async () => {
    const facilityId = await createFacility(admin, 'Population Care');
    const elsewhere = await createFacility(admin, 'Population Elsewhere');
    const patient = async (facility: string, lastName: string) =>
      (
        await api('/api/v1/patients', {
          token: admin,
          body: { facilityId: facility, firstName: 'Pat', lastName, dateOfBirth: '1950-01-01' },
        })
      ).json.id as string;
    const late = await patient(facilityId, 'Late');
    const recent = await patient(facilityId, 'Recent');
    const unopened = await patient(facilityId, 'Unopened');
    const away = await patient(elsewhere, 'Away');
    for (const p of [late, recent, away]) {
      const checklist = await api(`/api/v1/patients/${p}/checklist`, { token: admin });
      expect(checklist.status, checklist.text).toBe(200);
    }
    await db()
      .update(patientChecklistItems)
      .set({ updatedAt: at(-20) })
      .where(sql`${patientChecklistItems.patientId} IN (${late}, ${away})`);
    const openAtBoth = await matches(
      rule(
        'patients',
        { match: 'all', conditions: [{ field: 'openChecklistItems', op: 'gt', value: 0 }] },
        { facilityIds: [facilityId, elsewhere] },
      ),
    );
    expect(openAtBoth).toEqual([late, recent, away].sort());
    expect(
      await matches(
        rule(
          'patients',
          {
            match: 'all',
            conditions: [
              { field: 'enrollmentStatus', op: 'eq', value: 'not_started' },
              { field: 'overdueChecklistItems', op: 'gt', value: 0 },
            ],
          },
          { facilityIds: [facilityId] },
        ),
      ),
    ).toEqual([late]);
    expect(
      await matches(
        rule(
          'patients',
          {
            match: 'any',
            conditions: [
              { field: 'overdueChecklistItems', op: 'gt', value: 0 },
              { field: 'openChecklistItems', op: 'eq', value: 0 },
            ],
          },
          { facilityIds: [facilityId] },
        ),
      ),
    ).toEqual([late, unopened].sort());
  });
});

describe('facilities', () => {
  it('matches by contract status and name', async () => {
    const pending = await createFacility(admin, 'Contract Pending Home');
    const untouched = await createFacility(admin, 'Contract Untouched Home');
    const moved = await api(`/api/v1/facilities/${pending}/contract`, {
      token: admin,
      body: { to: 'pending' },
    });
    expect(moved.status, moved.text).toBe(200);
    expect(
      await matches(
        rule('facilities', {
          match: 'all',
          conditions: [
            { field: 'contractStatus', op: 'eq', value: 'pending' },
            { field: 'name', op: 'contains', value: 'CONTRACT' },
          ],
        }),
      ),
    ).toEqual([pending]);
    expect(
      await matches(
        rule(
          'facilities',
          {
            match: 'any',
            conditions: [
              { field: 'contractStatus', op: 'eq', value: 'active' },
              { field: 'contractStatus', op: 'ne', value: 'pending' },
            ],
          },
          { facilityIds: [pending, untouched] },
        ),
      ),
    ).toEqual([untouched]);
  });
});

describe('records requests', () => {
  it('matches by status and due date; a relative rule counts days before the due date', async () => {
    const setup = await recordsSetup('Population Records');
    const created = await createRequest(setup.outgoing(), setup.admin);
    expect(created.status, created.text).toBe(201);
    const request = created.json;
    expect(
      await matches(
        rule('records_requests', {
          match: 'all',
          conditions: [
            { field: 'status', op: 'eq', value: request.status },
            { field: 'dueDate', op: 'within_next_days', value: 60 },
            { field: 'direction', op: 'eq', value: 'outgoing' },
          ],
        }),
      ),
    ).toContain(request.id);
    const dueIn = Math.round(
      (Date.parse(`${request.dueOn}T00:00:00Z`) - Date.parse(`${dayFromNow(0)}T00:00:00Z`)) / DAY,
    );
    const relative = (offsetDays: number) =>
      rule(
        'records_requests',
        { match: 'all', conditions: [] },
        { type: 'relative', relativeField: 'dueDate', offsetDays },
      );
    // Other requests of the organisation may match too: this one must, and must not a day later.
    expect(await matches(relative(-dueIn))).toContain(request.id);
    expect(await matches(relative(-dueIn + 1))).not.toContain(request.id);
  });
});

describe('rules fit their population', () => {
  it('refuses a field, value, date or location that is not the population’s', async () => {
    const post = (body: Record<string, unknown>) => api('/api/v1/automation-rules', { token: admin, body });
    const wrongField = await post(
      rule('leads', { match: 'all', conditions: [{ field: 'sessionsLeft', op: 'gt', value: 0 }] }),
    );
    expect(wrongField.status).toBe(400);
    expect(wrongField.json.error.details[0].path).toBe('conditions.conditions.0.field');
    const wrongChoice = await post(
      rule('intake_requests', { match: 'all', conditions: [{ field: 'status', op: 'eq', value: 'lost' }] }),
    );
    expect(wrongChoice.status).toBe(400);
    const wrongDate = await post(
      rule('patients', { match: 'all', conditions: [{ field: 'createdAt', op: 'lt', value: 'yesterday' }] }),
    );
    expect(wrongDate.status).toBe(400);
    const wrongRelative = await post(
      rule(
        'leads',
        { match: 'all', conditions: [] },
        { type: 'relative', relativeField: 'expiryDate', offsetDays: -3 },
      ),
    );
    expect(wrongRelative.status).toBe(400);
    expect(wrongRelative.json.error.details[0].path).toBe('relativeField');
    const facility = await createFacility(admin, 'Population Locations');
    const noLocations = await post(
      rule('leads', { match: 'all', conditions: [] }, { facilityIds: [facility] }),
    );
    expect(noLocations.status).toBe(400);
    expect(noLocations.json.error.details[0].path).toBe('facilityIds');
  });

  it("answers another organisation's subjects like missing ones", async () => {
    const other = await loginAs('clinic_admin', 'other');
    const theirLead = await createLead(other, { firstName: 'Oz', lastName: 'Other', phone: '555-100-5000' });
    const id = await saved(rule('leads', { match: 'all', conditions: [] }));
    expect((await dryRun(id)).sample.map((s) => s.subjectId)).not.toContain(theirLead);
    const why = await api(`/api/v1/automation-rules/${id}/explain?subjectId=${theirLead}`, { token: admin });
    expect(why.status).toBe(404);
  });
});
