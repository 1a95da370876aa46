import { and, eq, inArray, lt, or, type SQL, sql } from 'drizzle-orm';
import { d1Database } from '../../../db/client';
import { outboxMessages } from '../../../db/schema';
import { localDay, nextSendTime } from '../../../shared/automation/quiet-hours';
import type { AutomationSettings } from '../../../shared/schemas/automation-settings';
import type { Bindings } from '../../env';
import { TenantDb } from '../../lib/tenant-db';
import { iso } from '../../lib/time';
import { type EmailAdapter, emailAdapterFor } from '../email/email-adapters';
import { type SmsAdapter, smsAdapterFor } from '../sms/sms-adapters';
import {
  type AutomationSend,
  backoffSeconds,
  MAX_SEND_ATTEMPTS,
  SEND_STATUS,
  STALE_AFTER_MS,
} from './send-queue';
import { getSendingSettings } from './sending-settings';
import { type Channel, isUnsubscribed } from './unsubscribes';
import { deliverWebhook } from './webhook-delivery';

/** The providers a send may go through, by the message's channel. */
export type SendAdapters = { email: EmailAdapter; sms: () => SmsAdapter };

type Outcome =
  | { kind: 'done' }
  /** The provider failed: the queue brings the same message back after the backoff. */
  | { kind: 'retry'; delaySeconds: number }
  /** Held back by a guard (quiet hours, the daily cap): enqueued anew, without spending an attempt. */
  | { kind: 'defer'; delaySeconds: number };

/** The longest delay a queue message may be given (12 hours); a longer wait is deferred again on arrival. */
const MAX_QUEUE_DELAY_SECONDS = 43_200;

/** A message a consumer may take: waiting, or claimed by a consumer that died mid-send. */
const takeable = (messageId: string, now: number) =>
  and(
    eq(outboxMessages.id, messageId),
    or(
      inArray(outboxMessages.status, [SEND_STATUS.enqueued, SEND_STATUS.retrying]),
      and(
        eq(outboxMessages.status, SEND_STATUS.sending),
        lt(outboxMessages.claimedAt, iso(now - STALE_AFTER_MS)),
      ),
    ),
  ) as SQL;

/** Fewer than `cap` messages taken for `recipient` since the local day began. */
const underCap = (tenant: TenantDb, recipient: string, dayStart: number, cap: number) =>
  sql`(SELECT count(*) FROM outbox_messages AS capped WHERE capped.organization_id = ${tenant.organizationId}
    AND capped.recipient = ${recipient} AND capped.claimed_at >= ${iso(dayStart)}
    AND capped.status IN (${SEND_STATUS.sending}, ${SEND_STATUS.sent})) < ${cap}`;

/**
 * Takes the message for this consumer: only one consumer at a time can move
 * it to `sending`, so a queue message delivered twice (a redelivery, two
 * copies after a requeue) sends once. The daily cap is part of the same
 * statement, so two consumers cannot both take a recipient's last place.
 */
function claim(tenant: TenantDb, messageId: string, now: number, cap: SQL) {
  return tenant
    .update(
      outboxMessages,
      { status: SEND_STATUS.sending, claimedAt: iso(now), attempts: sql`${outboxMessages.attempts} + 1` },
      and(takeable(messageId, now), cap),
    )
    .returning();
}

async function defer(tenant: TenantDb, messageId: string, until: number, now: number): Promise<Outcome> {
  await tenant.update(
    outboxMessages,
    { notBefore: iso(until) },
    and(
      eq(outboxMessages.id, messageId),
      inArray(outboxMessages.status, [SEND_STATUS.enqueued, SEND_STATUS.retrying]),
    ),
  );
  return { kind: 'defer', delaySeconds: Math.min(Math.ceil((until - now) / 1000), MAX_QUEUE_DELAY_SECONDS) };
}

/**
 * Delivers one automation message and records the result on its outbox row,
 * after the guards: the recipient's unsubscribes (the message is suppressed),
 * quiet hours in the organisation's time zone and the per-recipient daily cap
 * (the message waits for the end of quiet hours or the next local day).
 */
