import { and, eq, lt, or, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { outboxMessages } from '../../../db/schema';
import { chunk } from '../../lib/d1-limits';
import { iso } from '../../lib/time';

/**
 * One automation message to deliver (an outbox message, or with `kind:
 * 'webhook'` a webhook delivery): the queue carries ids only, never content.
 */
export type AutomationSend = { organizationId: string; messageId: string; kind?: 'webhook' };

/** Where the cron's evaluation hands its sends: the queue, and the origin of the links they carry. */
export type SendSink = { queue: Queue<AutomationSend>; baseUrl: string };

/** The outbox states of an automation message (the cron's outbox retry leaves these alone). */
export const SEND_STATUS = {
  /** Recorded with its run and handed to the queue. */
  enqueued: 'enqueued',
  /** Taken by a consumer; `claimed_at` says when. */
  sending: 'sending',
  /** The last attempt failed; the queue brings it back after a backoff. */
  retrying: 'retrying',
  sent: 'sent',
  /** Every attempt failed: kept, with its last error, for people to see. */
  undeliverable: 'undeliverable',
  /** Not sent, on purpose: the recipient unsubscribed from its category (the reason is its `last_error`). */
  suppressed: 'suppressed',
} as const;

/** A send still waiting this long (the queue lost it, or a consumer died mid-send) is enqueued again. */
export const STALE_AFTER_MS = 15 * 60_000;
/** Retries wait 30 s, 1, 2, 4 … minutes, at most an hour. */
export const MAX_BACKOFF_SECONDS = 3600;
export const backoffSeconds = (attempts: number) =>
  Math.min(30 * 2 ** Math.max(attempts - 1, 0), MAX_BACKOFF_SECONDS);
/** Attempts before a send is given up as undeliverable (about four hours of retries). */
export const MAX_SEND_ATTEMPTS = 8;

/** Queues take at most 100 messages per `sendBatch`. */
const PER_BATCH = 100;

export async function enqueueSends(queue: Queue<AutomationSend>, sends: AutomationSend[], delaySeconds = 0) {
  for (const part of chunk(sends, PER_BATCH))
    await queue.sendBatch(part.map((body) => ({ body, delaySeconds })));
}

/**
 * The cron's safety net: a message recorded but never handed to the queue (a
 * crash between the D1 batch and `sendBatch`), or taken by a consumer that
 * died before recording the result, is enqueued again. The consumer's claim
 * makes a message that is also still in the queue harmless: it sends once.
 */
export async function requeueStaleSends(db: Db, queue: Queue<AutomationSend>, nowMs: number) {
  const before = iso(nowMs - STALE_AFTER_MS);
  const stale = await db
    .select({ organizationId: outboxMessages.organizationId, messageId: outboxMessages.id })
    .from(outboxMessages)
    .where(
      or(
        and(
          eq(outboxMessages.status, SEND_STATUS.enqueued),
          lt(sql`coalesce(${outboxMessages.notBefore}, ${outboxMessages.createdAt})`, before),
        ),
        and(eq(outboxMessages.status, SEND_STATUS.sending), lt(outboxMessages.claimedAt, before)),
        // Past the longest backoff and still not back: the queue lost it.
        and(
          eq(outboxMessages.status, SEND_STATUS.retrying),
          lt(outboxMessages.claimedAt, iso(nowMs - STALE_AFTER_MS - MAX_BACKOFF_SECONDS * 1000)),
        ),
      ),
    )
    .limit(500);
  const sends = stale.flatMap((s) =>
    s.organizationId ? [{ organizationId: s.organizationId, messageId: s.messageId }] : [],
  );
  await enqueueSends(queue, sends);
  return sends.length;
}
