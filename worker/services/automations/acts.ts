import { asc, inArray } from 'drizzle-orm';
import { automationActs } from '../../../db/schema';
import type { ActOutcome } from '../../../shared/schemas/automation-actions';
import { inListChunks } from '../../lib/d1-limits';
import type { TenantDb } from '../../lib/tenant-db';

/** What each action of each run did, by run id, in action order. */
export async function actsOfRuns(tenant: TenantDb, runIds: readonly string[]) {
  const byRun = new Map<string, ActOutcome[]>();
  for (const part of inListChunks([...runIds])) {
    const rows = await tenant
      .select(automationActs, inArray(automationActs.runId, part))
      .orderBy(asc(automationActs.runId), asc(automationActs.actionIndex));
    for (const r of rows) {
      const list = byRun.get(r.runId) ?? [];
      list.push({
        actionIndex: r.actionIndex,
        kind: r.kind as ActOutcome['kind'],
        status: r.status as ActOutcome['status'],
        to: r.recipientKind as ActOutcome['to'],
        reason: r.reason,
        outboxMessageId: r.outboxMessageId,
        taskId: r.taskId,
        webhookDeliveryId: r.webhookDeliveryId,
        createdAt: r.createdAt,
      });
      byRun.set(r.runId, list);
    }
  }
  return byRun;
}
