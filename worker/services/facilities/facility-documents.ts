import { and, desc, eq, isNull } from 'drizzle-orm';
import { facilityDocuments } from '../../../db/schema';
import type { DOCUMENT_KINDS } from '../../../shared/schemas/facilities';
import { AppError, notFound } from '../../lib/app-error';
import type { AuditLog } from '../../lib/audit-log';
import { newId, toBase64Url } from '../../lib/crypto';
import { readDocument } from '../../lib/file-type';
import type { TenantDb } from '../../lib/tenant-db';
import { iso } from '../../lib/time';
import type { AuthContext } from '../auth/session-context';
import { visibleFacility } from './facility-access';

type DocumentKind = (typeof DOCUMENT_KINDS)[number];
type DocumentRow = typeof facilityDocuments.$inferSelect;

const toDocument = (r: DocumentRow) => ({
  id: r.id,
  kind: r.kind as DocumentKind,
  fileName: r.fileName,
  contentType: r.contentType,
  sizeBytes: r.sizeBytes,
  uploadedBy: r.uploadedBy,
  createdAt: r.createdAt,
});

/** Keeps only characters that are safe in a Content-Disposition header and on every file system. */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? 'document';
  return base.replace(/[^\w.\- ()]/g, '_').slice(0, 150) || 'document';
}

/**
 * Stores a legal document in R2. Size and type are checked here from the bytes
 * themselves: a file that is not really a PDF, PNG, JPEG or Word document, or
 * whose name claims another type, is refused.
 */
export async function uploadFacilityDocument(
  tenant: TenantDb,
  audit: AuditLog,
  auth: AuthContext,
  bucket: R2Bucket,
  facilityId: string,
  input: { file: File; kind: DocumentKind },
) {
  await visibleFacility(tenant, facilityId);
  const { file } = input;
  const { bytes, type } = await readDocument(file);
  const id = newId('doc');
  const storageKey = `${tenant.organizationId}/facilities/${facilityId}/documents/${id}`;
  const digest = toBase64Url(new Uint8Array(await crypto.subtle.digest('SHA-256', bytes)));
  await bucket.put(storageKey, bytes, { httpMetadata: { contentType: type.contentType } });
  const row = {
    id,
    facilityId,
    kind: input.kind,
    fileName: cleanFileName(file.name),
    contentType: type.contentType,
    sizeBytes: bytes.byteLength,
    sha256: digest,
    storageKey,
    uploadedBy: auth.userId,
    createdAt: iso(),
  };
  try {
    await tenant.batch([
      tenant.insert(facilityDocuments, row),
      audit.statement({
        action: 'create',
        entityType: 'facility_document',
        entityId: id,
        detail: { facilityId, kind: input.kind, sizeBytes: row.sizeBytes },
      }),
    ]);
  } catch (e) {
    // No metadata, no file: never leave an orphan in the bucket.
    await bucket.delete(storageKey);
    throw e;
  }
  return toDocument({ ...row, organizationId: tenant.organizationId, deletedAt: null, deletedBy: null });
}

export async function listFacilityDocuments(
  tenant: TenantDb,
  audit: AuditLog,
  _auth: AuthContext,
  facilityId: string,
) {
  await visibleFacility(tenant, facilityId);
  const rows = await tenant
    .select(
      facilityDocuments,
      and(eq(facilityDocuments.facilityId, facilityId), isNull(facilityDocuments.deletedAt)),
    )
    .orderBy(desc(facilityDocuments.createdAt));
  audit.record({
    action: 'list',
    entityType: 'facility_document',
    detail: { facilityId, count: rows.length },
  });
  return rows.map(toDocument);
}

async function liveDocument(tenant: TenantDb, _auth: AuthContext, facilityId: string, documentId: string) {
  await visibleFacility(tenant, facilityId);
  const [row] = await tenant.select(
    facilityDocuments,
    and(
      eq(facilityDocuments.id, documentId),
      eq(facilityDocuments.facilityId, facilityId),
      isNull(facilityDocuments.deletedAt),
    ),
  );
  if (!row) throw notFound('Document');
  return row;
}

export async function downloadFacilityDocument(
  tenant: TenantDb,
  audit: AuditLog,
  auth: AuthContext,
  bucket: R2Bucket,
  facilityId: string,
  documentId: string,
) {
  const row = await liveDocument(tenant, auth, facilityId, documentId);
  const object = await bucket.get(row.storageKey);
  if (!object) throw new AppError('not_found', 'The file of this document is missing; upload it again');
  audit.record({
    action: 'export',
    entityType: 'facility_document',
    entityId: row.id,
    detail: { facilityId },
  });
  return { row, body: object.body };
}

/** Removes the file and keeps a record of who deleted what and when. */
export async function deleteFacilityDocument(
  tenant: TenantDb,
  audit: AuditLog,
  auth: AuthContext,
  bucket: R2Bucket,
  facilityId: string,
  documentId: string,
) {
  const row = await liveDocument(tenant, auth, facilityId, documentId);
  await tenant.batch([
    tenant.update(
      facilityDocuments,
      { deletedAt: iso(), deletedBy: auth.userId },
      eq(facilityDocuments.id, row.id),
    ),
    audit.statement({
      action: 'delete',
      entityType: 'facility_document',
      entityId: row.id,
      detail: { facilityId, fileName: row.fileName },
    }),
  ]);
  await bucket.delete(row.storageKey);
}
