import { and, asc, eq, gte, inArray, lt, type SQL, type SQLWrapper, sql } from 'drizzle-orm';
import { patientNameTokens, patients } from '../../../db/schema';
import type { TenantDb } from '../../lib/tenant-db';
import { listedPatientFields } from './patient-view';

/** Above every character a token can hold: `word` … `word + TOP` is the range of tokens starting with `word`. */
const TOP = '\u{10FFFF}';

/**
 * Ids of the patients with a name word starting with `word`, or whose MRN is
 * `word`, and among each of `others`: ranges of the word table (db/schema/search.ts),
 * so a search reads the patients that match, not the organisation's every patient.
 */
function matchingIds(tenant: TenantDb, word: string, others: SQLWrapper[] = [], distinct = true) {
  const names = tenant.selectFields(
    { id: patientNameTokens.patientId },
    patientNameTokens,
    and(
      gte(patientNameTokens.token, word),
      lt(patientNameTokens.token, word + TOP),
      ...others.map((ids) => inArray(patientNameTokens.patientId, ids)),
    ),
  );
  // `+patient_id`: SQLite may not use the column to probe the index with the other
  // words' lists (a probe per listed patient for an MRN that is almost never there);
  // it reads the MRN's one or no token and only then checks the lists.
  const mrn = tenant.selectFields(
    { id: patientNameTokens.patientId },
    patientNameTokens,
    and(
      eq(patientNameTokens.token, `#${word}`),
      ...others.map((ids) => inArray(sql`+${patientNameTokens.patientId}`, ids)),
    ),
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
  const others = rest.map((w) => matchingIds(tenant, w, [], false));
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
