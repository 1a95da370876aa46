import { env } from 'cloudflare:test';
import { Buffer } from 'node:buffer';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { runAutomations } from '../../worker/services/automations/run-automations';
import { patientWithCase, playingRule, runsOf } from './automation-action-helpers';
import { counting, deliverBatch, ORG, runCron, sendAnyTime } from './automation-helpers';
import { api, db, loginAs } from './helpers';
import {
  delivery as deliveryAs,
  endpoint as endpointAs,
  type Received,
  receivedAt,
  recordedDelivery,
  verifies,
} from './webhook-helpers';

let admin: string;
beforeAll(async () => {
  admin = await loginAs('clinic_admin');
  await sendAnyTime(admin);
});
const endpoint = (path: string) => endpointAs(admin, path);
const delivery = (id: string) => deliveryAs(admin, id);

describe('webhook endpoints', () => {
  it('shows the signing secret once; only automation managers add them; other organisations see none', async () => {
    const made = await endpoint('/ok/secret');
    expect(made.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(Buffer.from(made.secret.slice(6), 'base64')).toHaveLength(32);
    const list = await api('/api/v1/webhook-endpoints', { token: admin });
    expect(list.json.items).toContainEqual(expect.objectContaining({ id: made.id, url: made.url }));
    expect(list.text).not.toContain(made.secret);
    expect(list.json.items[0]).not.toHaveProperty('secret');

    const front = await loginAs('front_desk');
    expect((await api('/api/v1/webhook-endpoints', { token: front })).status).toBe(403);
    const bad = await api('/api/v1/webhook-endpoints', {
      token: admin,
      body: { url: 'http://hooks.example/x' },
    });
    expect(bad.status).toBe(400);
    expect(
      (await api('/api/v1/webhook-endpoints', { token: admin, body: { url: 'ftp://x.example' } })).status,
    ).toBe(400);
    const other = await loginAs('clinic_admin', 'other');
    const theirs = await api('/api/v1/webhook-endpoints', { token: other });
    expect(theirs.json.items.map((e: { id: string }) => e.id)).not.toContain(made.id);
    expect(
      (await api(`/api/v1/webhook-endpoints/${made.id}/disable`, { token: other, body: {} })).status,
    ).toBe(404);
  });
});

describe('webhook actions', () => {
  it('two overlapping runs and a redelivery POST once, signed, to a real server; ids only in the body; logged', async () => {
    const p = await patientWithCase(admin, 'Hook', {
      email: 'hook@family.example',
      dateOfBirth: '1980-05-05',
    });
    const hook = await endpoint('/ok/hook');
    const ruleId = await playingRule(admin, 'Hook rule', p.facilityId, [
      { kind: 'webhook', endpointId: hook.id },
    ]);
    const started = Date.now();
    await Promise.all([runCron(), runCron()]);
    const [run] = await runsOf(admin, ruleId);
    const deliveryId = run?.actions[0]?.webhookDeliveryId ?? '';
    expect(run?.actions).toMatchObject([{ kind: 'webhook', status: 'queued' }]);
    await vi.waitFor(async () => expect((await delivery(deliveryId)).status).toBe('delivered'), {
      timeout: 10_000,
      interval: 100,
    });
    const calls = { n: 0 };
    await deliverBatch([{ organizationId: ORG, messageId: deliveryId, kind: 'webhook' }], counting(calls));
    await runCron();

    const got = await receivedAt('/ok/hook');
    expect(got).toHaveLength(1);
    const [request] = got;
    expect(request?.headers['webhook-id']).toBe(deliveryId);
    expect(request?.headers['content-type']).toBe('application/json');
    const timestamp = Number(request?.headers['webhook-timestamp']);
    expect(timestamp * 1000).toBeGreaterThanOrEqual(Math.floor(started / 1000) * 1000);
    expect(verifies(hook.secret, request as Received)).toBe(true);
    expect(verifies('whsec_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=', request as Received)).toBe(false);
    expect(JSON.parse(request?.body ?? '')).toEqual({
      type: 'automation.action',
      timestamp: expect.any(String),
      data: {
        ruleId,
        ruleVersion: 1,
        actionIndex: 0,
        subject: { type: 'case', id: p.caseId },
        occurrence: expect.any(String),
        patientId: p.patientId,
        leadId: p.leadId,
      },
    });
    expect(request?.body).not.toMatch(/Hook|Family|hook@/);

    const shown = await delivery(deliveryId);
    expect(shown).toMatchObject({
      endpointId: hook.id,
      ruleId,
      status: 'delivered',
      attempts: 1,
      lastError: null,
    });
    expect(shown.payload).toBe(request?.body);
    expect(shown.log).toEqual([
      expect.objectContaining({ attempt: 1, responseStatus: 200, responseExcerpt: 'received', error: null }),
    ]);
    const page = await api(`/api/v1/webhook-endpoints/deliveries?endpointId=${hook.id}`, { token: admin });
    expect(page.json.items.map((d: { id: string }) => d.id)).toEqual([deliveryId]);
    const other = await loginAs('clinic_admin', 'other');
    expect((await api(`/api/v1/webhook-endpoints/deliveries/${deliveryId}`, { token: other })).status).toBe(
      404,
    );
    await api(`/api/v1/automation-rules/${ruleId}/pause`, { token: admin, body: {} });
  });

  it('a failing receiver is retried with backoff for a day, every attempt logged, then given up', async () => {
    const hook = await endpoint('/fail/day');
    const id = await recordedDelivery(hook.id);
    const first = Date.now();
    let now = first;
    const waits: number[] = [];
    for (let attempt = 1; attempt <= 8; attempt++) {
      const result = await deliverBatch(
        [{ organizationId: ORG, messageId: id, kind: 'webhook' }],
        counting({ n: 0 }),
        attempt,
        now,
      );
      const row = await delivery(id);
      if (attempt < 8) {
        expect(result.retryMessages).toEqual([{ msgId: 'm0' }]);
        expect(row).toMatchObject({
          status: 'retrying',
          attempts: attempt,
          lastError: 'The endpoint answered 503',
        });
        const next = Date.parse(row.nextAttemptAt);
        waits.push((next - now) / 1000);
        now = next;
      } else {
        expect(result.explicitAcks).toEqual(['m0']);
        expect(row).toMatchObject({ status: 'failed', attempts: 8, nextAttemptAt: null });
      }
    }
    expect(waits).toEqual([5, 300, 1800, 7200, 18_000, 36_000, 86_400 - 63_305]);
    expect(now - first).toBe(86_400_000);
    const { log } = await delivery(id);
    expect(log).toHaveLength(8);
    expect(log.every((a: { responseStatus: number }) => a.responseStatus === 503)).toBe(true);
    expect(log[0]).toMatchObject({ responseExcerpt: 'try again later', error: 'The endpoint answered 503' });
    expect(await receivedAt('/fail/day')).toHaveLength(8);
  });

  it('a receiver that fails once gets the same id again, signed anew, and the delivery is done', async () => {
    const hook = await endpoint('/flaky/once');
    const id = await recordedDelivery(hook.id);
    const t0 = Date.now();
    await deliverBatch([{ organizationId: ORG, messageId: id, kind: 'webhook' }], counting({ n: 0 }), 1, t0);
    await deliverBatch(
      [{ organizationId: ORG, messageId: id, kind: 'webhook' }],
      counting({ n: 0 }),
      2,
      t0 + 5_000,
    );
    const got = await receivedAt('/flaky/once');
    expect(got.map((r) => r.headers['webhook-id'])).toEqual([id, id]);
    expect(got.map((r) => Number(r.headers['webhook-timestamp']))).toEqual([
      Math.floor(t0 / 1000),
      Math.floor((t0 + 5_000) / 1000),
    ]);
    expect(got.every((r) => verifies(hook.secret, r))).toBe(true);
    expect(await delivery(id)).toMatchObject({ status: 'delivered', attempts: 2 });
  });

  it('the cron enqueues again a delivery the queue lost; a disabled endpoint is refused in rules and skipped by them', async () => {
    const hook = await endpoint('/ok/lost');
    const id = await recordedDelivery(hook.id, new Date(Date.now() - 20 * 60_000).toISOString());
    await runAutomations(db(), { queue: env.AUTOMATION_SENDS, baseUrl: env.PUBLIC_BASE_URL });
    await vi.waitFor(async () => expect((await delivery(id)).status).toBe('delivered'), {
      timeout: 10_000,
      interval: 100,
    });

    const p = await patientWithCase(admin, 'Gone', {
      email: 'gone@family.example',
      dateOfBirth: '1980-05-05',
    });
    const gone = await endpoint('/ok/gone');
    const ruleId = await playingRule(admin, 'Gone rule', p.facilityId, [
      { kind: 'webhook', endpointId: gone.id },
    ]);
    await api(`/api/v1/webhook-endpoints/${gone.id}/disable`, { token: admin, body: {} });
    await runCron();
    const [run] = await runsOf(admin, ruleId);
    expect(run?.actions).toMatchObject([
      { kind: 'webhook', status: 'skipped', reason: 'The webhook endpoint was removed or disabled' },
    ]);
    const edit = await api(`/api/v1/automation-rules/${ruleId}`, { token: admin });
    const refused = await api(`/api/v1/automation-rules/${ruleId}`, {
      method: 'PUT',
      token: admin,
      body: edit.json.definition,
    });
    expect(refused.status).toBe(400);
    expect(refused.json.error.details).toEqual([
      { path: 'actions.0.endpointId', issue: 'webhook endpoint not found' },
    ]);
    expect(await receivedAt('/ok/gone')).toEqual([]);
    await api(`/api/v1/automation-rules/${ruleId}/pause`, { token: admin, body: {} });
  });
});
