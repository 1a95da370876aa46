import { eq } from 'drizzle-orm';
import type { HonoRequest } from 'hono';
import { leadActivities, leadImports, leads } from '../../../db/schema';
import type { LeadImportMapping } from '../../../shared/import/lead-columns';
import {
  LEAD_IMPORT_PREVIEW_ROWS,
  type LeadImportCommit,
  type LeadImportPreview,
  leadImportMappingSchema,
} from '../../../shared/schemas/lead-import';
import { AppError, notFound } from '../../lib/app-error';
import type { AuditLog } from '../../lib/audit-log';
import { newId } from '../../lib/crypto';
import { parseMappingField } from '../../lib/import-table';
import type { TenantDb } from '../../lib/tenant-db';
import { iso } from '../../lib/time';
import type { AuthContext } from '../auth/session-context';
import { type CheckedLeadFile, checkLeadFile } from './lead-import-check';
import { type CheckedLead, leadDisplayValues } from './lead-import-rows';

/** Rows listed as read at the top of a preview, so the person sees the columns landed where they should. */
const FIRST_ROWS = 5;
/** Problems named in a refused commit: enough to act on, never a 100,000-entry answer. */
const MAX_DETAILS = 100;

export type LeadImportUpload = { file: File; mapping?: LeadImportMapping; replaces?: string };

// The file waits in R2 between preview and commit, under the organisation's own prefix:
// another organisation's import id names an object that does not exist for it.
const stagedKey = (tenant: TenantDb, importId: string) => `lead-imports/${tenant.organizationId}/${importId}`;

/** The preview request: multipart `file`, optional `mapping` JSON and `replaces` (the preview it redoes). */
export async function readLeadImportUpload(req: HonoRequest): Promise<LeadImportUpload> {
  if (!/^multipart\/form-data/i.test(req.header('Content-Type') ?? ''))
    throw new AppError(
      'unsupported_media_type',
      'Upload the lead list as multipart/form-data with a "file" field',
    );
  const form = await req.parseBody().catch(() => {
    throw new AppError('validation_failed', 'The upload could not be read; send it as multipart/form-data');
  });
  if (!(form.file instanceof File))
    throw new AppError('validation_failed', 'Choose a lead list file', [{ path: 'file', issue: 'required' }]);
  const mapping =
    typeof form.mapping === 'string' && form.mapping
      ? parseMappingField(form.mapping, leadImportMappingSchema)
      : undefined;
  const replaces =
    typeof form.replaces === 'string' && /^lim_[\w-]{1,60}$/.test(form.replaces) ? form.replaces : undefined;
  return { file: form.file, mapping, replaces };
}

const problemRow = (file: CheckedLeadFile, i: number) => {
  const c = file.checked[i]!;
  const d = file.duplicates[i];
  const issue = d
    ? d.existingLeadId
      ? `Same ${d.field} as a lead already there`
      : `Same ${d.field} as row ${(d.sameAsRow ?? 0) + 1}`
    : '';
  return {
    index: i,
    line: file.lines[i]!,
    values: {
      ...leadDisplayValues(file.raw[i]!),
      ...(c.value ? { firstName: c.value.firstName, lastName: c.value.lastName } : {}),
    },
    errors: c.errors,
    warnings: d ? [{ field: d.field, issue, existingLeadId: d.existingLeadId, sameAsRow: d.sameAsRow }] : [],
  };
};

function summarise(file: CheckedLeadFile) {
  const withErrors = file.checked.filter((c) => c.errors.length > 0).length;
  const duplicates = file.duplicates.filter(Boolean).length;
  return { rows: file.checked.length, valid: file.checked.length - withErrors, withErrors, duplicates };
}

/**
 * Checks a lead list without importing it: the file is staged in R2 for the
 * commit, and the answer names the columns, counts, the first rows and every
 * row with a problem (up to 200), each problem on its cell.
 */
export async function previewLeadImport(
  tenant: TenantDb,
  audit: AuditLog,
  auth: AuthContext,
  bucket: R2Bucket,
  upload: LeadImportUpload,
): Promise<LeadImportPreview> {
  const file = await checkLeadFile(tenant, auth, upload.file, upload.mapping);
  const importId = newId('lim');
  await bucket.put(stagedKey(tenant, importId), await upload.file.arrayBuffer(), {
    customMetadata: {
      fileName: upload.file.name.slice(0, 200),
      mapping: JSON.stringify(file.mapping),
      userId: auth.userId,
    },
  });
  if (upload.replaces) await bucket.delete(stagedKey(tenant, upload.replaces));
  const listed: number[] = [];
  file.checked.forEach((c, i) => {
    if (listed.length >= LEAD_IMPORT_PREVIEW_ROWS) return;
    if (i < FIRST_ROWS || c.errors.length || file.duplicates[i]) listed.push(i);
  });
  const summary = { ...summarise(file), listed: listed.length };
  audit.record({
    action: 'read',
    entityType: 'lead_import_preview',
    entityId: importId,
    detail: { source: file.source, ...summary },
  });
  return {
    importId,
    fileName: upload.file.name,
    source: file.source,
    headers: file.headers,
    mapping: file.mapping,
    rows: listed.map((i) => problemRow(file, i)),
    summary,
  };
}