export async function deliverSend(
  tenant: TenantDb,
  messageId: string,
  adapters: SendAdapters,
  settings: AutomationSettings,
  now = Date.now(),
): Promise<Outcome> {
  const [msg] = await tenant.select(outboxMessages, takeable(messageId, now)).limit(1);
  // Sent already, being sent by another consumer, or gone: nothing to do.
  if (!msg) return { kind: 'done' };
  if (msg.category && (await isUnsubscribed(tenant, msg.channel as Channel, msg.recipient, msg.category))) {
    await tenant.update(
      outboxMessages,
      { status: SEND_STATUS.suppressed, lastError: `The recipient unsubscribed from ${msg.category}` },
      takeable(messageId, now),
    );
    return { kind: 'done' };
  }
  const sendAt = Math.max(nextSendTime(now, settings), msg.notBefore ? Date.parse(msg.notBefore) : 0);
  if (sendAt > now) return defer(tenant, messageId, sendAt, now);
  const day = localDay(now, settings.timeZone);
  const [claimed] = await claim(
    tenant,
    messageId,
    now,
    underCap(tenant, msg.recipient, day.start, settings.dailyCap),
  );
  if (!claimed) {
    const [waiting] = await tenant.select(outboxMessages, takeable(messageId, now)).limit(1);
    // Still waiting, so not taken by another consumer: the recipient's cap for today is reached.
    return waiting ? defer(tenant, messageId, nextSendTime(day.next, settings), now) : { kind: 'done' };
  }
  const sms = claimed.channel === 'sms' ? adapters.sms() : null;
  const adapter = sms ?? adapters.email;
  const result = sms
    ? await sms.send({ to: claimed.recipient, body: claimed.bodyText })
    : await adapters.email.send({
        to: claimed.recipient,
        subject: claimed.subject,
        text: claimed.bodyText,
        html: claimed.bodyHtml,
        headers: claimed.headers,
      });
  const ours = and(
    eq(outboxMessages.id, messageId),
    eq(outboxMessages.status, SEND_STATUS.sending),
    eq(outboxMessages.claimedAt, iso(now)),
  );
  if (result.ok) {
    await tenant.update(
      outboxMessages,
      {
        status: SEND_STATUS.sent,
        provider: adapter.name,
        providerMessageId: result.providerMessageId,
        sentAt: iso(now),
        lastError: null,
        notBefore: null,
      },
      ours,
    );
    return { kind: 'done' };
  }
  const giveUp = claimed.attempts >= MAX_SEND_ATTEMPTS;
  const delaySeconds = backoffSeconds(claimed.attempts);
  await tenant.update(
    outboxMessages,
    {
      status: giveUp ? SEND_STATUS.undeliverable : SEND_STATUS.retrying,
      provider: adapter.name,
      lastError: result.error,
      // When the queue brings it back: the next attempt is visible on the row.
      notBefore: giveUp ? null : iso(now + delaySeconds * 1000),
    },
    ours,
  );
  return giveUp ? { kind: 'done' } : { kind: 'retry', delaySeconds };
}

/**
 * The `queue` handler: each message is acknowledged once its send is settled
 * (webhook deliveries: webhook-delivery.ts, without the guards, which are for people)
 * (sent, suppressed, given up, or nothing left to do), retried after a backoff
 * when the provider failed or the worker could not record the outcome, and
 * enqueued anew with a delay when a guard holds it back.
 */
export async function consumeSends(
  batch: MessageBatch<AutomationSend>,
  env: Bindings,
  adapters: SendAdapters = { email: emailAdapterFor(env), sms: () => smsAdapterFor(env) },
  now = Date.now(),
) {
  const db = d1Database(env.DB);
  const settings = new Map<string, AutomationSettings>();
  for (const message of batch.messages) {
    try {
      const tenant = new TenantDb(db, message.body.organizationId);
      const own = settings.get(tenant.organizationId) ?? (await getSendingSettings(tenant));
      settings.set(tenant.organizationId, own);
      const outcome =
        message.body.kind === 'webhook'
          ? await deliverWebhook(tenant, message.body.messageId, now)
          : await deliverSend(tenant, message.body.messageId, adapters, own, now);
      if (outcome.kind === 'retry') message.retry({ delaySeconds: outcome.delaySeconds });
      else {
        if (outcome.kind === 'defer')
          await env.AUTOMATION_SENDS.send(message.body, { delaySeconds: outcome.delaySeconds });
        message.ack();
      }
    } catch (e) {
      console.error(
        JSON.stringify({
          level: 'error',
          what: 'automation send',
          messageId: message.body.messageId,
          message: e instanceof Error ? e.message : String(e),
        }),
      );
      message.retry({ delaySeconds: backoffSeconds(message.attempts) });
    }
  }
}
