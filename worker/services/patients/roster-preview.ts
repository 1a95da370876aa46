import {
  type ColumnMapping,
  ROSTER_FIELDS,
  type RosterField,
  rosterColumns,
} from '../../../shared/roster/columns';
import { splitFullName } from '../../../shared/roster/names';
import { MAX_IMPORT_ROWS } from '../../../shared/schemas/patients';
import { AppError } from '../../lib/app-error';
import type { AuditLog } from '../../lib/audit-log';
import { cellsToFields, underHeaderRow } from '../../lib/import-table';
import type { TenantDb } from '../../lib/tenant-db';
import type { AuthContext } from '../auth/session-context';
import { visibleFacility } from '../facilities/facility-access';
import { existingDuplicates } from './find-duplicates';
import { currentPatients } from './roster-current';
import { diffRoster, type UnreadRow } from './roster-match';
import { findReadmissions } from './roster-readmit';
import { type CheckedPatient, checkPatientRow, duplicateKey, type RowProblem } from './roster-rows';
import { type SkippedLine, skippedBecause } from './roster-skip';

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
  const {
    headers,
    mapping: columns,
    firstLine,
    body,
  } = underHeaderRow(
    table,
    rosterColumns,
    mapping,
    'No header row was found. The roster needs column titles such as Name, DOB and Room.',
  );
  const rows: RawRosterRow[] = [];
  const skipped: SkippedLine[] = [];
  body.forEach((cells, i) => {
    const row: RawRosterRow = cellsToFields(cells, columns);
    const reason = skippedBecause(cells, headers, row);
    if (reason) skipped.push({ line: firstLine + i, text: lineText(cells), reason });
    else rows.push(row);
  });
  return { headers, mapping: columns, rows, skipped };
}

const lineText = (cells: unknown[]) =>
  cells
    .map((c) => (c instanceof Date ? c.toISOString().slice(0, 10) : String(c ?? '').trim()))
    .filter(Boolean)
    .join(' · ')
    .slice(0, 200);

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
    if (checked.notes) out.notes = checked.notes;
    if (checked.admitDate) out.admitDate = checked.admitDate;
  } else if (out.fullName && !out.firstName && !out.lastName) {
    // A row with an error still shows whose it is, so the person can correct it.
    const split = splitFullName(out.fullName);
    out.firstName = split.firstName;
    out.lastName = split.lastName;
  }
  delete out.fullName;
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
    // Shown as the checks read them (tidied), so what the panel sends back is what was checked.
    return { index, values: displayValues(c.cells, c.value), errors: c.errors, warnings };
  });
  const summary = {
    rows: preview.length,
    valid: preview.filter((r) => r.errors.length === 0).length,
    withErrors: preview.filter((r) => r.errors.length > 0).length,
    withWarnings: preview.filter((r) => r.warnings.length > 0).length,
  };
  const diff = await compareWithCurrent(
    tenant,
    facilityId,
    checked.map((c) => c.value),
    preview.flatMap((r) =>
      r.errors.length
        ? [
            {
              row: r.index,
              firstName: r.values.firstName?.trim() || null,
              lastName: r.values.lastName?.trim() || null,
              mrn: r.values.mrn?.trim() || null,
              errors: r.errors,
            },
          ]
        : [],
    ),
  );
  audit.record({
    action: 'read',
    entityType: 'patient_import_preview',
    detail: {
      facilityId,
      source,
      ...summary,
      ...(diff
        ? {
            admissions: diff.admissions.length,
            unchanged: diff.unchanged,
            readmissions: diff.readmissions.map((r) => r.patient.patientId),
            couldNotCompare: diff.couldNotCompare.length,
            // Whose records the comparison showed; ids only, never names.
            discharges: diff.discharges.map((d) => d.patientId),
            changes: diff.changes.map((c) => c.patient.patientId),
          }
        : {}),
    },
  });
  return { rows: preview, summary, ...(diff ? { diff } : {}) };
}

/**
 * The roster against the facility's patients: only when the roster names at
 * least one of them, current or discharged (a readmission), or a row that did
 * not read seems to. A roster sharing
 * nobody with the CRM is new people (or another facility's list), and calling
 * every current patient discharged would only be noise.
 */
async function compareWithCurrent(
  tenant: TenantDb,
  facilityId: string,
  rows: Parameters<typeof diffRoster>[0],
  unread: UnreadRow[],
) {
  const current = await currentPatients(tenant, facilityId);
  const diff = diffRoster(rows, current, unread);
  const back = await findReadmissions(tenant, facilityId, rows, diff.admissions);
  const named = diff.changes.length + diff.unchanged + back.readmissions.length;
  if (named + diff.couldNotCompare.filter((u) => u.patients.length).length === 0) return null;
  return { current: current.length, ...diff, ...back };
}
