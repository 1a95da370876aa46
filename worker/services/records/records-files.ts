import { and, asc, eq, inArray } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import { recordsFiles, type recordsRequests } from '../../../db/schema';
import type { RecordsStatus } from '../../../shared/records/statuses';
import type { RecordsFile, RecordsFileKind } from '../../../shared/schemas/records-transfer';
import { AppError } from '../../lib/app-error';
import type { AuditLog } from '../../lib/audit-log';
import { newId, toBase64Url } from '../../lib/crypto';
import { readDocument } from '../../lib/file-type';
import type { TenantDb } from '../../lib/tenant-db';
import { iso } from '../../lib/time';
import type { AuthContext } from '../auth/session-context';
import { cleanFileName } from '../facilities/facility-documents';
import { authorizationStatements, followsDocuments } from './check-authorization';
import { moveStatements } from './move-request';
import { loadRequest } from './records-requests';

type FileRow = typeof recordsFiles.$inferSelect;
type RequestRow = typeof recordsRequests.$inferSelect;

export const toRecordsFile = (r: FileRow): RecordsFile => ({
  id: r.id,
  kind: r.kind as RecordsFileKind,
  fileName: r.fileName,
  contentType: r.contentType,
  sizeBytes: r.sizeBytes,
  uploadedBy: r.uploadedBy,
  createdAt: r.createdAt,
});

/** Where each kind of file may be added, and the status the first one moves the request to. */
const FILE_RULES: Record<
  RecordsFileKind,
  { direction: 'outgoing' | 'incoming'; statuses: RecordsStatus[]; moves?: [RecordsStatus, RecordsStatus][] }
> = {
  release: { direction: 'outgoing', statuses: ['approved', 'preparing'], moves: [['approved', 'preparing']] },
  received: {
    direction: 'incoming',
    statuses: ['requested', 'follow_up_sent', 'records_received'],
    moves: [
      ['requested', 'records_received'],
      ['follow_up_sent', 'records_received'],
    ],
  },
  authorization: {
    direction: 'outgoing',
    statuses: ['received', 'authorization_check', 'on_hold'],
  },
  protected_authorization: {
    direction: 'outgoing',
    statuses: ['received', 'authorization_check', 'on_hold'],
  },
};

const WHY_NOT: Record<RecordsFileKind, string> = {
  release: 'Records to send are added to an outgoing request once it is approved and until it is sent',
  received: 'Records received are added to an incoming request until it is filed',
  authorization: 'The signed authorization is added to an outgoing request before it is approved',
  protected_authorization:
    'The separate authorization for protected records is added to an outgoing request before it is approved',
};

/** Where a signed document is recorded on its request. */
const DOCUMENT_COLUMNS = {
  authorization: 'authorizationFileId',
  protected_authorization: 'protectedAuthorizationFileId',
} as const;

/**
 * Stores one file of a request in R2 after the existing document checks (its
 * real type from its bytes, at most 25 MB), PDF and images only, and answers
 * the statements that record it (with the status move its kind implies) for
 * the caller's batch; `discard` removes the stored file if that batch fails.
 */
