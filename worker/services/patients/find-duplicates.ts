import { and, eq, inArray } from 'drizzle-orm';
import { patients } from '../../../db/schema';
import { inListChunks } from '../../lib/d1-limits';
import type { TenantDb } from '../../lib/tenant-db';
import { duplicateKey } from './roster-rows';

/**
 * Existing patients at a facility with the same normalised name and date of
 * birth as any of the given ones: a map from duplicate key to patient id.
 */
export async function existingDuplicates(
  tenant: TenantDb,
  facilityId: string,
  people: { nameKey: string; dateOfBirth: string }[],
) {
  const keys = [...new Set(people.map((p) => p.nameKey))];
  const found = new Map<string, string>();
  for (const part of inListChunks(keys)) {
    const rows = await tenant.selectFields(
      { id: patients.id, nameKey: patients.nameKey, dateOfBirth: patients.dateOfBirth },
      patients,
      and(eq(patients.facilityId, facilityId), inArray(patients.nameKey, part)),
    );
    for (const r of rows) if (!found.has(duplicateKey(r))) found.set(duplicateKey(r), r.id);
  }
  return found;
}
