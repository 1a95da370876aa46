import { eq } from 'drizzle-orm';
import { referrals } from '../../../db/schema';
import { AppError } from '../../lib/app-error';
import type { AuditLog } from '../../lib/audit-log';
import { readDocument } from '../../lib/file-type';
import type { TenantDb } from '../../lib/tenant-db';
import { iso } from '../../lib/time';
import { cleanFileName } from '../facilities/facility-documents';
import { getReferralRecord } from './referral-view';

/**
 * Stores the referral slip the referrer sent (PDF, image or Word, checked from
 * its bytes like every document), replacing an earlier one.
 */
export async function uploadReferralSlip(
  tenant: TenantDb,
  audit: AuditLog,
  bucket: R2Bucket,
  id: string,
  file: File,
) {
  const row = await tenant.get(referrals, id, 'Referral');
  const { bytes, type } = await readDocument(file);
  const storageKey = `${tenant.organizationId}/referrals/${id}/slip`;
  await bucket.put(storageKey, bytes, { httpMetadata: { contentType: type.contentType } });
  try {
    await tenant.batch([
      tenant.update(
        referrals,
        {
          slipKey: storageKey,
          slipName: cleanFileName(file.name),
          slipType: type.contentType,
          slipSize: bytes.byteLength,
          updatedAt: iso(),
        },
        eq(referrals.id, id),
      ),
      audit.statement({
        action: 'create',
        entityType: 'referral_slip',
        entityId: id,
        detail: { sizeBytes: bytes.byteLength, replaced: !!row.slipKey },
      }),
    ]);
  } catch (e) {
    if (!row.slipKey) await bucket.delete(storageKey);
    throw e;
  }
  return getReferralRecord(tenant, id);
}

export async function downloadReferralSlip(tenant: TenantDb, audit: AuditLog, bucket: R2Bucket, id: string) {
  const row = await tenant.get(referrals, id, 'Referral');
  if (!row.slipKey || !row.slipName || !row.slipType)
    throw new AppError('not_found', 'This referral has no slip');
  const object = await bucket.get(row.slipKey);
  if (!object) throw new AppError('not_found', 'The slip file is missing; upload it again');
  audit.record({ action: 'export', entityType: 'referral_slip', entityId: id });
  return {
    body: object.body,
    headers: {
      'Content-Type': row.slipType,
      'Content-Length': String(row.slipSize ?? 0),
      'Content-Disposition': `attachment; filename="${row.slipName}"`,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'private, no-store',
    },
  };
}
