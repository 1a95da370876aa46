import { and, eq, sql } from 'drizzle-orm';
import { recordsRequestEvents, recordsRequests } from '../../../db/schema';
import { approvalHint } from '../../../shared/records/authorization';
import { CLOSED_STATUSES, findMove, type RecordsStatus } from '../../../shared/records/statuses';
import { AppError } from '../../lib/app-error';
import type { AuditLog } from '../../lib/audit-log';
import { newId } from '../../lib/crypto';
import type { TenantDb } from '../../lib/tenant-db';
import { iso } from '../../lib/time';
import type { AuthContext } from '../auth/session-context';
import { disclosureStatement, manualRecipient } from './disclosures';
import { recordsReceivedCompletion } from './file-to-patient';
import { loadRequest, missingOf, toRecordsRequest } from './records-requests';

/**
 * One status move from the table in shared/records/statuses.ts, with the
 * permission that move takes, on the timeline and in the audit trail. The
 * update is conditional on the status read, so two people moving the same
 * request at once cannot both succeed.
 */
export async function moveRecordsRequest(
  tenant: TenantDb,
  audit: AuditLog,
  auth: AuthContext,
  id: string,
  input: { to: RecordsStatus; reason?: string },
) {
  const { request } = await loadRequest(tenant, id);
  const from = request.status as RecordsStatus;
  const move = findMove(request.direction as 'outgoing' | 'incoming', from, input.to);
  if (!move)
    throw new AppError(
      'conflict',
      `A request that is ${from.replace(/_/g, ' ')} cannot become ${input.to.replace(/_/g, ' ')}`,
    );
  if (!auth.permissions.includes(move.permission)) {
    audit.record({
      action: 'update',
      entityType: 'records_request',
      entityId: id,
      outcome: 'denied',
      detail: { from, to: input.to, needs: move.permission },
    });
    throw new AppError('forbidden', `Your role cannot move a request to ${input.to.replace(/_/g, ' ')}`);
  }
  const reason = input.reason?.trim() || null;
  if (input.to === 'approved') {
    const missing = missingOf(request);
    if (missing.length)
      throw new AppError(
        'conflict',
        `Before approval the request needs ${missing.join('; ')}. ${approvalHint(missing)}`,
        missing.map((issue) => ({ path: 'authorization', issue })),
      );
  }
  if (move.needsReason && !reason)
    throw new AppError('validation_failed', 'Say why: the requester is told', [
      { path: 'reason', issue: 'required' },
    ]);
  const now = iso();
  // Filing incoming records completes the patient's "Records received" checklist item in the same batch.
  const filing =
    input.to === 'filed' && request.patientId
      ? await recordsReceivedCompletion(tenant, audit, {
          patientId: request.patientId,
          requestId: id,
          by: auth.userId,
          now,
        })
      : [];
  // Records sent by mail, fax, email or pick-up are accounted for here; a secure link accounts for its own.
  const released =
    input.to === 'sent'
      ? disclosureStatement(tenant, request, {
          recipientAddress: manualRecipient(request),
          files: [],
          method: request.deliveryMethod,
          by: auth.userId,
          at: now,
        })
      : [];
  const [, updated] = await tenant.batch([
    ...moveStatements(tenant, {
      id,
      from,
      to: input.to,
      reason,
      keepReason: move.needsReason,
      by: auth.userId,
      now,
    }),
    ...filing,
    ...released,
  ]);
  if (!updated.length) throw new AppError('conflict', 'Someone else changed this request; reload it');
  audit.record({
    action: 'update',
    entityType: 'records_request',
    entityId: id,
    detail: { from, to: input.to, patientId: request.patientId },
  });
  const row = await loadRequest(tenant, id);
  return toRecordsRequest(row.request, row.subjectName);
}

/**
 * A status change and its timeline entry, for `batch()`: both hold only while
 * the request is still in the status read (`from`), so a move that lost a race
 * writes neither. The update's rows (returning the id) say whether it held.
 */
export function moveStatements(
  tenant: TenantDb,
  move: {
    id: string;
    from: RecordsStatus;
    to: RecordsStatus;
    reason: string | null;
    keepReason?: boolean;
    /** The member, or null for what the system does (a recipient's download, a provider's upload). */
    by: string | null;
    now?: string;
  },
) {
  const now = move.now ?? iso();
  const closes = CLOSED_STATUSES.includes(move.to);
  const guard = and(eq(recordsRequests.id, move.id), eq(recordsRequests.status, move.from));
  return [
    tenant.insertFromSelect(
      recordsRequestEvents,
      sql`SELECT ${newId('rre')}, ${tenant.organizationId}, ${move.id}, 'status', ${move.from}, ${move.to}, ${move.reason}, NULL, ${move.by}, ${now}
        FROM ${recordsRequests} WHERE ${tenant.scope(recordsRequests, guard)}`,
    ),
    tenant
      .update(
        recordsRequests,
        {
          status: move.to,
          open: !closes,
          statusReason: move.keepReason ? move.reason : null,
          closedAt: closes ? now : null,
          updatedAt: now,
        },
        guard,
      )
      .returning({ id: recordsRequests.id }),
  ] as const;
}
