import { and, eq, gt, isNull, type SQL } from 'drizzle-orm';
import { recordsLinks } from '../../../db/schema';
import { AppError } from '../../lib/app-error';
import type { AuditLog } from '../../lib/audit-log';
import { iso } from '../../lib/time';
import type { Found, Visitor } from './public-link';
import { prepareRecordsFile } from './records-files';
import { loadRequest, requestEvent } from './records-requests';
import { linkEvent, linkState } from './secure-links';

/** Files one upload through an upload link may carry. */
export const MAX_UPLOAD_FILES = 10;

/**
 * The other provider's upload through a one-time link: every file checked and
 * stored, the request marked records received, and the link spent, all in one
 * batch whose link update holds only while the link is unused (two posts at
 * once cannot both file records).
 */
export async function uploadThroughLink(
  found: Found,
  audit: AuditLog,
  bucket: R2Bucket,
  visitor: Visitor,
  files: File[],
  now = Date.now(),
) {
  const { link, tenant } = found;
  if (linkState(link, now) !== 'active' || link.purpose !== 'upload') return { outcome: 'closed' } as const;
  if (!files.length)
    throw new AppError('validation_failed', 'Choose the records to upload', [
      { path: 'files', issue: 'required' },
    ]);
  if (files.length > MAX_UPLOAD_FILES)
    throw new AppError('validation_failed', `Upload at most ${MAX_UPLOAD_FILES} files at once`, [
      { path: 'files', issue: 'too many' },
    ]);
  const at = iso(now);
  // The link is claimed first, so two posts at once cannot both file records; a refused file gives it back.
  const [claimed] = await tenant.batch([
    tenant
      .update(
        recordsLinks,
        { usedAt: at },
        and(
          eq(recordsLinks.id, link.id),
          isNull(recordsLinks.usedAt),
          isNull(recordsLinks.revokedAt),
          gt(recordsLinks.expiresAt, at),
        ) as SQL,
      )
      .returning({ id: recordsLinks.id }),
  ]);
  if (!claimed.length) return { outcome: 'closed' } as const;
  let { request } = await loadRequest(tenant, link.requestId);
  const prepared: Awaited<ReturnType<typeof prepareRecordsFile>>[] = [];
  try {
    for (const file of files) {
      prepared.push(
        await prepareRecordsFile(tenant, bucket, request, {
          file,
          kind: 'received',
          uploadedBy: null,
          uploadLinkId: link.id,
        }),
      );
      // Only the first file moves the request; the rest find it already received.
      request = { ...request, status: 'records_received' };
    }
    const fileIds = prepared.map((p) => p.file.id);
    await tenant.batch([
      ...prepared.flatMap((p) => p.statements),
      ...prepared.map((p) =>
        linkEvent(tenant, link.id, { kind: 'upload', fileId: p.file.id, ...visitor, at }),
      ),
      requestEvent(tenant, link.requestId, {
        kind: 'records_uploaded',
        text: `Uploaded through the link sent to ${link.recipientEmail}: ${prepared.map((p) => p.file.fileName).join(', ')}`,
        detail: { linkId: link.id, fileIds },
        createdBy: null,
        createdAt: at,
      }),
      audit.statement({
        action: 'create',
        entityType: 'records_file',
        organizationId: link.organizationId,
        actorUserId: null,
        detail: { requestId: link.requestId, via: 'upload_link', linkId: link.id, fileIds },
      }),
    ]);
  } catch (e) {
    await Promise.all(prepared.map((p) => p.discard()));
    await tenant.batch([
      tenant.update(
        recordsLinks,
        { usedAt: null },
        and(eq(recordsLinks.id, link.id), eq(recordsLinks.usedAt, at)),
      ),
    ]);
    throw e;
  }
  return { outcome: 'done', count: prepared.length } as const;
}
