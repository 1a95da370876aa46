import { and, eq, inArray } from 'drizzle-orm';
import { patients } from '../../../db/schema';
import type { TenantDb } from '../../lib/tenant-db';
import { duplicateKey } from './roster-rows';

// D1 binds at most 100 parameters a statement; the facility and organisation take two.
const KEYS_PER_QUERY = 90;

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
  for (let i = 0; i < keys.length; i += KEYS_PER_QUERY) {
    const rows = await tenant.db
      .select({ id: patients.id, nameKey: patients.nameKey, dateOfBirth: patients.dateOfBirth })
      .from(patients)
      .where(
        tenant.scope(
          patients,
          and(
            eq(patients.facilityId, facilityId),
            inArray(patients.nameKey, keys.slice(i, i + KEYS_PER_QUERY)),
          ),
        ),
      );
    for (const r of rows) if (!found.has(duplicateKey(r))) found.set(duplicateKey(r), r.id);
  }
  return found;
}
