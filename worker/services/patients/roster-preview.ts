import {
  type ColumnMapping,
  detectMapping,
  findHeaderRow,
  ROSTER_FIELDS,
  type RosterField,
} from '../../../shared/roster/columns';
import { MAX_IMPORT_ROWS } from '../../../shared/schemas/patients';
import { AppError } from '../../lib/app-error';
import type { AuditLog } from '../../lib/audit-log';
import type { TenantDb } from '../../lib/tenant-db';
import type { AuthContext } from '../auth/session-context';
import { visibleFacility } from '../facilities/facility-access';
import { existingDuplicates } from './find-duplicates';
import { type CheckedPatient, checkPatientRow, duplicateKey, type RowProblem } from './roster-rows';

export type RawRosterRow = Partial<Record<RosterField, unknown>>;

export type PreviewRow = {
  index: number;
  /** Cells as the person should see and correct them (dates already in YYYY-MM-DD where readable). */
  values: Record<string, string>;
  errors: RowProblem[];
  warnings: (RowProblem & { existingPatientId?: string; sameAsRow?: number })[];
};

/** Rows of a table to field objects, using the header row and a mapping (detected unless given). */
export function tableToRows(table: unknown[][], mapping?: ColumnMapping) {
  const found = findHeaderRow(table);
  // With a mapping the person chose, the first row is the header row whatever it says.
  const headerAt = found < 0 && mapping ? 0 : found;
  if (headerAt < 0) {
    throw new AppError(
      'validation_failed',
      'No header row was found. The roster needs column titles such as Name, DOB and Room.',
      [{ path: 'file', issue: 'no header row' }],
    );
  }
  const headers = (table[headerAt] ?? []).map((c) => (c === null || c === undefined ? '' : String(c)));
  const columns = mapping ?? detectMapping(headers);
  const body = table.slice(headerAt + 1);
  const rows: RawRosterRow[] = body.map((cells) => {
    const row: RawRosterRow = {};
    columns.forEach((field, i) => {
      if (field && cells[i] !== null && cells[i] !== undefined && cells[i] !== '') row[field] = cells[i];
    });
    return row;
  });
  return { headers, mapping: columns, rows };
}

export function displayValues(raw: RawRosterRow, checked: CheckedPatient | null): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of ROSTER_FIELDS) {
    const v = raw[f];
    if (v !== undefined && v !== null) out[f] = v instanceof Date ? v.toISOString().slice(0, 10) : String(v);
  }
  if (checked) {
    out.firstName = checked.firstName;
    out.lastName = checked.lastName;
    out.dateOfBirth = checked.dateOfBirth;
    delete out.fullName;
  }
  return out;
}

/**
 * Checks every row without writing anything: per-row, per-field errors
 * (missing name, impossible date) and warnings (the same person twice in the
 * file, likely an existing patient of the facility).
 */
export async function previewRoster(
  tenant: TenantDb,
  audit: AuditLog,
  _auth: AuthContext,
  facilityId: string,
  rows: RawRosterRow[],
  source: string,
) {
  await visibleFacility(tenant, facilityId);
  if (rows.length === 0)
    throw new AppError('validation_failed', 'The roster has no patient rows', [
      { path: 'rows', issue: 'empty' },
    ]);
  if (rows.length > MAX_IMPORT_ROWS) {
    throw new AppError(
      'payload_too_large',
      `This roster has ${rows.length} rows; import at most ${MAX_IMPORT_ROWS} at once`,
    );
  }
  const today = new Date();
  const checked = rows.map((r) => checkPatientRow(r as Record<string, string>, today));
  const existing = await existingDuplicates(
    tenant,
    facilityId,
    checked.flatMap((c) => (c.value ? [c.value] : [])),
  );
  const firstSeen = new Map<string, number>();
  const preview: PreviewRow[] = checked.map((c, index) => {
    const warnings: PreviewRow['warnings'] = [];
    if (c.value) {
      const key = duplicateKey(c.value);
      const earlier = firstSeen.get(key);
      if (earlier !== undefined)
        warnings.push({
          field: 'lastName',
          issue: `Same name and date of birth as row ${earlier + 1}`,
          sameAsRow: earlier,
        });
      else firstSeen.set(key, index);
      const match = existing.get(key);
      if (match)
        warnings.push({
          field: 'lastName',
          issue: 'Likely already a patient at this facility',
          existingPatientId: match,
        });
    }
    return { index, values: displayValues(rows[index]!, c.value), errors: c.errors, warnings };
  });
  const summary = {
    rows: preview.length,
    valid: preview.filter((r) => r.errors.length === 0).length,
    withErrors: preview.filter((r) => r.errors.length > 0).length,
    withWarnings: preview.filter((r) => r.warnings.length > 0).length,
  };
  audit.record({
    action: 'read',
    entityType: 'patient_import_preview',
    detail: { facilityId, source, ...summary },
  });
  return { rows: preview, summary };
}
