import {
  createExecutionContext,
  createScheduledController,
  env,
  waitOnExecutionContext,
} from 'cloudflare:test';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { outboxMessages, sessions } from '../../db/schema';
import worker from '../../worker/index';
import { db, loginAs } from './helpers';

async function runCron() {
  const ctx = createExecutionContext();
  await worker.scheduled(
    createScheduledController({ scheduledTime: Date.now(), cron: '*/5 * * * *' }),
    env,
    ctx,
  );
  await waitOnExecutionContext(ctx);
}

describe('cron trigger', () => {
  it('removes the bodies (and their links) of emails delivered over a day ago', async () => {
    const old = new Date(Date.now() - 2 * 86_400_000).toISOString();
    const recent = new Date().toISOString();
    const base = {
      channel: 'email',
      recipient: 'r@example.test',
      subject: 'Join',
      provider: 'outbox',
      status: 'sent',
      createdAt: old,
    };
    await db()
      .insert(outboxMessages)
      .values([
        { id: 'msg_old', bodyText: 'http://127.0.0.1:8787/invite/secret', sentAt: old, ...base },
        { id: 'msg_new', bodyText: 'http://127.0.0.1:8787/invite/fresh', sentAt: recent, ...base },
      ]);
    await runCron();
    const rows = Object.fromEntries((await db().select().from(outboxMessages)).map((m) => [m.id, m]));
    expect(rows.msg_old).toMatchObject({
      bodyText: '(removed a day after delivery)',
      subject: 'Join',
      recipient: 'r@example.test',
    });
    expect(rows.msg_new?.bodyText).toContain('/invite/fresh');
  });

  it('retries queued and failed email until delivered, once each', async () => {
    const now = new Date().toISOString();
    const base = {
      channel: 'email',
      recipient: 'someone@example.test',
      subject: 's',
      bodyText: 't',
      provider: 'pending',
      createdAt: now,
    };
    await db()
      .insert(outboxMessages)
      .values([
        { id: 'msg_queued', status: 'queued', ...base },
        { id: 'msg_failed', status: 'failed', attempts: 1, lastError: 'timeout', ...base },
        { id: 'msg_gave_up', status: 'failed', attempts: 5, lastError: 'timeout', ...base },
      ]);
    await runCron();
    await runCron();
    const rows = Object.fromEntries((await db().select().from(outboxMessages)).map((m) => [m.id, m]));
    expect(rows.msg_queued).toMatchObject({ status: 'sent', provider: 'outbox', attempts: 1 });
    expect(rows.msg_failed).toMatchObject({ status: 'sent', attempts: 2, lastError: null });
    expect(rows.msg_gave_up).toMatchObject({ status: 'failed', attempts: 5 });
  });

  it('removes sessions a day past their absolute expiry, and keeps live ones', async () => {
    await loginAs('doctor');
    await loginAs('billing');
    await db()
      .update(sessions)
      .set({ expiresAt: new Date(Date.now() - 2 * 86_400_000).toISOString() })
      .where(eq(sessions.userId, 'usr_demo_doctor'));
    await runCron();
    const left = await db().select({ userId: sessions.userId }).from(sessions);
    expect(left.map((s) => s.userId)).toEqual(['usr_demo_billing']);
  });
});
