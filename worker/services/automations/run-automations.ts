import { eq } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { automationRules } from '../../../db/schema';
import { ruleDefinitionSchema } from '../../../shared/schemas/automation-rules';
import { TenantDb } from '../../lib/tenant-db';
import { iso } from '../../lib/time';
import { evaluateRule } from './evaluate-rule';
import { requeueStaleSends, type SendSink } from './send-queue';
import { requeueStaleWebhooks } from './webhook-requeue';

/**
 * The cron step: every running rule of every organisation is evaluated in
 * that organisation's scope. Safe to run twice or overlapping: each act's
 * ids are derived from (rule version, case, occurrence), so a repeat inserts
 * nothing (evaluate-rule.ts). Sends go through the queue; those it lost are
 * enqueued again here.
 */
export async function runAutomations(db: Db, sink: SendSink, nowMs = Date.now()) {
  await requeueStaleSends(db, sink.queue, nowMs);
  await requeueStaleWebhooks(db, sink.queue, nowMs);
  const running = await db.select().from(automationRules).where(eq(automationRules.status, 'running'));
  let acted = 0;
  for (const rule of running) {
    const parsed = ruleDefinitionSchema.safeParse(rule.definition);
    if (!parsed.success) continue;
    const tenant = new TenantDb(db, rule.organizationId);
    acted += await evaluateRule(
      tenant,
      sink,
      { ruleId: rule.id, version: rule.version, definition: parsed.data },
      iso(nowMs),
    );
  }
  return acted;
}
