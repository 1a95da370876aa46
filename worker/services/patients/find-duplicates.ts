import { and, eq } from 'drizzle-orm';
import { patients } from '../../../db/schema';
import { chunk, inJson } from '../../lib/d1-limits';
import type { TenantDb } from '../../lib/tenant-db';
import { duplicateKey } from './roster-rows';

/** Names one duplicate read carries: a 5,000-row roster is one round trip, not fifty. */
const NAMES_PER_READ = 10_000;

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
  for (const part of chunk(keys, NAMES_PER_READ)) {
    const rows = await tenant.selectFields(
      { id: patients.id, nameKey: patients.nameKey, dateOfBirth: patients.dateOfBirth },
      patients,
      and(eq(patients.facilityId, facilityId), inJson(patients.nameKey, part)),
    );
    for (const r of rows) if (!found.has(duplicateKey(r))) found.set(duplicateKey(r), r.id);
  }
  return found;
}
