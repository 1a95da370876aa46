import type { HonoRequest } from 'hono';
import type { z } from 'zod';
import { idSchema } from '../../../shared/schemas/common';
import {
  type RosterMapping,
  rosterMappingSchema,
  rosterPreviewJsonSchema,
} from '../../../shared/schemas/patients';
import { AppError } from '../../lib/app-error';
import type { AuditLog } from '../../lib/audit-log';
import { zodDetails } from '../../lib/error-handler';
import { parseMappingField } from '../../lib/import-table';
import type { TenantDb } from '../../lib/tenant-db';
import type { AuthContext } from '../auth/session-context';
import { readRosterFile } from './read-roster-file';
import { previewRoster, tableToRows } from './roster-preview';

/** A roster to check: an uploaded file (CSV or XLSX) or rows the panel already read (OCR). */
export type RosterUpload =
  | { kind: 'file'; facilityId: string; file: File; mapping?: RosterMapping }
  | { kind: 'rows'; facilityId: string; body: z.infer<typeof rosterPreviewJsonSchema> };

/** Reads the preview request: a multipart upload with `facilityId`, `file` and optional `mapping` JSON, or a JSON body. */
export async function readRosterUpload(req: HonoRequest): Promise<RosterUpload> {
  if (!/^multipart\/form-data/i.test(req.header('Content-Type') ?? '')) {
    const body = rosterPreviewJsonSchema.safeParse(await req.json().catch(() => null));
    if (!body.success)
      throw new AppError(
        'validation_failed',
        body.error.issues[0]?.message ?? 'The roster is not valid',
        zodDetails(body.error),
      );
    return { kind: 'rows', facilityId: body.data.facilityId, body: body.data };
  }
  const form = await req.parseBody().catch(() => {
    throw new AppError('validation_failed', 'The upload could not be read; send it as multipart/form-data');
  });
  const facility = idSchema.safeParse(form.facilityId);
  if (!facility.success)
    throw new AppError('validation_failed', 'Choose the facility first', [
      { path: 'facilityId', issue: 'required' },
    ]);
  if (!(form.file instanceof File))
    throw new AppError('validation_failed', 'Choose a roster file', [{ path: 'file', issue: 'required' }]);
  const mapping =
    typeof form.mapping === 'string' && form.mapping
      ? parseMappingField(form.mapping, rosterMappingSchema)
      : undefined;
  return { kind: 'file', facilityId: facility.data, file: form.file, mapping };
}

/** Checks the roster without saving; a file's answer also names its headers and the mapping used. */
export async function previewRosterUpload(
  tenant: TenantDb,
  audit: AuditLog,
  auth: AuthContext,
  upload: RosterUpload,
) {
  if (upload.kind === 'rows') {
    const { rows, source } = upload.body;
    const result = await previewRoster(tenant, audit, auth, upload.facilityId, rows, source);
    return { source, ...result };
  }
  const table = await readRosterFile(upload.file);
  const { headers, mapping, rows, skipped } = tableToRows(table.rows, upload.mapping);
  const result = await previewRoster(tenant, audit, auth, upload.facilityId, rows, table.source);
  return { source: table.source, headers, mapping, skipped, ...result };
}