const leadRow = (lead: CheckedLead, userId: string, now: string) => {
  const createdAt = lead.inquiryAt ?? now;
  const { inquiryAt: _at, ...fields } = lead;
  return {
    ...fields,
    id: newId('led'),
    stageEnteredAt: createdAt,
    createdBy: userId,
    createdAt,
    updatedAt: now,
  };
};

/**
 * Imports a previewed list, all or nothing: the staged file is read and
 * checked again, rows with errors refuse the import unless the person chose
 * to leave them out, likely duplicates are left out unless kept, and the
 * leads, their first timeline entries, the import record and its audit event
 * are one D1 batch (rows packed a thousand to a statement, two parameters each).
 */
export async function commitLeadImport(
  tenant: TenantDb,
  audit: AuditLog,
  auth: AuthContext,
  bucket: R2Bucket,
  importId: string,
  input: LeadImportCommit,
) {
  const staged = await bucket.get(stagedKey(tenant, importId));
  if (!staged || staged.customMetadata?.userId !== auth.userId) {
    const [committed] = await tenant.selectFields(
      { id: leadImports.id },
      leadImports,
      eq(leadImports.id, importId),
    );
    if (committed) throw new AppError('conflict', 'This list was already imported');
    throw notFound('Lead import');
  }
  const fileName = staged.customMetadata.fileName ?? 'leads';
  const mapping = parseMappingField(staged.customMetadata.mapping ?? '[]', leadImportMappingSchema);
  const file = await checkLeadFile(tenant, auth, new File([await staged.arrayBuffer()], fileName), mapping);
  const counts = summarise(file);
  if (counts.withErrors && !input.skipErrors) {
    const details = file.checked
      .flatMap((c, i) =>
        c.errors.map((e) => ({ path: `rows.${i}.${e.field}`, issue: `Line ${file.lines[i]}: ${e.issue}` })),
      )
      .slice(0, MAX_DETAILS);
    throw new AppError(
      'validation_failed',
      `${counts.withErrors.toLocaleString('en-US')} row(s) need fixing before import, or leave them out`,
      details,
    );
  }
  const chosen = file.checked.flatMap((c, i) =>
    c.value && !(input.skipDuplicates && file.duplicates[i]) ? [c.value] : [],
  );
  if (!chosen.length) throw new AppError('validation_failed', 'No rows are left to import');
  const now = iso();
  const rows = chosen.map((lead) => leadRow(lead, auth.userId, now));
  const skippedDuplicates = input.skipDuplicates ? counts.duplicates : 0;
  try {
    await tenant.batch([
      // First: a second commit of this preview fails here and its whole batch rolls back.
      tenant.insert(leadImports, {
        id: importId,
        fileName,
        source: file.source,
        rowCount: rows.length,
        skippedErrors: counts.withErrors,
        skippedDuplicates,
        createdBy: auth.userId,
        createdAt: now,
      }),
      ...tenant.insertPacked(leads, rows),
      ...tenant.insertPacked(
        leadActivities,
        rows.map((r) => ({
          id: newId('lac'),
          leadId: r.id,
          kind: 'created',
          text: null,
          detail: { channel: 'import', importId },
          createdBy: auth.userId,
          createdAt: r.createdAt,
        })),
      ),
      audit.statement({
        action: 'create',
        entityType: 'lead_import',
        entityId: importId,
        detail: {
          source: file.source,
          rows: rows.length,
          skippedErrors: counts.withErrors,
          skippedDuplicates,
        },
      }),
    ]);
  } catch (err) {
    if (
      err instanceof Error &&
      /UNIQUE constraint failed: lead_imports/i.test(`${err.message} ${String(err.cause ?? '')}`)
    )
      throw new AppError('conflict', 'This list was already imported');
    throw err;
  }
  await bucket.delete(stagedKey(tenant, importId));
  return { importId, imported: rows.length, skippedErrors: counts.withErrors, skippedDuplicates };
}
