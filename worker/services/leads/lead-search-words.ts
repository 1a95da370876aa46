import { sql } from 'drizzle-orm';
import { leadActivities, leadSearchTokens, leads } from '../../../db/schema';
import type { TenantDb } from '../../lib/tenant-db';

// The words a lead is found by (db/schema/search.ts), as SQL over one lead row. The
// insert and update triggers of the `lead_search_tokens` migrations hold this same
// text over NEW; `tests/worker/lead-import-search-words.test.ts` holds the two to the
// same words.

const PUNCTUATION = ['-', "''", '.', ',', '’'];
const FOLDED: [string, string][] = [
  ['á', 'a'],
  ['é', 'e'],
  ['í', 'i'],
  ['ó', 'o'],
  ['ú', 'u'],
  ['ñ', 'n'],
];

/** A name lower-cased with its punctuation as spaces and Spanish accents folded. */
const foldedName = (column: string) =>
  FOLDED.reduce(
    (e, [from, to]) => `replace(${e}, '${from}', '${to}')`,
    `lower(trim(${PUNCTUATION.reduce((e, p) => `replace(${e}, '${p}', ' ')`, column)}))`,
  );

/** A name's second word ("Quinn-Harper" → harper), or NULL, from the name as `foldedName` gives it. */
function secondWord(name: string) {
  const rest = `ltrim(substr(${name}, instr(${name}, ' ') + 1)) || ' '`;
  return `CASE WHEN instr(${name}, ' ') > 0 THEN substr(${rest}, 1, instr(${rest}, ' ') - 1) END`;
}

/**
 * `json_each(json_array(…)) AS words` of the lead `row` (`NEW` in a trigger, a
 * table alias elsewhere); `folded` gives its names already folded, as columns
 * computed once, or by default folds them in place as the triggers do.
 */
export function leadWordsSource(
  row: string,
  folded = { last: foldedName(`${row}.last_name`), first: foldedName(`${row}.first_name`) },
) {
  const words = [
    `substr(${row}.name_key, 1, instr(${row}.name_key, '|') - 1)`,
    `substr(${row}.name_key, instr(${row}.name_key, '|') + 1)`,
    secondWord(folded.last),
    secondWord(folded.first),
    `lower(${row}.email)`,
    `CASE WHEN instr(${row}.email, '@') > 0 THEN substr(lower(${row}.email), instr(${row}.email, '@') + 1) END`,
    ...Array.from({ length: 13 }, (_, i) => `'tel:' || substr(${row}.phone_key, ${i + 1})`),
  ];
  return `json_each(json_array(\n      ${words.join(',\n      ')}\n    )) AS words`;
}

/** Empty words and phone tails under three digits are not words. */
export const LEAD_WORD_FILTER =
  "coalesce(words.value, '') <> '' AND (substr(words.value, 1, 4) <> 'tel:' OR length(words.value) >= 7)";

/** The leads `ids` of this organisation, read by primary key in the ids' order (a CROSS JOIN is never reordered). */
const leadsOf = (tenant: TenantDb, ids: readonly string[]) =>
  sql`json_each(${JSON.stringify(ids)}) AS ids CROSS JOIN ${leads} ON ${tenant.scope(leads, sql`${leads.id} = ids.value`)}`;

/**
 * The search words of leads written earlier in the same batch while their
 * insert trigger stood aside (a lead import), sorted, so the inserts walk
 * the word index in order instead of landing all over it.
 */
export function writeLeadSearchWords(tenant: TenantDb, ids: readonly string[]) {
  // Each name is folded once (a MATERIALIZED CTE is never flattened back into the words).
  return tenant
    .insertFromSelect(
      leadSearchTokens,
      sql`WITH named AS MATERIALIZED (SELECT ${leads.organizationId} AS organization_id, ${leads.id} AS id, ${leads.nameKey} AS name_key, ${leads.email} AS email, ${leads.phoneKey} AS phone_key, ${sql.raw(foldedName('"leads"."last_name"'))} AS last_folded, ${sql.raw(foldedName('"leads"."first_name"'))} AS first_folded FROM ${leadsOf(tenant, ids)}) SELECT named.organization_id, words.value, named.id FROM named CROSS JOIN ${sql.raw(leadWordsSource('named', { last: 'named.last_folded', first: 'named.first_folded' }))} WHERE ${sql.raw(LEAD_WORD_FILTER)} ORDER BY 2, 3`,
    )
    .onConflictDoNothing();
}

/**
 * Each imported lead's `created` timeline entry, made from the lead row in
 * SQL so the batch does not carry them: its id is the lead's with the
 * entry's prefix (one entry a lead, so it is unique).
 */
export function writeImportedLeadEntries(tenant: TenantDb, ids: readonly string[], importId: string) {
  return tenant.insertFromSelect(
    leadActivities,
    sql`SELECT 'lac_' || substr(${leads.id}, 5), ${leads.organizationId}, ${leads.id}, 'created', NULL, json_object('channel', 'import', 'importId', ${importId}), ${leads.createdBy}, ${leads.createdAt}, NULL FROM ${leadsOf(tenant, ids)}`,
  );
}
