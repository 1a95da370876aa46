import { and, gte, lte } from 'drizzle-orm';
import { recordsRequests } from '../../../db/schema';
import { daysBetween } from '../../../shared/calendar-date';
import type { RecordsFigures } from '../../../shared/schemas/records';
import type { AuditLog } from '../../lib/audit-log';
import type { TenantDb } from '../../lib/tenant-db';

/** The nearest-rank percentile of sorted numbers. */
const percentile = (sorted: number[], p: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]! : null;

/**
 * Outgoing requests received in the period (the organisation-and-receipt
 * index serves it): how many, how many completed, how long they took and how
 * many were done by their due date.
 */
export async function recordsFigures(
  tenant: TenantDb,
  audit: AuditLog,
  period: { from: string; to: string },
): Promise<RecordsFigures> {
  const rows = await tenant.selectFields(
    {
      receivedOn: recordsRequests.receivedOn,
      dueOn: recordsRequests.dueOn,
      status: recordsRequests.status,
      closedAt: recordsRequests.closedAt,
      direction: recordsRequests.direction,
    },
    recordsRequests,
    and(gte(recordsRequests.receivedOn, period.from), lte(recordsRequests.receivedOn, period.to)),
  );
  const outgoing = rows.filter((r) => r.direction === 'outgoing');
  const done = outgoing.filter((r) => r.status === 'completed' && r.closedAt);
  const turnaround = done
    .map((r) => daysBetween(r.receivedOn, r.closedAt!.slice(0, 10)))
    .sort((a, b) => a - b);
  const onTime = done.filter((r) => r.closedAt!.slice(0, 10) <= r.dueOn).length;
  audit.record({ action: 'read', entityType: 'records_figures', detail: period });
  return {
    ...period,
    received: outgoing.length,
    completed: done.length,
    medianTurnaroundDays: percentile(turnaround, 50),
    p90TurnaroundDays: percentile(turnaround, 90),
    onTimeShare: done.length ? onTime / done.length : null,
  };
}
