import { env } from 'cloudflare:test';
import { and, eq, like } from 'drizzle-orm';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { outboxMessages } from '../../db/schema';
import { DEMO_ORGS } from '../../scripts/seed-demo';
import { runAutomations } from '../../worker/services/automations/run-automations';
import type { EmailAdapter } from '../../worker/services/email/email-adapters';
import type { SmsAdapter } from '../../worker/services/sms/sms-adapters';
import {
  counting,
  deliverBatch,
  failing,
  ORG,
  recordedSend,
  row,
  runCron,
  runningCaseRule,
  STAFF_EMAIL,
  sendAnyTime,
} from './automation-helpers';
import { api, db, loginAs } from './helpers';

beforeAll(async () => sendAnyTime(await loginAs('clinic_admin')));

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
    // The queue brings it back once the backoff is over.
    const t1 = Date.parse(retrying.notBefore ?? '');
    const second = await deliverBatch([{ organizationId: ORG, messageId: id }], failing(calls), 2, t1);
    expect(second.retryMessages).toEqual([{ msgId: 'm0' }]);
    const backedOff = await row(id);
    expect(Date.parse(backedOff.notBefore ?? '') - Date.parse(backedOff.claimedAt ?? '')).toBe(60_000);
    const sent = { n: 0 };
    const t2 = Date.parse(backedOff.notBefore ?? '');
    const third = await deliverBatch([{ organizationId: ORG, messageId: id }], counting(sent), 3, t2);
    expect(third.explicitAcks).toEqual(['m0']);
    expect(await row(id)).toMatchObject({
      status: 'sent',
      attempts: 3,
      lastError: null,
      providerMessageId: 'p1',
    });
    await deliverBatch([{ organizationId: ORG, messageId: id }], counting(sent), 4, t2 + 1000);
    expect(sent.n).toBe(1);
  });

  it('gives up after the last attempt and keeps the failure for people to see', async () => {
    const id = await recordedSend('Give up', { attempts: 7 });
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
    const slow: EmailAdapter & SmsAdapter = {
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
    const id = await recordedSend('Lost', { createdAt: new Date(Date.now() - 20 * 60_000).toISOString() });
    await runAutomations(db(), { queue: env.AUTOMATION_SENDS, baseUrl: env.PUBLIC_BASE_URL });
    await vi.waitFor(async () => expect((await row(id)).status).toBe('sent'), {
      timeout: 10_000,
      interval: 100,
    });
  });
});
