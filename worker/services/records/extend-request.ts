import { and, eq, isNull } from 'drizzle-orm';
import { recordsRequests } from '../../../db/schema';
import { type AccessKind, extendedDueDate, type RequesterKind } from '../../../shared/records/deadline-rules';
import { AppError } from '../../lib/app-error';
import type { AuditLog } from '../../lib/audit-log';
import type { TenantDb } from '../../lib/tenant-db';
import { iso } from '../../lib/time';
import type { AuthContext } from '../auth/session-context';
import { queueTenantEmail } from '../email/outbox';
import { loadRequest, requestEvent, today, toRecordsRequest } from './records-requests';
import { readDeadlineSettings } from './records-settings';

/**
 * The one extension the law allows (HIPAA: up to 30 more days, given within
 * the first period by written notice of the reason and the new date). It is
 * refused when it was used, when the date has passed, or when a stricter rule
 * that applies allows none.
 */
export async function extendRecordsRequest(
  tenant: TenantDb,
  audit: AuditLog,
  auth: AuthContext,
  id: string,
  input: { reason: string },
) {
  const { request } = await loadRequest(tenant, id);
  if (!request.open || request.direction !== 'outgoing')
    throw new AppError('conflict', 'Only an open request from someone else can be extended');
  if (request.extendedAt) throw new AppError('conflict', 'This request was already extended once');
  if (today() > request.dueOn)
    throw new AppError(
      'conflict',
      'The extension must be given before the due date; this request is overdue',
    );
  const extended = extendedDueDate(
    await readDeadlineSettings(tenant),
    {
      requesterKind: request.requesterKind as RequesterKind,
      accessKind: request.accessKind as AccessKind,
      receivedOn: request.receivedOn,
    },
    request.dueOn,
  );
  if (!extended) throw new AppError('conflict', 'No rule that applies to this request allows an extension');
  if (!request.partyEmail)
    throw new AppError(
      'validation_failed',
      "Add the requester's email address: the notice must be sent in writing",
      [{ path: 'party.email', issue: 'required for the written notice' }],
    );
  const organization = await tenant.organization();
  const now = iso();
  const notice = queueTenantEmail(tenant, {
    to: request.partyEmail,
    subject: `Your records request: new completion date ${extended.dueOn}`,
    // The requester asked for these records, so the notice may say why; it names no patient.
    text: [
      `${organization.name} received your request for records on ${request.receivedOn}.`,
      `We need more time to complete it, for this reason: ${input.reason}`,
      `We will complete your request by ${extended.dueOn}.`,
      extended.rule.extension ? `(${extended.rule.citation})` : '',
    ]
      .filter(Boolean)
      .join('\n\n'),
  });
  const [updated] = await tenant.batch([
    tenant
      .update(
        recordsRequests,
        {
          dueOn: extended.dueOn,
          extendedAt: now,
          extensionReason: input.reason,
          updatedAt: now,
          // The escalations start again against the new date.
          halfwayNotifiedAt: null,
          eightyNotifiedAt: null,
        },
        and(eq(recordsRequests.id, id), isNull(recordsRequests.extendedAt)),
      )
      .returning({ id: recordsRequests.id }),
    requestEvent(tenant, id, {
      kind: 'extension',
      text: input.reason,
      detail: {
        from: request.dueOn,
        to: extended.dueOn,
        noticeId: notice.id,
        citation: extended.rule.citation,
      },
      createdBy: auth.userId,
      createdAt: now,
    }),
    notice.statement,
    audit.statement({
      action: 'update',
      entityType: 'records_request',
      entityId: id,
      detail: { extension: true, from: request.dueOn, to: extended.dueOn },
    }),
  ]);
  if (!updated.length) throw new AppError('conflict', 'This request was already extended once');
  const row = await loadRequest(tenant, id);
  return toRecordsRequest(row.request, row.subjectName);
}
