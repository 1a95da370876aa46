import { patientImports, patients } from '../../../db/schema';
import type { RosterCommit } from '../../../shared/schemas/patients';
import { AppError } from '../../lib/app-error';
import type { AuditLog } from '../../lib/audit-log';
import { newId } from '../../lib/crypto';
import type { TenantDb } from '../../lib/tenant-db';
import { iso } from '../../lib/time';
import type { AuthContext } from '../auth/session-context';
import { facilityTakingPatients } from '../facilities/facility-access';
import { existingDuplicates } from './find-duplicates';
import { type CheckedPatient, checkPatientRow, duplicateKey } from './roster-rows';

/**
 * Rows to save as new patients, checked again here whatever the preview said:
 * a row with an error is a 400 naming each cell (under `path`), a likely
 * duplicate (of a patient at the facility or of an earlier row) without the
 * row's own confirmation a 409.
 */
export async function checkedNewPatients(
  tenant: TenantDb,
  facilityId: string,
  rows: RosterCommit['rows'],
  path = 'rows',
): Promise<CheckedPatient[]> {
  const today = new Date();
  const details: { path: string; issue: string }[] = [];
  const checked = rows.map((row, i) => {
    const { confirmDuplicate: _confirm, ...cells } = row;
    const c = checkPatientRow(cells, today);
    for (const e of c.errors) details.push({ path: `${path}.${i}.${e.field}`, issue: e.issue });
    return c.value;
  });
  if (details.length) {
    throw new AppError(
      'validation_failed',
      `${new Set(details.map((d) => d.path.split('.')[1])).size} row(s) need fixing before import`,
      details,
    );
  }
  const people = checked as CheckedPatient[];

  const existing = await existingDuplicates(tenant, facilityId, people);
  const seen = new Set<string>();
  const unconfirmed: { path: string; issue: string }[] = [];
  people.forEach((p, i) => {
    const key = duplicateKey(p);
    const duplicate = existing.has(key) || seen.has(key);
    seen.add(key);
    if (duplicate && !rows[i]!.confirmDuplicate) {
      unconfirmed.push({
        path: `${path}.${i}.confirmDuplicate`,
        issue: existing.has(key) ? 'likely an existing patient' : 'repeats an earlier row',
      });
    }
  });
  if (unconfirmed.length) {
    throw new AppError(
      'conflict',
      `${unconfirmed.length} row(s) look like patients already there; confirm or exclude them`,
      unconfirmed,
    );
  }
  return people;
}

/**
 * Writes every row or none: rows are checked again (`checkedNewPatients`),
 * and the patients, the import record and its audit event go to D1 in one batch.
 */
export async function commitRoster(
  tenant: TenantDb,
  audit: AuditLog,
  auth: AuthContext,
  input: RosterCommit,
) {
  await facilityTakingPatients(tenant, input.facilityId);
  const people = await checkedNewPatients(tenant, input.facilityId, input.rows);

  const importId = newId('imp');
  const now = iso();
  const withIds = people.map((p) => ({ ...p, id: newId('pat') }));
  // Rows travel packed as one JSON parameter, each column read by name: 5,000
  // rows are 5 statements, not the 1,700 that D1's 100 parameters would need.
  const rows = withIds.map((p) => ({
    ...p,
    facilityId: input.facilityId,
    importId,
    createdBy: auth.userId,
    createdAt: now,
    updatedAt: now,
  }));
  await tenant.batch([
    ...tenant.insertPacked(patients, rows),
    tenant.insert(patientImports, {
      id: importId,
      facilityId: input.facilityId,
      fileName: input.fileName ?? null,
      source: input.source,
      rowCount: withIds.length,
      createdBy: auth.userId,
      createdAt: now,
    }),
    audit.statement({
      action: 'create',
      entityType: 'patient_import',
      entityId: importId,
      detail: {
        facilityId: input.facilityId,
        source: input.source,
        fileName: input.fileName ?? null,
        rows: withIds.length,
      },
    }),
  ]);
  return { importId, imported: withIds.length, patientIds: withIds.map((p) => p.id) };
}
