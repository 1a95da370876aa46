import { Buffer } from 'node:buffer';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { expect, inject } from 'vitest';
import { webhookDeliveries } from '../../db/schema';
import { ORG } from './automation-helpers';
import { api, db } from './helpers';

export const receiver = inject('webhookReceiver');
export type Received = { path: string; headers: Record<string, string>; body: string };
export const receivedAt = async (path: string) =>
  (await (await fetch(`${receiver}/received?path=${encodeURIComponent(path)}`)).json()) as Received[];

/**
 * The receiver's check, written from the Standard Webhooks text with Node's
 * crypto (not the worker's code): HMAC-SHA256 over `id.timestamp.body` with
 * the base64 key after `whsec_`, compared in constant time.
 */
export function verifies(secret: string, r: Received) {
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  const signed = `${r.headers['webhook-id']}.${r.headers['webhook-timestamp']}.${r.body}`;
  const expected = Buffer.from(createHmac('sha256', key).update(signed).digest('base64'));
  return (r.headers['webhook-signature'] ?? '').split(' ').some((sig) => {
    const [version, value] = sig.split(',');
    const given = Buffer.from(value ?? '');
    return version === 'v1' && given.length === expected.length && timingSafeEqual(given, expected);
  });
}

export async function endpoint(admin: string, path: string) {
  const res = await api('/api/v1/webhook-endpoints', {
    token: admin,
    body: { url: `${receiver}${path}`, description: `Receiver ${path}` },
  });
  expect(res.status, res.text).toBe(201);
  return res.json as { id: string; secret: string; url: string };
}

/** A delivery as a rule records it, handed to no queue: the test drives the consumer itself. */
export async function recordedDelivery(endpointId: string, createdAt = new Date().toISOString()) {
  const id = `whd_test_${Math.random().toString(36).slice(2)}`;
  await db()
    .insert(webhookDeliveries)
    .values({
      id,
      organizationId: ORG,
      endpointId,
      eventType: 'automation.action',
      payload: JSON.stringify({ type: 'automation.action', data: { test: id } }),
      status: 'enqueued',
      createdAt,
    });
  return id;
}

export const delivery = async (admin: string, id: string) =>
  (await api(`/api/v1/webhook-endpoints/deliveries/${id}`, { token: admin })).json;
