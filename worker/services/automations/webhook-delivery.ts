import { and, eq, inArray, lt, or, type SQL, sql } from 'drizzle-orm';
import { webhookAttempts, webhookDeliveries, webhookEndpoints } from '../../../db/schema';
import { newId } from '../../lib/crypto';
import type { TenantDb } from '../../lib/tenant-db';
import { DAY, iso } from '../../lib/time';
import { STALE_AFTER_MS } from './send-queue';
import { signingSecrets, webhookHeaders } from './webhook-signature';

export const WEBHOOK_STATUS = {
  enqueued: 'enqueued',
  sending: 'sending',
  retrying: 'retrying',
  delivered: 'delivered',
  /** Every attempt of a day failed: kept, with each attempt, for people to see. */
  failed: 'failed',
} as const;

/**
 * Waits after each failed attempt (the Standard Webhooks schedule: 5 s, 5 min,
 * 30 min, 2 h, 5 h, 10 h); the attempt after the last of them comes a day
 * after the first, and is the last.
 */
export const WEBHOOK_RETRY_SECONDS = [5, 300, 1800, 7200, 18_000, 36_000] as const;
/** How long a receiver may take to answer one attempt. */
const TIMEOUT_MS = 10_000;
/** What an attempt keeps of the receiver's answer. */
const EXCERPT = 500;

/** Seconds until the next attempt after `attempts` failed ones, or null: give up. */
export function nextWebhookDelay(attempts: number, firstAttemptMs: number, nowMs: number): number | null {
  const wait = WEBHOOK_RETRY_SECONDS[attempts - 1];
  if (wait !== undefined) return wait;
  if (attempts === WEBHOOK_RETRY_SECONDS.length + 1)
    return Math.max(0, Math.ceil((firstAttemptMs + DAY - nowMs) / 1000));
  return null;
}

/** The statement recording one delivery for the caller's batch (id: the act's, so a repeat inserts nothing). */
export function webhookDeliveryStatement(
  tenant: TenantDb,
  delivery: { id: string; endpointId: string; ruleId: string; payload: unknown },
  now: string,
) {
  return tenant
    .insert(webhookDeliveries, {
      id: delivery.id,
      endpointId: delivery.endpointId,
      ruleId: delivery.ruleId,
      eventType: 'automation.action',
      payload: JSON.stringify(delivery.payload),
      status: WEBHOOK_STATUS.enqueued,
      createdAt: now,
    })
    .onConflictDoNothing()
    .returning({ id: webhookDeliveries.id });
}

const takeable = (id: string, now: number) =>
  and(
    eq(webhookDeliveries.id, id),
    or(
      inArray(webhookDeliveries.status, [WEBHOOK_STATUS.enqueued, WEBHOOK_STATUS.retrying]),
      and(
        eq(webhookDeliveries.status, WEBHOOK_STATUS.sending),
        lt(webhookDeliveries.claimedAt, iso(now - STALE_AFTER_MS)),
      ),
    ),
  ) as SQL;

const firstAttemptMs = (d: { firstAttemptAt: string | null; claimedAt: string | null }) =>
  Date.parse(d.firstAttemptAt ?? d.claimedAt ?? '');

async function attempt(url: string, headers: Record<string, string>, body: string) {
  const started = Date.now();
  try {
    const res = await fetch(url, {
      method: 'POST',
      headers,
      body,
      redirect: 'manual',
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    const text = await res.text();
    return {
      ok: res.status >= 200 && res.status < 300,
      responseStatus: res.status,
      responseExcerpt: text.slice(0, EXCERPT),
      error: null,
      durationMs: Date.now() - started,
    };
  } catch (e) {
    return {
      ok: false,
      responseStatus: null,
      responseExcerpt: null,
      error: e instanceof Error ? `${e.name}: ${e.message}`.slice(0, EXCERPT) : 'request failed',
      durationMs: Date.now() - started,
    };
  }
}

/**
 * One attempt at a webhook delivery, taken by one consumer only (the same
 * conditional claim as messages), signed at the attempt's time and logged with
 * the answer; a failure is retried after the schedule's wait, for a day.
 */
export async function deliverWebhook(
  tenant: TenantDb,
  id: string,
  nowMs = Date.now(),
): Promise<{ kind: 'done' } | { kind: 'retry'; delaySeconds: number }> {
  const [claimed] = await tenant
    .update(
      webhookDeliveries,
      {
        status: WEBHOOK_STATUS.sending,
        claimedAt: iso(nowMs),
        attempts: sql`${webhookDeliveries.attempts} + 1`,
        firstAttemptAt: sql`coalesce(${webhookDeliveries.firstAttemptAt}, ${iso(nowMs)})`,
      },
      takeable(id, nowMs),
    )
    .returning();
  if (!claimed) return { kind: 'done' };
  const [endpoint] = await tenant
    .select(webhookEndpoints, eq(webhookEndpoints.id, claimed.endpointId))
    .limit(1);
  const result = endpoint?.disabledAt
    ? null
    : endpoint
      ? await attempt(
          endpoint.url,
          await webhookHeaders(signingSecrets(endpoint, iso(nowMs)), claimed.id, nowMs, claimed.payload),
          claimed.payload,
        )
      : null;
  const outcome = result ?? {
    ok: false,
    responseStatus: null,
    responseExcerpt: null,
    error: 'The endpoint was removed or disabled',
    durationMs: 0,
  };
  const error = outcome.ok
    ? null
    : (outcome.error ?? `The endpoint answered ${outcome.responseStatus ?? 'nothing'}`);
  const delay =
    outcome.ok || !result ? null : nextWebhookDelay(claimed.attempts, firstAttemptMs(claimed), nowMs);
  const ours = and(
    eq(webhookDeliveries.id, id),
    eq(webhookDeliveries.status, WEBHOOK_STATUS.sending),
    eq(webhookDeliveries.claimedAt, iso(nowMs)),
  ) as SQL;
  await tenant.batch([
    tenant.insert(webhookAttempts, {
      id: newId('wha'),
      deliveryId: id,
      attempt: claimed.attempts,
      at: iso(nowMs),
      responseStatus: outcome.responseStatus,
      responseExcerpt: outcome.responseExcerpt,
      error,
      durationMs: outcome.durationMs,
    }),
    tenant.update(
      webhookDeliveries,
      outcome.ok
        ? { status: WEBHOOK_STATUS.delivered, deliveredAt: iso(nowMs), lastError: null, nextAttemptAt: null }
        : delay === null
          ? { status: WEBHOOK_STATUS.failed, lastError: error, nextAttemptAt: null }
          : { status: WEBHOOK_STATUS.retrying, lastError: error, nextAttemptAt: iso(nowMs + delay * 1000) },
      ours,
    ),
  ]);
  return delay === null ? { kind: 'done' } : { kind: 'retry', delaySeconds: delay };
}
