import {
  createExecutionContext,
  createMessageBatch,
  createScheduledController,
  env,
  getQueueResult,
  waitOnExecutionContext,
} from 'cloudflare:test';
import { and, eq, like } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { outboxMessages } from '../../db/schema';
import { DEMO_ORGS } from '../../scripts/seed-demo';
import worker from '../../worker/index';
import { consumeSends } from '../../worker/services/automations/consume-sends';
import { runAutomations } from '../../worker/services/automations/run-automations';
import type { AutomationSend } from '../../worker/services/automations/send-queue';
import type { EmailAdapter } from '../../worker/services/email/email-adapters';
import { runningCaseRule, STAFF_EMAIL } from './automation-helpers';
import { api, db, seed } from './helpers';

const ORG = DEMO_ORGS.demo.id;

async function runCron() {
  const ctx = createExecutionContext();
  await worker.scheduled(
    createScheduledController({ scheduledTime: Date.now(), cron: '*/5 * * * *' }),
    env,
    ctx,
  );
  await waitOnExecutionContext(ctx);
}

const messagesAbout = (caseName: string) =>
  db()
    .select()
    .from(outboxMessages)
    .where(and(eq(outboxMessages.recipient, STAFF_EMAIL), like(outboxMessages.subject, `%${caseName}%`)));

/** Waits for the local queue (Miniflare) to hand the message to the `queue` handler and for it to be sent. */
async function sentByQueue(caseName: string) {
  await vi.waitFor(
    async () => {
      const rows = await messagesAbout(caseName);
      expect(rows.map((r) => r.status)).toEqual(['sent']);
    },
    { timeout: 10_000, interval: 100 },
  );
  return messagesAbout(caseName);
}

/**
 * The consumer given one batch as the runtime hands it one, with a stand-in
 * for the email provider; answers what it acked and retried.
 */
async function deliverBatch(sends: AutomationSend[], adapter: EmailAdapter, attempts = 1) {
  const batch = createMessageBatch<AutomationSend>(
    'sidecar-automation-sends',
    sends.map((body, i) => ({ id: `m${i}`, timestamp: new Date(), attempts, body })),
  );
  const ctx = createExecutionContext();
  await consumeSends(batch, env, adapter);
  return getQueueResult(batch, ctx);
}

const failing = (calls: { n: number }): EmailAdapter => ({
  name: 'failing',
  async send() {
    calls.n++;
    return { ok: false, error: 'provider answered 503' };
  },
});
const counting = (calls: { n: number }): EmailAdapter => ({
  name: 'counting',
  async send() {
    calls.n++;
    return { ok: true, providerMessageId: `p${calls.n}` };
  },
});