export async function prepareRecordsFile(
  tenant: TenantDb,
  bucket: R2Bucket,
  request: RequestRow,
  input: { file: File; kind: RecordsFileKind; uploadedBy: string | null; uploadLinkId?: string },
) {
  const rule = FILE_RULES[input.kind];
  if (request.direction !== rule.direction || !rule.statuses.includes(request.status as RecordsStatus))
    throw new AppError('conflict', WHY_NOT[input.kind]);
  const { bytes, type } = await readDocument(input.file);
  if (!['application/pdf', 'image/png', 'image/jpeg'].includes(type.contentType))
    throw new AppError(
      'unsupported_media_type',
      'Records are sent and received as PDF or images (PNG or JPEG)',
    );
  const id = newId('rfl');
  const storageKey = `${tenant.organizationId}/records/${request.id}/${id}`;
  const now = iso();
  await bucket.put(storageKey, bytes, { httpMetadata: { contentType: type.contentType } });
  const row = {
    id,
    requestId: request.id,
    kind: input.kind,
    fileName: cleanFileName(input.file.name),
    contentType: type.contentType,
    sizeBytes: bytes.byteLength,
    sha256: toBase64Url(new Uint8Array(await crypto.subtle.digest('SHA-256', bytes))),
    storageKey,
    uploadedBy: input.uploadedBy,
    uploadLinkId: input.uploadLinkId ?? null,
    createdAt: now,
  };
  const move = rule.moves?.find(([from]) => from === request.status);
  const statements: BatchItem<'sqlite'>[] = [tenant.insert(recordsFiles, row)];
  if (input.kind === 'authorization' || input.kind === 'protected_authorization') {
    const { update, entry } = authorizationStatements(
      tenant,
      request,
      { [DOCUMENT_COLUMNS[input.kind]]: id },
      {
        kind: 'authorization_file',
        text: row.fileName,
        detail: { fileId: id, kind: input.kind },
        by: input.uploadedBy,
        now,
      },
      followsDocuments(request),
    );
    statements.push(update, entry);
  }
  if (move)
    statements.push(
      ...moveStatements(tenant, {
        id: request.id,
        from: move[0],
        to: move[1],
        reason: null,
        by: input.uploadedBy,
        now,
      }),
    );
  return {
    file: toRecordsFile({ ...row, organizationId: tenant.organizationId }),
    statements,
    discard: () => bucket.delete(storageKey),
  };
}

/** Runs a prepared file's statements with the caller's own; no record, no file. */
export async function commitRecordsFile(
  tenant: TenantDb,
  prepared: Awaited<ReturnType<typeof prepareRecordsFile>>,
  extra: BatchItem<'sqlite'>[],
) {
  try {
    await tenant.batch([...prepared.statements, ...extra]);
  } catch (e) {
    await prepared.discard();
    throw e;
  }
}

/** A file uploaded from the panel. */
export async function uploadRecordsFile(
  tenant: TenantDb,
  audit: AuditLog,
  auth: AuthContext,
  bucket: R2Bucket,
  requestId: string,
  input: { file: File; kind: RecordsFileKind },
) {
  const needs = input.kind === 'release' ? 'records:prepare' : 'records:edit';
  if (!auth.permissions.includes(needs))
    throw new AppError('forbidden', 'Your role cannot add this kind of file to a records request');
  const { request } = await loadRequest(tenant, requestId);
  const prepared = await prepareRecordsFile(tenant, bucket, request, { ...input, uploadedBy: auth.userId });
  await commitRecordsFile(tenant, prepared, [
    audit.statement({
      action: 'create',
      entityType: 'records_file',
      entityId: prepared.file.id,
      detail: {
        requestId,
        kind: input.kind,
        patientId: request.patientId,
        sizeBytes: prepared.file.sizeBytes,
      },
    }),
  ]);
  return prepared.file;
}

export async function requestFiles(tenant: TenantDb, requestId: string, ids?: string[]) {
  return tenant
    .select(
      recordsFiles,
      and(eq(recordsFiles.requestId, requestId), ids ? inArray(recordsFiles.id, ids) : undefined),
    )
    .orderBy(asc(recordsFiles.createdAt), asc(recordsFiles.id));
}

export async function listRecordsFiles(tenant: TenantDb, audit: AuditLog, requestId: string) {
  const { request } = await loadRequest(tenant, requestId);
  const rows = await requestFiles(tenant, requestId);
  audit.record({
    action: 'list',
    entityType: 'records_file',
    detail: { requestId, patientId: request.patientId, count: rows.length },
  });
  return rows.map(toRecordsFile);
}

export async function downloadRecordsFile(
  tenant: TenantDb,
  audit: AuditLog,
  bucket: R2Bucket,
  requestId: string,
  fileId: string,
) {
  const { request } = await loadRequest(tenant, requestId);
  const [row] = await requestFiles(tenant, requestId, [fileId]);
  if (!row) throw new AppError('not_found', 'File not found');
  const object = await bucket.get(row.storageKey);
  if (!object) throw new AppError('not_found', 'The stored file is missing; upload it again');
  audit.record({
    action: 'export',
    entityType: 'records_file',
    entityId: row.id,
    detail: { requestId, patientId: request.patientId, kind: row.kind },
  });
  return { row, body: object.body };
}
