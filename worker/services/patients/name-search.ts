import { and, asc, eq, gte, inArray, lt, type SQL } from 'drizzle-orm';
import { patientNameTokens, patients } from '../../../db/schema';
import type { TenantDb } from '../../lib/tenant-db';
import { listedPatientFields } from './patient-view';

/** Above every character a token can hold: `word` … `word + TOP` is the range of tokens starting with `word`. */
const TOP = '\u{10FFFF}';

/**
 * Ids of the patients with a name word starting with `word`, or whose MRN is
 * `word`, and meeting `also`: ranges of the word table (db/schema/search.ts),
 * so a search reads the patients that match, not the organisation's every patient.
 */
function matchingIds(tenant: TenantDb, word: string, also: SQL[] = [], distinct = true) {
  const names = tenant.selectFields(
    { id: patientNameTokens.patientId },
    patientNameTokens,
    and(gte(patientNameTokens.token, word), lt(patientNameTokens.token, word + TOP), ...also),
  );
  const mrn = tenant.selectFields(
    { id: patientNameTokens.patientId },
    patientNameTokens,
    and(eq(patientNameTokens.token, `#${word}`), ...also),
  );
  // UNION, not UNION ALL: "mar" starts both "maria" and "martinez", and a patient is listed once.
  // Inside an IN list a patient twice costs nothing, and UNION ALL skips sorting them out.
  return distinct ? names.union(mrn) : names.unionAll(mrn);
}

/**
 * The patients matching every word (and `where`), alphabetical, `limit` at
 * most: the first word's range of the word table drives the query, and the
 * other words narrow it there (each word's ids read once into an index), so
 * only the patients matching every word are read: "maria garcia" reads the
 * few Maria Garcias, not every Maria. The matches are put in order by id and
 * name alone and only the page's rows are read whole, with their services:
 * "gar" matches thousands at 100,000 patients, and each would otherwise carry
 * its services through the sort.
 */
export function searchPatients(tenant: TenantDb, words: string[], where: SQL | undefined, limit: number) {
  const [first, ...rest] = words as [string, ...string[]];
  const others = rest.map((w) => inArray(patientNameTokens.patientId, matchingIds(tenant, w, [], false)));
  const drive = matchingIds(tenant, first, others).as('matches');
  const page = tenant
    .selectThrough({ pageId: patients.id }, drive, patients, eq(patients.id, drive.id), where)
    .orderBy(asc(patients.nameKey), asc(patients.id))
    .limit(limit)
    .as('page');
  return tenant
    .selectThrough(listedPatientFields(tenant), page, patients, eq(patients.id, page.pageId))
    .orderBy(asc(patients.nameKey), asc(patients.id));
}
