import { eq } from 'drizzle-orm';
import type { HonoRequest } from 'hono';
import { leadImports, leads } from '../../../db/schema';
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
import { chunk, PACKED_ROWS_PER_STATEMENT } from '../../lib/d1-limits';
import { parseMappingField } from '../../lib/import-table';
import type { TenantDb } from '../../lib/tenant-db';
import { iso } from '../../lib/time';
import type { AuthContext } from '../auth/session-context';
import { type CheckedLeadRow, checkLeadFile } from './lead-import-check';
import { type CheckedLead, leadDisplayValues } from './lead-import-rows';
import { STAGED_LEAD_IMPORTS } from './lead-import-staging';
import { writeImportedLeadEntries, writeLeadSearchWords } from './lead-search-words';

/** Rows listed as read at the top of a preview, so the person sees the columns landed where they should. */
const FIRST_ROWS = 5;
/** Problems named in a refused commit: enough to act on, never a 100,000-entry answer. */
const MAX_DETAILS = 100;

export type LeadImportUpload = { file: File; mapping?: LeadImportMapping; replaces?: string };

// The file waits in R2 between preview and commit, under the organisation's own prefix:
// another organisation's import id names an object that does not exist for it. It goes
// at commit, at cancel, when a corrected preview replaces it, or by the cron after a day.
const stagedKey = (tenant: TenantDb, importId: string) =>
  `${STAGED_LEAD_IMPORTS}${tenant.organizationId}/${importId}`;

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

const problemRow = (row: CheckedLeadRow) => {
  const d = row.duplicate;
  const issue = d
    ? d.existingLeadId
      ? `Same ${d.field} as a lead already there`
      : `Same ${d.field} as row ${(d.sameAsRow ?? 0) + 1}`
    : '';
  return {
    index: row.index,
    line: row.line,
    values: {
      ...leadDisplayValues(row.raw),
      ...(row.value ? { firstName: row.value.firstName, lastName: row.value.lastName } : {}),
    },
    errors: row.errors,
    warnings: d ? [{ field: d.field, issue, existingLeadId: d.existingLeadId, sameAsRow: d.sameAsRow }] : [],
  };
};

/** Rows, rows without errors, rows with errors and likely duplicates, counted as the rows go by. */
function tally() {
  const counts = { rows: 0, valid: 0, withErrors: 0, duplicates: 0 };
  return {
    counts,
    add(row: CheckedLeadRow) {
      counts.rows++;
      if (row.errors.length) counts.withErrors++;
      else counts.valid++;
      if (row.duplicate) counts.duplicates++;
    },
  };
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
  const { counts, add } = tally();
  const rows: ReturnType<typeof problemRow>[] = [];
  const file = await checkLeadFile(tenant, auth, upload.file, upload.mapping, (row) => {
    add(row);
    if (rows.length >= LEAD_IMPORT_PREVIEW_ROWS) return;
    if (row.index < FIRST_ROWS || row.errors.length || row.duplicate) rows.push(problemRow(row));
  });
  const importId = newId('lim');
  // The upload itself (a Blob), not a copy of its bytes.
  await bucket.put(stagedKey(tenant, importId), upload.file, {
    customMetadata: {
      fileName: upload.file.name.slice(0, 200),
      mapping: JSON.stringify(file.mapping),
      userId: auth.userId,
    },
  });
  if (upload.replaces) await bucket.delete(stagedKey(tenant, upload.replaces));
  const summary = { ...counts, listed: rows.length };
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
    rows,
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

/** Leads a statement writes their words and timeline entries for: ids as one JSON parameter, sorted words in one sort. */
const LEADS_PER_WORDS_STATEMENT = 10_000;

/**
 * Imports a previewed list, all or nothing: the staged file is read and
 * checked again, rows with errors refuse the import unless the person chose
 * to leave them out, likely duplicates are left out unless kept. One D1
 * batch writes the import record (marked as writing its own search words,
 * so the per-lead trigger stands aside), the leads packed a thousand to a
 * statement as the rows are checked, their first timeline entries and search
 * words made in SQL from the rows just written, the audit event, and last
 * the mark cleared.
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
  const now = iso();
  const { counts, add } = tally();
  const details: { path: string; issue: string }[] = [];
  const ids: string[] = [];
  const leadInserts: ReturnType<TenantDb['insertPacked']> = [];
  let pending: ReturnType<typeof leadRow>[] = [];
  // What every imported lead has alike is bound once a statement, not repeated in each row.
  const alike = {
    createdBy: auth.userId,
    updatedAt: now,
    responsibleParty: null,
    capture: null,
    patientId: null,
    mergedInto: null,
  };
  const pack = () => {
    leadInserts.push(...tenant.insertPacked(leads, pending, alike));
    pending = [];
  };
  const file = await checkLeadFile(tenant, auth, await staged.blob(), mapping, (row) => {
    add(row);
    for (const e of row.errors)
      if (details.length < MAX_DETAILS)
        details.push({ path: `rows.${row.index}.${e.field}`, issue: `Line ${row.line}: ${e.issue}` });
    // Once the import is refused, nothing more is packed.
    if (counts.withErrors && !input.skipErrors) return;
    if (!row.value || (input.skipDuplicates && row.duplicate)) return;
    const lead = leadRow(row.value, auth.userId, now);
    ids.push(lead.id);
    pending.push(lead);
    if (pending.length === PACKED_ROWS_PER_STATEMENT) pack();
  });
  if (counts.withErrors && !input.skipErrors)
    throw new AppError(
      'validation_failed',
      `${counts.withErrors.toLocaleString('en-US')} row(s) need fixing before import, or leave them out`,
      details,
    );
  if (pending.length) pack();
  if (!ids.length) throw new AppError('validation_failed', 'No rows are left to import');
  const skippedDuplicates = input.skipDuplicates ? counts.duplicates : 0;
  const idChunks = chunk(ids, LEADS_PER_WORDS_STATEMENT);
  try {
    await tenant.batch([
      // First: a second commit of this preview fails here and its whole batch rolls back.
      tenant.insert(leadImports, {
        id: importId,
        fileName,
        source: file.source,
        rowCount: ids.length,
        skippedErrors: counts.withErrors,
        skippedDuplicates,
        createdBy: auth.userId,
        createdAt: now,
        writingWords: true,
      }),
      ...leadInserts,
      ...idChunks.map((part) => writeImportedLeadEntries(tenant, part, importId)),
      ...idChunks.map((part) => writeLeadSearchWords(tenant, part)),
      audit.statement({
        action: 'create',
        entityType: 'lead_import',
        entityId: importId,
        detail: {
          source: file.source,
          rows: ids.length,
          skippedErrors: counts.withErrors,
          skippedDuplicates,
        },
      }),
      tenant.update(leadImports, { writingWords: false }, eq(leadImports.id, importId)),
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
  return { importId, imported: ids.length, skippedErrors: counts.withErrors, skippedDuplicates };
}

/**
 * Drops a previewed list that will not be imported (the panel's Cancel):
 * only the person who previewed it can, as only they can commit it.
 */
export async function cancelLeadImport(
  tenant: TenantDb,
  audit: AuditLog,
  auth: AuthContext,
  bucket: R2Bucket,
  importId: string,
) {
  const key = stagedKey(tenant, importId);
  const staged = await bucket.head(key);
  if (!staged || staged.customMetadata?.userId !== auth.userId) throw notFound('Lead import');
  await bucket.delete(key);
  audit.record({ action: 'delete', entityType: 'lead_import_preview', entityId: importId });
}
