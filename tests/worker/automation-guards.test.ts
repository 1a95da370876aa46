import { like } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { outboxMessages } from '../../db/schema';
import {
  counting,
  deliverBatch,
  ORG,
  recordedSend,
  row,
  runCron,
  runningCaseRule,
  sendAnyTime,
} from './automation-helpers';
import { api, BASE, db, loginAs, workerFetch } from './helpers';

const HOUR = 3_600_000;
let admin: string;

beforeAll(async () => {
  admin = await loginAs('clinic_admin');
});

describe('sending settings', () => {
  it('start from US Eastern quiet hours and a cap of 3; administrators change them; others cannot', async () => {
    const initial = await api('/api/v1/automation-settings', { token: admin });
    expect(initial.json).toEqual({
      timeZone: 'America/New_York',
      quietStartMinute: 1260,
      quietEndMinute: 480,
      dailyCap: 3,
      updatedAt: null,
    });
    const bad = await api('/api/v1/automation-settings', {
      method: 'PUT',
      token: admin,
      body: { timeZone: 'Mars/Olympus', quietStartMinute: 0, quietEndMinute: 1440, dailyCap: 0 },
    });
    expect(bad.status).toBe(400);
    expect(bad.json.error.code).toBe('validation_failed');
    expect(bad.json.error.details.map((d: { path: string }) => d.path).sort()).toEqual([
      'dailyCap',
      'quietEndMinute',
      'timeZone',
    ]);
    await sendAnyTime(admin, { timeZone: 'Europe/Berlin', dailyCap: 4 });
    expect((await api('/api/v1/automation-settings', { token: admin })).json).toMatchObject({
      timeZone: 'Europe/Berlin',
      dailyCap: 4,
    });
    const front = await loginAs('front_desk');
    const refused = await api('/api/v1/automation-settings', {
      method: 'PUT',
      token: front,
      body: { timeZone: 'UTC', quietStartMinute: 0, quietEndMinute: 0, dailyCap: 5 },
    });
    expect(refused.status).toBe(403);
    const other = await loginAs('clinic_admin', 'other');
    expect((await api('/api/v1/automation-settings', { token: other })).json.timeZone).toBe(
      'America/New_York',
    );
  });
});

describe('guards on automation sends', () => {
  it('holds a message during quiet hours in the organisation’s time zone and sends it when they end', async () => {
    // Quiet from 22:00 to 06:00 in Tokyo (UTC+9, no summer time): 13:00 to 21:00 UTC.
    await sendAnyTime(admin, { timeZone: 'Asia/Tokyo', quietStartMinute: 22 * 60, quietEndMinute: 6 * 60 });
    const id = await recordedSend('Quiet');
    const calls = { n: 0 };
    const night = Date.parse('2026-03-10T15:30:00Z');
    const held = await deliverBatch([{ organizationId: ORG, messageId: id }], counting(calls), 1, night);
    expect(held.explicitAcks).toEqual(['m0']);
    expect(calls.n).toBe(0);
    expect(await row(id)).toMatchObject({
      status: 'enqueued',
      attempts: 0,
      notBefore: '2026-03-10T21:00:00.000Z',
    });
    // Brought back early (the queue's delay is at most 12 hours): held again.
    await deliverBatch([{ organizationId: ORG, messageId: id }], counting(calls), 1, night + HOUR);
    expect(calls.n).toBe(0);
    await deliverBatch(
      [{ organizationId: ORG, messageId: id }],
      counting(calls),
      1,
      Date.parse('2026-03-10T21:00:00Z'),
    );
    expect(calls.n).toBe(1);
    expect(await row(id)).toMatchObject({ status: 'sent', attempts: 1 });
  });

  it('sends a recipient at most the daily cap in one local day; the rest wait for the next day', async () => {
    await sendAnyTime(admin, { timeZone: 'America/Chicago', dailyCap: 2 });
    const recipient = 'capped@example.test';
    const ids = [
      await recordedSend('Cap 1', { recipient }),
      await recordedSend('Cap 2', { recipient }),
      await recordedSend('Cap 3', { recipient }),
    ];
    const other = await recordedSend('Cap other', { recipient: 'someone-else@example.test' });
    const calls = { n: 0 };
    // 18:00 UTC is 12:00 in Chicago (CST, UTC-6).
    const noon = Date.parse('2026-01-20T18:00:00Z');
    await deliverBatch(
      [...ids, other].map((messageId) => ({ organizationId: ORG, messageId })),
      counting(calls),
      1,
      noon,
    );
    expect(calls.n).toBe(3);
    expect((await row(ids[2]!)).notBefore).toBe('2026-01-21T06:00:00.000Z');
    expect((await row(other)).status).toBe('sent');
    await deliverBatch(
      [{ organizationId: ORG, messageId: ids[2]! }],
      counting(calls),
      1,
      Date.parse('2026-01-21T06:00:00Z'),
    );
    expect((await row(ids[2]!)).status).toBe('sent');
  });

  it('email carries one-click unsubscribe headers and a link; the page unsubscribes that category only', async () => {
    await sendAnyTime(admin);
    const { caseName } = await runningCaseRule('Unsub', 'nurture');
    await runCron();
    const [message] = await db()
      .select()
      .from(outboxMessages)
      .where(like(outboxMessages.subject, `%${caseName}%`));
    const url = message?.bodyText.match(/http:\/\/127\.0\.0\.1:8787\/unsubscribe\/[\w-]+/)?.[0];
    expect(url).toBeTruthy();
    expect(message?.headers).toEqual({
      'List-Unsubscribe': `<${url}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    });
    expect(message?.category).toBe('nurture');
    // Opening the link only asks: link scanners must not unsubscribe anyone.
    const page = await workerFetch(url!);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('Stop sending news and follow-ups to <strong>f…@demo.test</strong>?');
    const recipient = message!.recipient;
    const before = await recordedSend('Before', { recipient, category: 'nurture' });
    await deliverBatch([{ organizationId: ORG, messageId: before }], counting({ n: 0 }));
    expect((await row(before)).status).toBe('sent');
    // A mail client's one-click POST (RFC 8058).
    const oneClick = await workerFetch(url!, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(oneClick.status).toBe(200);
    expect(await oneClick.text()).toContain('You are unsubscribed');
    const calls = { n: 0 };
    const after = await recordedSend('After', { recipient: recipient.toUpperCase(), category: 'nurture' });
    const otherCategory = await recordedSend('Other category', { recipient, category: 'case_updates' });
    await deliverBatch(
      [after, otherCategory].map((messageId) => ({ organizationId: ORG, messageId })),
      counting(calls),
    );
    expect(await row(after)).toMatchObject({
      status: 'suppressed',
      lastError: 'The recipient unsubscribed from nurture',
    });
    expect((await row(otherCategory)).status).toBe('sent');
    expect(calls.n).toBe(1);
    expect((await workerFetch(`${BASE}/unsubscribe/not-a-real-token-at-all-xx`)).status).toBe(404);
  });
});
