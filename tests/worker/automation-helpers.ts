import {
  createExecutionContext,
  createMessageBatch,
  createScheduledController,
  env,
  getQueueResult,
  waitOnExecutionContext,
} from 'cloudflare:test';
import { eq } from 'drizzle-orm';
import { expect } from 'vitest';
import { outboxMessages } from '../../db/schema';
import { DEMO_ORGS } from '../../scripts/seed-demo';
import worker from '../../worker/index';
import { consumeSends } from '../../worker/services/automations/consume-sends';
import type { AutomationSend } from '../../worker/services/automations/send-queue';
import type { EmailAdapter } from '../../worker/services/email/email-adapters';
import type { SmsAdapter } from '../../worker/services/sms/sms-adapters';
import { api, createFacility, db, loginAs, seed } from './helpers';

export const ORG = DEMO_ORGS.demo.id;

const DAY = 86_400_000;
export const dayFromNow = (days: number) => new Date(Date.now() + days * DAY).toISOString().slice(0, 10);

/** The cron trigger through the worker's own `scheduled` handler, now. */
export async function runCron() {
  const ctx = createExecutionContext();
  await worker.scheduled(
    createScheduledController({ scheduledTime: Date.now(), cron: '*/5 * * * *' }),
    env,
    ctx,
  );
  await waitOnExecutionContext(ctx);
}

export const STAFF = 'mem_demo_front_desk';
export const STAFF_EMAIL = 'front_desk@demo.test';

/**
 * A location with one open case expiring in 10 days with sessions left, an
 * email template naming the case, and a running rule that emails a staff
 * member about it: the smallest setup that makes the cron send one message.
 */
export async function runningCaseRule(label: string, category = 'case_updates') {
  const admin = await loginAs('clinic_admin');
  const facilityId = await createFacility(admin, `${label} Clinic`);
  const patient = await api('/api/v1/patients', {
    token: admin,
    body: { facilityId, firstName: 'Send', lastName: label, dateOfBirth: '1960-01-01' },
  });
  const caseName = `${label} case`;
  await api('/api/v1/cases/upsert', {
    token: admin,
    body: {
      items: [
        {
          externalId: `${label}-1`,
          patientId: patient.json.id,
          facilityId,
          name: caseName,
          status: 'open',
          expiryDate: dayFromNow(10),
          maxSessions: 5,
        },
      ],
    },
  });
  const template = await api('/api/v1/message-templates', {
    token: admin,
    body: {
      name: `${label} template`,
      channel: 'email',
      category,
      subject: 'Referral {{case.name}} expires soon',
      body: '{{case.sessionsLeft}} sessions left.',
    },
  });
  const rule = await api('/api/v1/automation-rules', {
    token: admin,
    body: {
      name: `${label} rule`,
      category,
      type: 'once',
      population: 'cases',
      facilityIds: [facilityId],
      conditions: { match: 'all', conditions: [{ field: 'sessionsLeft', op: 'gt', value: 0 }] },
      actions: [{ kind: 'email', templateId: template.json.id, membershipId: STAFF }],
    },
  });
  expect(rule.status, rule.text).toBe(201);
  const play = await api(`/api/v1/automation-rules/${rule.json.id}/play`, { token: admin, body: {} });
  expect(play.json.status).toBe('running');
  return {
    admin,
    facilityId,
    caseName,
    ruleId: rule.json.id as string,
    patientId: patient.json.id as string,
  };
}

/** No quiet hours and a high cap, so a test sees its sends at any time of day. */
export async function sendAnyTime(admin: string, over: Record<string, unknown> = {}) {
  const res = await api('/api/v1/automation-settings', {
    method: 'PUT',
    token: admin,
    body: { timeZone: 'UTC', quietStartMinute: 0, quietEndMinute: 0, dailyCap: 50, ...over },
  });
  expect(res.status, res.text).toBe(200);
}

/**
 * The consumer given one batch as the runtime hands it one, with a stand-in
 * for the email provider; answers what it acked and retried.
 */
export async function deliverBatch(
  sends: AutomationSend[],
  adapter: EmailAdapter & SmsAdapter,
  attempts = 1,
  now = Date.now(),
) {
  const batch = createMessageBatch<AutomationSend>(
    'sidecar-automation-sends',
    sends.map((body, i) => ({ id: `m${i}`, timestamp: new Date(), attempts, body })),
  );
  const ctx = createExecutionContext();
  await consumeSends(batch, env, { email: adapter, sms: () => adapter }, now);
  return getQueueResult(batch, ctx);
}

export const failing = (calls: { n: number }): EmailAdapter & SmsAdapter => ({
  name: 'failing',
  async send() {
    calls.n++;
    return { ok: false, error: 'provider answered 503' };
  },
});
export const counting = (calls: { n: number }): EmailAdapter & SmsAdapter => ({
  name: 'counting',
  async send() {
    calls.n++;
    return { ok: true, providerMessageId: `p${calls.n}` };
  },
});

/**
 * An automation message as the cron records it, but never handed to the
 * queue: the test hands it to the consumer itself, so the local queue cannot
 * race it.
 */
export async function recordedSend(
  subject: string,
  {
    attempts = 0,
    createdAt = new Date().toISOString(),
    recipient = STAFF_EMAIL,
    channel = 'email',
    category = null as string | null,
  } = {},
) {
  await seed();
  const id = `msg_${subject.replace(/\W/g, '')}_${Math.random().toString(36).slice(2)}`;
  await db().insert(outboxMessages).values({
    id,
    organizationId: ORG,
    channel,
    recipient,
    category,
    subject,
    bodyText: 'body',
    status: 'enqueued',
    provider: 'pending',
    attempts,
    createdAt,
  });
  return id;
}

export async function row(id: string) {
  const [r] = await db().select().from(outboxMessages).where(eq(outboxMessages.id, id));
  if (!r) throw new Error(`no message ${id}`);
  return r;
}