describe('automation sends through the queue', () => {
  it('the cron records and enqueues; the queue consumer sends: two overlapping runs and a redelivery give one message', async () => {
    const { caseName, admin, ruleId } = await runningCaseRule('Queue');
    await Promise.all([runCron(), runCron()]);
    const [sent] = await sentByQueue(caseName);
    expect(sent).toMatchObject({ provider: 'outbox', attempts: 1, lastError: null });
    // The queue delivers the same message again (the consumer died before acking): nothing more is sent.
    const calls = { n: 0 };
    const again = await deliverBatch(
      [
        { organizationId: ORG, messageId: sent!.id },
        { organizationId: ORG, messageId: sent!.id },
      ],
      counting(calls),
    );
    expect(calls.n).toBe(0);
    expect(again.explicitAcks.sort()).toEqual(['m0', 'm1']);
    await runCron();
    expect(await messagesAbout(caseName)).toHaveLength(1);
    const runs = await api(`/api/v1/automation-rules/runs?ruleId=${ruleId}`, { token: admin });
    expect(runs.json.items).toEqual([expect.objectContaining({ outboxMessageId: sent!.id })]);
  });

  it('a failed send is retried with backoff, its error visible, and sent once when the provider recovers', async () => {
    const id = await recordedSend('Retry');
    const calls = { n: 0 };
    const first = await deliverBatch([{ organizationId: ORG, messageId: id }], failing(calls));
    expect(first.retryMessages).toEqual([{ msgId: 'm0' }]);
    const retrying = await row(id);
    expect(retrying).toMatchObject({ status: 'retrying', attempts: 1, lastError: 'provider answered 503' });
    expect(Date.parse(retrying.notBefore ?? '') - Date.parse(retrying.claimedAt ?? '')).toBe(30_000);
    const second = await deliverBatch([{ organizationId: ORG, messageId: id }], failing(calls), 2);
    expect(second.retryMessages).toEqual([{ msgId: 'm0' }]);
    const backedOff = await row(id);
    expect(Date.parse(backedOff.notBefore ?? '') - Date.parse(backedOff.claimedAt ?? '')).toBe(60_000);
    const sent = { n: 0 };
    const third = await deliverBatch([{ organizationId: ORG, messageId: id }], counting(sent), 3);
    expect(third.explicitAcks).toEqual(['m0']);
    expect(await row(id)).toMatchObject({
      status: 'sent',
      attempts: 3,
      lastError: null,
      providerMessageId: 'p1',
    });
    await deliverBatch([{ organizationId: ORG, messageId: id }], counting(sent), 4);
    expect(sent.n).toBe(1);
  });

  it('gives up after the last attempt and keeps the failure for people to see', async () => {
    const id = await recordedSend('Give up', 7);
    const result = await deliverBatch([{ organizationId: ORG, messageId: id }], failing({ n: 0 }), 8);
    expect(result.explicitAcks).toEqual(['m0']);
    expect(await row(id)).toMatchObject({
      status: 'undeliverable',
      attempts: 8,
      lastError: 'provider answered 503',
    });
  });

  it('two consumers given the same message at once send it once', async () => {
    const id = await recordedSend('Twice');
    const calls = { n: 0 };
    const slow: EmailAdapter = {
      name: 'slow',
      async send() {
        calls.n++;
        await new Promise((r) => setTimeout(r, 50));
        return { ok: true, providerMessageId: null };
      },
    };
    const send = { organizationId: ORG, messageId: id };
    await Promise.all([deliverBatch([send], slow), deliverBatch([send], slow)]);
    expect(calls.n).toBe(1);
    expect((await row(id)).status).toBe('sent');
  });

  it('another organisation’s id sends nothing', async () => {
    const id = await recordedSend('Tenant');
    const calls = { n: 0 };
    await deliverBatch([{ organizationId: DEMO_ORGS.other.id, messageId: id }], counting(calls));
    expect(calls.n).toBe(0);
    expect((await row(id)).status).toBe('enqueued');
  });

  it('the cron enqueues again a send the queue lost, and the queue delivers it', async () => {
    const id = await recordedSend('Lost', 0, new Date(Date.now() - 20 * 60_000).toISOString());
    await runAutomations(db(), env.AUTOMATION_SENDS);
    await vi.waitFor(async () => expect((await row(id)).status).toBe('sent'), {
      timeout: 10_000,
      interval: 100,
    });
  });
});

/**
 * An automation message as the cron records it, but never handed to the
 * queue: the test hands it to the consumer itself, so the local queue cannot
 * race it.
 */
async function recordedSend(subject: string, attempts = 0, createdAt = new Date().toISOString()) {
  await seed();
  const id = `msg_${subject.replace(/\W/g, '')}_${Math.random().toString(36).slice(2)}`;
  await db().insert(outboxMessages).values({
    id,
    organizationId: ORG,
    channel: 'email',
    recipient: STAFF_EMAIL,
    subject,
    bodyText: 'body',
    status: 'enqueued',
    provider: 'pending',
    attempts,
    createdAt,
  });
  return id;
}

async function row(id: string) {
  const [r] = await db().select().from(outboxMessages).where(eq(outboxMessages.id, id));
  if (!r) throw new Error(`no message ${id}`);
  return r;
}
