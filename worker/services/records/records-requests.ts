import { and, asc, desc, eq, type SQL, sql } from 'drizzle-orm';
import {
  leads,
  memberships,
  patients,
  recordsRequestEvents,
  recordsRequests,
  referringProviders,
} from '../../../db/schema';
import { daysBetween } from '../../../shared/calendar-date';
import {
  type AuthorizationDocuments,
  missingForRelease,
  namesProtectedRecords,
} from '../../../shared/records/authorization';
import { decideDueDate } from '../../../shared/records/deadline-rules';
import { initialStatus, type RecordsStatus } from '../../../shared/records/statuses';
import type { RecordsRequest, RecordsRequestCreate } from '../../../shared/schemas/records';
import { AppError } from '../../lib/app-error';
import type { AuditLog } from '../../lib/audit-log';
import { newId } from '../../lib/crypto';
import { afterCursor, decodeCursor, pageFrom } from '../../lib/cursor';
import type { TenantDb } from '../../lib/tenant-db';
import { iso } from '../../lib/time';
import type { AuthContext } from '../auth/session-context';
import { readDeadlineSettings } from './records-settings';

type Row = typeof recordsRequests.$inferSelect;

export const today = (now = Date.now()) => iso(now).slice(0, 10);

/** The signed documents on file, for the approval check. */
export const documentsOf = (r: Row): AuthorizationDocuments => ({
  authorizationFile: !!r.authorizationFileId,
  protectedRecords: r.protectedRecords,
  protectedAuthorizationFile: !!r.protectedAuthorizationFileId,
});

/** What still stands in the way of approving an outgoing request on the day of `now`. */
export const missingOf = (r: Row, now = Date.now()) =>
  r.direction === 'outgoing'
    ? missingForRelease(
        r.authorization ?? null,
        r.requesterKind as RecordsRequest['requesterKind'],
        today(now),
        documentsOf(r),
      )
    : [];

