import { and, asc, eq, getTableColumns, gte, inArray, lt, type SQL } from 'drizzle-orm';
import { patientNameTokens, patients } from '../../../db/schema';
import type { TenantDb } from '../../lib/tenant-db';

/** Above every character a token can hold: `word` … `word + TOP` is the range of tokens starting with `word`. */
const TOP = '\u{10FFFF}';

/**
 * Ids of the patients with a name word starting with `word`, or whose MRN is
 * `word`: ranges of the word table (db/schema/search.ts), so a search reads
 * the patients that match, not the organisation's every patient.
 */
function matchingIds(tenant: TenantDb, word: string) {
  const names = tenant.selectFields(
    { id: patientNameTokens.patientId },
    patientNameTokens,
    and(gte(patientNameTokens.token, word), lt(patientNameTokens.token, word + TOP)),
  );
  const mrn = tenant.selectFields(
    { id: patientNameTokens.patientId },
    patientNameTokens,
    eq(patientNameTokens.token, `#${word}`),
  );
  // UNION, not UNION ALL: "mar" starts both "maria" and "martinez", and a patient is listed once.
  return names.union(mrn);
}

/**
 * The patients matching every word (and `where`), alphabetical: the first
 * word's matches drive the query and the others filter them; the matches are
 * then sorted, far fewer than the organisation's patients.
 */
export function searchPatients(tenant: TenantDb, words: string[], where: SQL | undefined) {
  const [first, ...rest] = words as [string, ...string[]];
  const drive = matchingIds(tenant, first).as('matches');
  return tenant
    .selectThrough(
      getTableColumns(patients),
      drive,
      patients,
      eq(patients.id, drive.id),
      and(where, ...rest.map((w) => inArray(patients.id, matchingIds(tenant, w)))),
    )
    .orderBy(asc(patients.nameKey), asc(patients.id));
}
