import { beforeAll, describe, expect, it } from 'vitest';
import { api, loginAs, mailbox } from './helpers';
import { runCron } from './intake-helpers';

const SITE = 'http://127.0.0.1:8787';
let admin: string;
let coordinator: string;

beforeAll(async () => {
  admin = await loginAs('clinic_admin');
  coordinator = await loginAs('treatment_coordinator');
});

const past = () => new Date(Date.now() - 3_600_000).toISOString();
const reminders = async (to: string) =>
  (await mailbox()).filter((m) => m.recipient === to && m.subject === 'A lead follow-up is due');
async function dueTask(leadId: string) {
  const res = await api(`/api/v1/leads/${leadId}/tasks`, {
    token: admin,
    body: { title: 'Call back', dueAt: past() },
  });
  expect(res.status).toBe(201);
}
const remindersTo = async (leadId: string) =>
  (await api(`/api/v1/leads/${leadId}/tasks`, { token: coordinator })).json.remindersTo;

describe('follow-ups on leads nobody is assigned to', () => {
  it('reminds the member who added the lead, once, and says so on the lead', async () => {
    const lead = (
      await api('/api/v1/leads', {
        token: admin,
        body: { firstName: 'Una', lastName: 'Signed', phone: '555-700-0001' },
      })
    ).json.lead;
    expect(lead.coordinatorId).toBeNull();
    expect(await remindersTo(lead.id)).toEqual({
      basis: 'creator',
      names: [expect.stringContaining('Demo')],
    });
    await dueTask(lead.id);
    const before = (await reminders('clinic_admin@demo.test')).length;
    const coordinatorBefore = (await reminders('treatment_coordinator@demo.test')).length;
    await runCron();
    await runCron();
    const got = await reminders('clinic_admin@demo.test');
    expect(got).toHaveLength(before + 1);
    expect(got[0]!.bodyText).toContain('a lead you added, which nobody is assigned to');
    expect(await reminders('treatment_coordinator@demo.test')).toHaveLength(coordinatorBefore);

    // Once assigned, the coordinator is the one reminded.
    await api(`/api/v1/leads/${lead.id}/assign`, {
      token: admin,
      body: { coordinatorId: 'mem_demo_treatment_coordinator' },
    });
    const assigned = await remindersTo(lead.id);
    expect(assigned.basis).toBe('coordinator');
  });

  it("reminds the organisation's treatment coordinators for a website lead, which has no creator", async () => {
    const key = (await api('/api/v1/lead-form', { token: coordinator })).json.key;
    const posted = await api(`/api/v1/public/leads/${key}`, {
      method: 'POST',
      ip: '192.0.2.120',
      headers: { Origin: SITE },
      body: { firstName: 'Web', lastName: 'Visitor', email: 'web.visitor@example.test' },
    });
    expect(posted.status).toBe(202);
    const lead = (await api('/api/v1/leads?q=web.visitor', { token: coordinator })).json.items[0];
    expect(lead.coordinatorId).toBeNull();
    const coordinators = (await api('/api/v1/lead-coordinators', { token: coordinator })).json.items;
    const tc = coordinators.find((c: { role: string }) => c.role === 'Treatment coordinator');
    expect(await remindersTo(lead.id)).toEqual({ basis: 'lead_coordinators', names: [tc.name] });

    await dueTask(lead.id);
    const before = (await reminders('treatment_coordinator@demo.test')).length;
    await runCron();
    await runCron();
    const got = await reminders('treatment_coordinator@demo.test');
    expect(got).toHaveLength(before + 1);
    expect(got[0]!.bodyText).toContain('a website lead nobody is assigned to');
  });
});
