import { sql } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import { patientImports, patients } from '../../../db/schema';
import type { RosterCommit } from '../../../shared/schemas/patients';
import { AppError } from '../../lib/app-error';
import type { AuditLog } from '../../lib/audit-log';
import { newId } from '../../lib/crypto';
import type { TenantDb } from '../../lib/tenant-db';
import { iso } from '../../lib/time';
import type { AuthContext } from '../auth/session-context';
import { getVisibleFacilityRow } from '../facilities/facility-access';
import { existingDuplicates } from './find-duplicates';
import { type CheckedPatient, checkPatientRow, duplicateKey } from './roster-rows';

/**
 * Rows travel as one JSON parameter read by `json_each`, so a statement binds
 * 7 parameters however many rows it carries (D1 allows 100), and 5,000 rows
 * are 5 statements instead of 1,250. 1,000 rows keep each statement well under
 * D1's statement and string size limits.
 */
const ROWS_PER_STATEMENT = 1000;

function insertPatientsStatement(
  tenant: TenantDb,
  rows: (CheckedPatient & { id: string })[],
  facilityId: string,
  importId: string,
  userId: string,
  now: string,
) {
  const field = (name: string) => sql.raw(`json_extract(value, '$.${name}')`);
  // Columns in the table's order (drizzle lists them all); organization_id is the
  // signed-in tenant's, as TenantDb.insert would set it.
  return tenant.db.insert(patients).select(sql`
    SELECT ${field('id')}, ${tenant.organizationId}, ${facilityId}, ${field('firstName')}, ${field('lastName')}, ${field('nameKey')},
      ${field('dateOfBirth')}, ${field('roomNumber')}, ${field('emergencyContactName')}, ${field('emergencyContactRelationship')},
      ${field('emergencyContactPhone')}, ${field('sex')}, ${field('mrn')}, ${field('notes')},
      0, 'not_started', NULL, NULL, NULL, NULL, 'no_preference', 'not_scheduled', NULL, ${importId}, ${userId}, ${now}, ${now}
    FROM json_each(${JSON.stringify(rows)})`);
}

/**
 * Writes every row or none: rows are checked again here whatever the preview
 * said, likely duplicates need the row's own confirmation, and the patients,
 * the import record and its audit event go to D1 in one batch.
 */
export async function commitRoster(
  tenant: TenantDb,
  audit: AuditLog,
  auth: AuthContext,
  input: RosterCommit,
) {
  await getVisibleFacilityRow(tenant, auth, input.facilityId);
  const today = new Date();
  const details: { path: string; issue: string }[] = [];
  const checked = input.rows.map((row, i) => {
    const { confirmDuplicate: _confirm, ...cells } = row;
    const c = checkPatientRow(cells, today);
    for (const e of c.errors) details.push({ path: `rows.${i}.${e.field}`, issue: e.issue });
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

  const existing = await existingDuplicates(tenant, input.facilityId, people);
  const seen = new Set<string>();
  const unconfirmed: { path: string; issue: string }[] = [];
  people.forEach((p, i) => {
    const key = duplicateKey(p);
    const duplicate = existing.has(key) || seen.has(key);
    seen.add(key);
    if (duplicate && !input.rows[i]!.confirmDuplicate) {
      unconfirmed.push({
        path: `rows.${i}.confirmDuplicate`,
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

  const importId = newId('imp');
  const now = iso();
  const withIds = people.map((p) => ({ ...p, id: newId('pat') }));
  const statements: BatchItem<'sqlite'>[] = [];
  for (let i = 0; i < withIds.length; i += ROWS_PER_STATEMENT) {
    statements.push(
      insertPatientsStatement(
        tenant,
        withIds.slice(i, i + ROWS_PER_STATEMENT),
        input.facilityId,
        importId,
        auth.userId,
        now,
      ),
    );
  }
  await tenant.db.batch([
    ...(statements as [BatchItem<'sqlite'>, ...BatchItem<'sqlite'>[]]),
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
