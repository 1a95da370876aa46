import { and, eq, inArray, lt, or, sql } from 'drizzle-orm';
import { d1Database } from '../../../db/client';
import { outboxMessages } from '../../../db/schema';
import type { Bindings } from '../../env';
import { TenantDb } from '../../lib/tenant-db';
import { iso } from '../../lib/time';
import { type EmailAdapter, emailAdapterFor } from '../email/email-adapters';
import {
  type AutomationSend,
  backoffSeconds,
  MAX_SEND_ATTEMPTS,
  SEND_STATUS,
  STALE_AFTER_MS,
} from './send-queue';

type Outcome = { kind: 'done' } | { kind: 'retry'; delaySeconds: number };

/**
 * Takes the message for this consumer: only one consumer at a time can move
 * it to `sending`, so a queue message delivered twice (a redelivery, two
 * copies after a requeue) sends once. A claim older than the stale window
 * belongs to a consumer that died mid-send and may be taken again.
 */
function claim(tenant: TenantDb, messageId: string, now: number) {
  return tenant
    .update(
      outboxMessages,
      { status: SEND_STATUS.sending, claimedAt: iso(now), attempts: sql`${outboxMessages.attempts} + 1` },
      and(
        eq(outboxMessages.id, messageId),
        or(
          inArray(outboxMessages.status, [SEND_STATUS.enqueued, SEND_STATUS.retrying]),
          and(
            eq(outboxMessages.status, SEND_STATUS.sending),
            lt(outboxMessages.claimedAt, iso(now - STALE_AFTER_MS)),
          ),
        ),
      ),
    )
    .returning();
}

/** Delivers one automation message and records the result on its outbox row. */
export async function deliverSend(
  tenant: TenantDb,
  messageId: string,
  adapter: EmailAdapter,
  now = Date.now(),
): Promise<Outcome> {
  const [msg] = await claim(tenant, messageId, now);
  // Sent already, being sent by another consumer, or gone: nothing to do.
  if (!msg) return { kind: 'done' };
  const result = await adapter.send({
    to: msg.recipient,
    subject: msg.subject,
    text: msg.bodyText,
    html: msg.bodyHtml,
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
        sentAt: iso(),
        lastError: null,
      },
      ours,
    );
    return { kind: 'done' };
  }
  const giveUp = msg.attempts >= MAX_SEND_ATTEMPTS;
  const delaySeconds = backoffSeconds(msg.attempts);
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
 * (sent, given up, or nothing left to do) and retried after a backoff when the
 * provider failed or the worker could not record the outcome.
 */
export async function consumeSends(
  batch: MessageBatch<AutomationSend>,
  env: Bindings,
  adapter: EmailAdapter = emailAdapterFor(env),
) {
  const db = d1Database(env.DB);
  for (const message of batch.messages) {
    try {
      const outcome = await deliverSend(
        new TenantDb(db, message.body.organizationId),
        message.body.messageId,
        adapter,
      );
      if (outcome.kind === 'retry') message.retry({ delaySeconds: outcome.delaySeconds });
      else message.ack();
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
