import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../db/schema';
import { counting, deliverBatch, ORG } from './automation-helpers';
import { api, db, loginAs } from './helpers';
import { delivery, endpoint, receivedAt, receiver, recordedDelivery, verifies } from './webhook-helpers';

let admin: string;
beforeAll(async () => {
  admin = await loginAs('clinic_admin');
});

const deliver = (id: string, at = Date.now()) =>
  deliverBatch([{ organizationId: ORG, messageId: id, kind: 'webhook' }], counting({ n: 0 }), 1, at);

const auditOf = (id: string) =>
  db()
    .select({ action: auditEvents.action, detail: auditEvents.detail })
    .from(auditEvents)
    .where(and(eq(auditEvents.entityType, 'webhook_endpoint'), eq(auditEvents.entityId, id)));

const rotate = (id: string, body: unknown, token = admin) =>
  api(`/api/v1/webhook-endpoints/${id}/rotate-secret`, { token, body });

describe('editing a webhook endpoint', () => {
  it('changes the address (https only); the next attempt goes there with the same secret; audited', async () => {
    const hook = await endpoint(admin, '/ok/before-move');
    const moved = await api(`/api/v1/webhook-endpoints/${hook.id}`, {
      method: 'PATCH',
      token: admin,
      body: { url: `${receiver}/ok/after-move`, description: 'Moved' },
    });
    expect(moved.status, moved.text).toBe(200);
    expect(moved.json).toMatchObject({ url: `${receiver}/ok/after-move`, description: 'Moved' });
    expect(moved.json).not.toHaveProperty('secret');
    const id = await recordedDelivery(hook.id);
    await deliver(id);
    const [got] = await receivedAt('/ok/after-move');
    expect(got && verifies(hook.secret, got)).toBe(true);
    expect(await receivedAt('/ok/before-move')).toEqual([]);

    const insecure = await api(`/api/v1/webhook-endpoints/${hook.id}`, {
      method: 'PATCH',
      token: admin,
      body: { url: 'http://hooks.example/x' },
    });
    expect(insecure.status).toBe(400);
    expect(insecure.json.error.details).toEqual([{ path: 'url', issue: 'must start with https://' }]);
    const empty = await api(`/api/v1/webhook-endpoints/${hook.id}`, {
      method: 'PATCH',
      token: admin,
      body: {},
    });
    expect(empty.status).toBe(400);
    expect(await auditOf(hook.id)).toContainEqual({
      action: 'update',
      detail: { changed: ['url', 'description'] },
    });
  });

  it('another organisation or a role without automations changes nothing: 404 and 403', async () => {
    const hook = await endpoint(admin, '/ok/theirs');
    const other = await loginAs('clinic_admin', 'other');
    const front = await loginAs('front_desk');
    const patch = (token: string) =>
      api(`/api/v1/webhook-endpoints/${hook.id}`, {
        method: 'PATCH',
        token,
        body: { url: 'https://hooks.example/stolen' },
      });
    expect((await patch(other)).status).toBe(404);
    expect((await rotate(hook.id, {}, other)).status).toBe(404);
    expect((await patch(front)).status).toBe(403);
    expect((await rotate(hook.id, {}, front)).status).toBe(403);
    const list = await api('/api/v1/webhook-endpoints', { token: admin });
    expect(list.json.items).toContainEqual(expect.objectContaining({ id: hook.id, url: hook.url }));
  });
});

describe('rotating the signing secret', () => {
  it('signs with the new and the old secret for the overlap, then with the new one only', async () => {
    const hook = await endpoint(admin, '/ok/rotate-overlap');
    const rotated = await rotate(hook.id, {});
    expect(rotated.status, rotated.text).toBe(200);
    const fresh = rotated.json.secret as string;
    expect(fresh).toMatch(/^whsec_/);
    expect(fresh).not.toBe(hook.secret);
    const until = Date.parse(rotated.json.previousSecretUntil);
    expect(until - Date.now()).toBeGreaterThan(23.9 * 3_600_000);
    const list = await api('/api/v1/webhook-endpoints', { token: admin });
    expect(list.text).not.toContain(fresh);

    const during = await recordedDelivery(hook.id);
    await deliver(during);
    const after = await recordedDelivery(hook.id);
    await deliver(after, until + 1_000);
    const [first, second] = await receivedAt('/ok/rotate-overlap');
    expect(first?.headers['webhook-signature']?.split(' ')).toHaveLength(2);
    expect(first && verifies(fresh, first) && verifies(hook.secret, first)).toBe(true);
    expect(second?.headers['webhook-signature']?.split(' ')).toHaveLength(1);
    expect(second && verifies(fresh, second)).toBe(true);
    expect(second && verifies(hook.secret, second)).toBe(false);
    expect((await delivery(admin, after)).status).toBe('delivered');
    expect(await auditOf(hook.id)).toContainEqual({
      action: 'update',
      detail: { rotatedSecret: true, overlapHours: 24 },
    });
  });

  it('without an overlap the old secret stops at once; a second rotation ends the first overlap', async () => {
    const hook = await endpoint(admin, '/ok/rotate-now');
    const first = await rotate(hook.id, { overlapHours: 24 });
    const second = await rotate(hook.id, { overlapHours: 0 });
    expect(second.status).toBe(200);
    expect(second.json.previousSecretUntil).toBeNull();
    const id = await recordedDelivery(hook.id);
    await deliver(id);
    const [got] = await receivedAt('/ok/rotate-now');
    expect(got && verifies(second.json.secret, got)).toBe(true);
    expect(got && (verifies(first.json.secret, got) || verifies(hook.secret, got))).toBe(false);
    expect((await rotate(hook.id, { overlapHours: 12 })).status).toBe(400);
  });
});
