import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { recordsRequests } from '../../../db/schema';
import { type AuthorizationCheck, namesProtectedRecords } from '../../../shared/records/authorization';
import type { RecordsStatus } from '../../../shared/records/statuses';
import type { recordsAuthorizationInputSchema } from '../../../shared/schemas/records';
import { AppError } from '../../lib/app-error';
import type { AuditLog } from '../../lib/audit-log';
import type { TenantDb } from '../../lib/tenant-db';
import { iso } from '../../lib/time';
import type { AuthContext } from '../auth/session-context';
import { loadRequest, missingOf, requestEvent, toRecordsRequest } from './records-requests';

type Row = typeof recordsRequests.$inferSelect;
type AuthorizationChange = Partial<
  Pick<
    Row,
    | 'authorization'
    | 'authorizationFileId'
    | 'protectedAuthorizationFileId'
    | 'protectedRecords'
    | 'authorizationFormId'
  >
>;

const CHECKABLE: RecordsStatus[] = ['received', 'authorization_check', 'on_hold'];
export const isCheckable = (status: string) => CHECKABLE.includes(status as RecordsStatus);

/** A hold the authorization check set (rather than one staff gave with their own reason). */
const MISSING_PREFIX = 'Missing: ';

/** A new signed document settles a hold the check set, or holds a request waiting for approval; a staff hold stays. */
export const followsDocuments = (row: Row) =>
  row.authorization?.kind === 'authorization' &&
  (row.status === 'authorization_check' ||
    (row.status === 'on_hold' && !!row.statusReason?.startsWith(MISSING_PREFIX)));

/**
 * A change to the request's authorization (a check, a signed document, a form
 * signed online) for `batch()`: with `recheck`, the request waits for approval
 * when nothing is missing and is on hold naming what is otherwise. The update
 * holds only while the status is the one read; its returned rows say whether it did.
 */
export function authorizationStatements(
  tenant: TenantDb,
  row: Row,
  change: AuthorizationChange,
  event: { kind: string; text?: string; detail?: Record<string, unknown>; by: string | null; now: string },
  recheck: boolean,
) {
  const next: Row = { ...row, ...change };
  const missing = missingOf(next, Date.parse(event.now));
  const to: RecordsStatus = recheck
    ? missing.length
      ? 'on_hold'
      : 'authorization_check'
    : (row.status as RecordsStatus);
  const reason = recheck
    ? missing.length
      ? `${MISSING_PREFIX}${missing.join('; ')}`
      : null
    : row.statusReason;
  const update = tenant
    .update(
      recordsRequests,
      { ...change, status: to, statusReason: reason, updatedAt: event.now },
      and(eq(recordsRequests.id, row.id), eq(recordsRequests.status, row.status)),
    )
    .returning({ id: recordsRequests.id });
  const entry = requestEvent(tenant, row.id, {
    kind: event.kind,
    fromStatus: row.status,
    toStatus: to,
    text: recheck ? (reason ?? event.text ?? null) : (event.text ?? null),
    detail: { ...event.detail, missing: missing.length },
    createdBy: event.by,
    createdAt: event.now,
  });
  return { update, entry, to, missing };
}

/**
 * Records the identity check or the authorization's elements. A complete
 * check (with the signed form on file for anyone but the patient) puts the
 * request in "authorization check", ready for approval; anything missing puts
 * it on hold with a message naming it.
 */
export async function checkAuthorization(
  tenant: TenantDb,
  audit: AuditLog,
  auth: AuthContext,
  id: string,
  input: z.infer<typeof recordsAuthorizationInputSchema>,
) {
  const { request } = await loadRequest(tenant, id);
  if (request.direction !== 'outgoing' || !isCheckable(request.status))
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
  // Record types that name psychotherapy notes keep the flag whatever the check says.
  const protectedRecords =
    namesProtectedRecords(request.recordTypes) ||
    (check.kind === 'authorization' && check.psychotherapyNotes);
  const { update, entry, missing } = authorizationStatements(
    tenant,
    request,
    { authorization: check, protectedRecords },
    {
      kind: 'authorization',
      detail: { check: check.kind, protectedRecords },
      by: auth.userId,
      now,
    },
    true,
  );
  const [updated] = await tenant.batch([
    update,
    entry,
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
