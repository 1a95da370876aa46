import { and, eq, lt, or } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { webhookDeliveries } from '../../../db/schema';
import { iso } from '../../lib/time';
import { type AutomationSend, enqueueSends, STALE_AFTER_MS } from './send-queue';
import { WEBHOOK_STATUS } from './webhook-delivery';

/**
 * The cron's safety net for webhooks, as for messages: a delivery recorded but
 * never handed to the queue, taken by a consumer that died, or whose retry
 * the queue lost (15 minutes past its time) is enqueued again; the claim makes
 * a copy still in the queue harmless.
 */
export async function requeueStaleWebhooks(db: Db, queue: Queue<AutomationSend>, nowMs: number) {
  const before = iso(nowMs - STALE_AFTER_MS);
  const stale = await db
    .select({ organizationId: webhookDeliveries.organizationId, messageId: webhookDeliveries.id })
    .from(webhookDeliveries)
    .where(
      or(
        and(eq(webhookDeliveries.status, WEBHOOK_STATUS.enqueued), lt(webhookDeliveries.createdAt, before)),
        and(eq(webhookDeliveries.status, WEBHOOK_STATUS.sending), lt(webhookDeliveries.claimedAt, before)),
        and(
          eq(webhookDeliveries.status, WEBHOOK_STATUS.retrying),
          lt(webhookDeliveries.nextAttemptAt, before),
        ),
      ),
    )
    .limit(500);
  await enqueueSends(
    queue,
    stale.map((s) => ({ ...s, kind: 'webhook' as const })),
  );
  return stale.length;
}
