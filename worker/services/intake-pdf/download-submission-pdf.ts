import { intakeSubmissions } from '../../../db/schema';
import { AppError } from '../../lib/app-error';
import type { AuditLog } from '../../lib/audit-log';
import type { TenantDb } from '../../lib/tenant-db';

/** The signed PDF of a submission, for staff; the download is audited as an export. */
export async function downloadSubmissionPdf(
  tenant: TenantDb,
  audit: AuditLog,
  bucket: R2Bucket,
  submissionId: string,
) {
  const row = await tenant.get(intakeSubmissions, submissionId, 'Submission');
  if (!row.pdfKey)
    throw new AppError('not_found', 'The signed PDF is still being prepared; try again in a minute');
  const object = await bucket.get(row.pdfKey);
  if (!object) throw new AppError('not_found', 'The signed PDF is missing; it will be made again shortly');
  audit.record({
    action: 'export',
    entityType: 'intake_submission',
    entityId: row.id,
    detail: { pdf: true },
  });
  return { body: object.body, size: object.size, fileName: `intake-${row.id}.pdf` };
}
