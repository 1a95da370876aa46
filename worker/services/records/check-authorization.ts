import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { recordsRequests } from '../../../db/schema';
import { type AuthorizationCheck, missingForRelease } from '../../../shared/records/authorization';
import type { RecordsStatus } from '../../../shared/records/statuses';
import type { recordsAuthorizationInputSchema } from '../../../shared/schemas/records';
import { AppError } from '../../lib/app-error';
import type { AuditLog } from '../../lib/audit-log';
import type { TenantDb } from '../../lib/tenant-db';
import { iso } from '../../lib/time';
import type { AuthContext } from '../auth/session-context';
import { loadRequest, requestEvent, today, toRecordsRequest } from './records-requests';

const CHECKABLE: RecordsStatus[] = ['received', 'authorization_check', 'on_hold'];

/**
 * Records the identity check or the authorization's elements. A complete
 * check puts the request in "authorization check", ready for approval; a
 * missing element puts it on hold with a message naming what is missing.
 */
export async function checkAuthorization(
  tenant: TenantDb,
  audit: AuditLog,
  auth: AuthContext,
  id: string,
  input: z.infer<typeof recordsAuthorizationInputSchema>,
) {
  const { request } = await loadRequest(tenant, id);
  if (request.direction !== 'outgoing' || !CHECKABLE.includes(request.status as RecordsStatus))
    throw new AppError('conflict', 'Only a request waiting for approval can have its authorization checked');
  const kind = request.requesterKind === 'patient' ? 'identity' : 'authorization';
  if (input.kind !== kind)
    throw new AppError(
      'validation_failed',
      kind === 'identity'
        ? "A patient's own request needs their identity verified"
        : 'A request from someone else needs the signed authorization checked',
      [{ path: 'kind', issue: `expected ${kind}` }],
    );
  const now = iso();
  const check: AuthorizationCheck =
    input.kind === 'identity'
      ? { kind: 'identity', method: input.method, checkedBy: auth.userId, checkedAt: now }
      : {
          kind: 'authorization',
          elements: [...new Set(input.elements)],
          signedByRepresentative: input.signedByRepresentative,
          representativeAuthority: input.representativeAuthority,
          expiresOn: input.expiresOn ?? null,
          psychotherapyNotes: input.psychotherapyNotes,
          checkedBy: auth.userId,
          checkedAt: now,
        };
  const missing = missingForRelease(check, request.requesterKind as 'patient' | 'third_party', today());
  const to: RecordsStatus = missing.length ? 'on_hold' : 'authorization_check';
  const message = missing.length ? `Missing: ${missing.join('; ')}` : null;
  const protectedRecords = check.kind === 'authorization' && check.psychotherapyNotes;
  const [updated] = await tenant.batch([
    tenant
      .update(
        recordsRequests,
        { authorization: check, status: to, statusReason: message, protectedRecords, updatedAt: now },
        and(eq(recordsRequests.id, id), eq(recordsRequests.status, request.status)),
      )
      .returning({ id: recordsRequests.id }),
    requestEvent(tenant, id, {
      kind: 'authorization',
      fromStatus: request.status,
      toStatus: to,
      text: message,
      detail: { check: check.kind, missing: missing.length, protectedRecords },
      createdBy: auth.userId,
      createdAt: now,
    }),
    audit.statement({
      action: 'update',
      entityType: 'records_request',
      entityId: id,
      detail: { authorization: check.kind, complete: !missing.length, patientId: request.patientId },
    }),
  ]);
  if (!updated.length) throw new AppError('conflict', 'Someone else changed this request; reload it');
  const row = await loadRequest(tenant, id);
  return toRecordsRequest(row.request, row.subjectName);
}