export function toRecordsRequest(r: Row, subjectName: string | null, now = Date.now()): RecordsRequest {
  return {
    id: r.id,
    direction: r.direction as RecordsRequest['direction'],
    patientId: r.patientId,
    leadId: r.leadId,
    subjectName: subjectName ?? '',
    requesterKind: r.requesterKind as RecordsRequest['requesterKind'],
    party: {
      name: r.partyName,
      organization: r.partyOrganization,
      email: r.partyEmail,
      phone: r.partyPhone,
      fax: r.partyFax,
      address: r.partyAddress,
      referringProviderId: r.referringProviderId,
    },
    recordTypes: r.recordTypes,
    dateFrom: r.dateFrom,
    dateTo: r.dateTo,
    accessKind: r.accessKind as RecordsRequest['accessKind'],
    purpose: r.purpose,
    receivedVia: r.receivedVia as RecordsRequest['receivedVia'],
    deliveryMethod: r.deliveryMethod as RecordsRequest['deliveryMethod'],
    trackingNumber: r.trackingNumber,
    faxNumber: r.faxNumber,
    receivedOn: r.receivedOn,
    dueOn: r.dueOn,
    dueRule: r.dueRule,
    daysLeft: daysBetween(today(now), r.dueOn),
    extendedAt: r.extendedAt,
    extensionReason: r.extensionReason,
    status: r.status as RecordsStatus,
    open: r.open,
    statusReason: r.statusReason,
    authorization: r.authorization ?? null,
    missingForRelease: missingOf(r, now),
    protectedRecords: r.protectedRecords,
    hasAuthorizationFile: !!r.authorizationFileId,
    hasProtectedAuthorizationFile: !!r.protectedAuthorizationFileId,
    authorizationFormId: r.authorizationFormId,
    assigneeId: r.assigneeId,
    notes: r.notes,
    closedAt: r.closedAt,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}

/** The request with the name of its patient (or lead), both reached through the scope. */
function selectWithSubject(tenant: TenantDb, where?: SQL) {
  return tenant.join(
    {
      request: recordsRequests,
      subjectName: sql<
        string | null
      >`coalesce(${patients.firstName} || ' ' || ${patients.lastName}, ${leads.firstName} || ' ' || ${leads.lastName})`,
    },
    recordsRequests,
    [
      { table: patients, on: eq(patients.id, recordsRequests.patientId), left: true },
      { table: leads, on: eq(leads.id, recordsRequests.leadId), left: true },
    ],
    where,
  );
}

export async function loadRequest(tenant: TenantDb, id: string) {
  const [row] = await selectWithSubject(tenant, eq(recordsRequests.id, id)).limit(1);
  if (!row) throw new AppError('not_found', 'Records request not found');
  return row;
}

/** A timeline entry for `batch()`. */
export function requestEvent(
  tenant: TenantDb,
  requestId: string,
  event: {
    kind: string;
    fromStatus?: string | null;
    toStatus?: string | null;
    text?: string | null;
    detail?: Record<string, unknown> | null;
    createdBy: string | null;
    createdAt?: string;
  },
) {
  return tenant.insert(recordsRequestEvents, {
    id: newId('rre'),
    requestId,
    kind: event.kind,
    fromStatus: event.fromStatus ?? null,
    toStatus: event.toStatus ?? null,
    text: event.text ?? null,
    detail: event.detail ?? null,
    createdBy: event.createdBy,
    createdAt: event.createdAt ?? iso(),
  });
}

async function assertSubject(tenant: TenantDb, input: RecordsRequestCreate) {
  if (input.patientId) await tenant.get(patients, input.patientId, 'Patient');
  if (input.leadId) await tenant.get(leads, input.leadId, 'Lead');
  if (input.party.referringProviderId)
    await tenant.get(referringProviders, input.party.referringProviderId, 'Referring provider');
  if (input.assigneeId) {
    const [m] = await tenant.select(
      memberships,
      and(eq(memberships.id, input.assigneeId), eq(memberships.status, 'active')),
    );
    if (!m)
      throw new AppError('validation_failed', 'That person is not an active member', [
        { path: 'assigneeId', issue: 'unknown member' },
      ]);
  }
}

export async function createRecordsRequest(
  tenant: TenantDb,
  audit: AuditLog,
  auth: AuthContext,
  input: RecordsRequestCreate,
) {
  await assertSubject(tenant, input);
  if (input.receivedOn > today())
    throw new AppError('validation_failed', 'The request cannot be received in the future', [
      { path: 'receivedOn', issue: 'future date' },
    ]);
  const due = decideDueDate(await readDeadlineSettings(tenant), input);
  const id = newId('rrq');
  const now = iso();
  const status = initialStatus(input.direction);
  await tenant.batch([
    tenant.insert(recordsRequests, {
      id,
      direction: input.direction,
      patientId: input.patientId ?? null,
      leadId: input.leadId ?? null,
      requesterKind: input.requesterKind,
      partyName: input.party.name,
      partyOrganization: input.party.organization ?? null,
      partyEmail: input.party.email ?? null,
      partyPhone: input.party.phone ?? null,
      partyFax: input.party.fax ?? null,
      partyAddress: input.party.address ?? null,
      referringProviderId: input.party.referringProviderId ?? null,
      recordTypes: input.recordTypes,
      dateFrom: input.dateFrom ?? null,
      dateTo: input.dateTo ?? null,
      accessKind: input.accessKind,
      purpose: input.purpose,
      receivedVia: input.receivedVia,
      deliveryMethod: input.deliveryMethod,
      trackingNumber: input.trackingNumber ?? null,
      faxNumber: input.faxNumber ?? null,
      receivedOn: input.receivedOn,
      dueOn: due.dueOn,
      dueRule: due.rule,
      status,
      open: true,
      protectedRecords: namesProtectedRecords(input.recordTypes),
      assigneeId: input.assigneeId ?? auth.membershipId,
      notes: input.notes ?? null,
      createdBy: auth.userId,
      createdAt: now,
      updatedAt: now,
    }),
    requestEvent(tenant, id, {
      kind: 'created',
      toStatus: status,
      detail: { dueOn: due.dueOn, rule: due.rule.id, citation: due.rule.citation },
      createdBy: auth.userId,
      createdAt: now,
    }),
    audit.statement({
      action: 'create',
      entityType: 'records_request',
      entityId: id,
      detail: {
        direction: input.direction,
        patientId: input.patientId ?? null,
        leadId: input.leadId ?? null,
      },
    }),
  ]);
  const row = await loadRequest(tenant, id);
  return toRecordsRequest(row.request, row.subjectName);
}

export async function getRecordsRequest(tenant: TenantDb, audit: AuditLog, id: string) {
  const row = await loadRequest(tenant, id);
  audit.record({
    action: 'read',
    entityType: 'records_request',
    entityId: id,
    detail: { patientId: row.request.patientId },
  });
  return toRecordsRequest(row.request, row.subjectName);
}

/**
 * Keyset-paged by due date (fewest days left first), each filter served by an
 * index that starts with the organisation: open, status or patient.
 */
export async function listRecordsRequests(
  tenant: TenantDb,
  audit: AuditLog,
  query: {
    open?: 'true' | 'false';
    status?: RecordsStatus;
    direction?: 'outgoing' | 'incoming';
    patientId?: string;
    limit: number;
    cursor?: string;
  },
) {
  const rows = await selectWithSubject(
    tenant,
    and(
      query.open ? eq(recordsRequests.open, query.open === 'true') : undefined,
      query.status ? eq(recordsRequests.status, query.status) : undefined,
      query.direction ? eq(recordsRequests.direction, query.direction) : undefined,
      query.patientId ? eq(recordsRequests.patientId, query.patientId) : undefined,
      afterCursor(recordsRequests.dueOn, recordsRequests.id, decodeCursor(query.cursor), 'asc'),
    ),
  )
    .orderBy(asc(recordsRequests.dueOn), asc(recordsRequests.id))
    .limit(query.limit + 1);
  const page = pageFrom(
    rows.map((r) => ({ ...r, id: r.request.id })),
    query.limit,
    (r) => r.request.dueOn,
  );
  audit.record({
    action: 'list',
    entityType: 'records_request',
    detail: { count: page.items.length, requestIds: page.items.map((r) => r.id) },
  });
  const now = Date.now();
  return {
    items: page.items.map((r) => toRecordsRequest(r.request, r.subjectName, now)),
    nextCursor: page.nextCursor,
  };
}

export async function recordsTimeline(tenant: TenantDb, audit: AuditLog, id: string) {
  await tenant.get(recordsRequests, id, 'Records request');
  const rows = await tenant
    .select(recordsRequestEvents, eq(recordsRequestEvents.requestId, id))
    .orderBy(desc(recordsRequestEvents.createdAt), desc(recordsRequestEvents.id));
  audit.record({ action: 'read', entityType: 'records_request_timeline', entityId: id });
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    fromStatus: r.fromStatus,
    toStatus: r.toStatus,
    text: r.text,
    detail: r.detail ?? null,
    createdBy: r.createdBy,
    createdAt: r.createdAt,
  }));
}
