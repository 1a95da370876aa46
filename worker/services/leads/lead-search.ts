import { and, desc, eq, getTableColumns, gte, inArray, lt, type SQL } from 'drizzle-orm';
import { union, unionAll } from 'drizzle-orm/sqlite-core';
import { leadSearchTokens, leads } from '../../../db/schema';
import { nameKeyPart } from '../../../shared/roster/names';
import type { TenantDb } from '../../lib/tenant-db';
import { phoneKey } from './phone-key';

/** Above every character a token can hold: `word` … `word + TOP` is the range of tokens starting with `word`. */
const TOP = '\u{10FFFF}';

/**
 * The token ranges one search word reads: a name word starting with it, an
 * email or email domain starting with it, and, with three digits or more, a
 * phone number containing them (the table holds every tail of the number).
 */
export function wordRanges(word: string): string[] {
  const ranges = new Set<string>();
  const name = nameKeyPart(word);
  if (name) ranges.add(name);
  const lower = word.toLowerCase();
  if (lower !== name && !lower.startsWith('tel:')) ranges.add(lower);
  const digits = word.replace(/\D/g, '');
  if (digits.length >= 3) ranges.add(`tel:${digits}`);
  return [...ranges];
}

/**
 * The search as the list reads it: a query that is only a phone number
 * ("(512) 555-0111", "+1 512 555 0111") is one range of the number's key;
 * otherwise every word (at most eight) is a set of ranges, all of which a
 * lead must match.
 */
export function searchRanges(q: string | undefined): string[][] {
  const text = q?.trim().slice(0, 100);
  if (!text) return [];
  const phone = /^[\d\s().+-]+$/.test(text) ? phoneKey(text) : null;
  if (phone && phone.length >= 3) return [[`tel:${phone}`]];
  return text
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 8)
    .map(wordRanges)
    .filter((r) => r.length > 0);
}

/**
 * Ids of the leads with a token in one of `ranges` and meeting `also`. As the
 * driver of a search each lead comes once: "mario" starts both the name and
 * the email of Mario, so a range is grouped by lead and ranges are joined by
 * UNION. Inside an IN list (`distinct` false) a lead twice costs nothing, and
 * skipping the grouping saves sorting every match.
 */
function matchingIds(tenant: TenantDb, ranges: string[], also: SQL[] = [], distinct = true) {
  const [first, second, ...rest] = ranges.map((start) => {
    const read = tenant.selectFields(
      { id: leadSearchTokens.leadId },
      leadSearchTokens,
      and(gte(leadSearchTokens.token, start), lt(leadSearchTokens.token, start + TOP), ...also),
    );
    return distinct ? read.groupBy(leadSearchTokens.leadId) : read;
  });
  if (!second) return first!;
  return distinct ? union(first!, second, ...rest) : unionAll(first!, second, ...rest);
}

/**
 * The leads matching every word (and `where`), newest first like the list: the
 * first word's ranges drive the query and the other words narrow them there
 * (each word's ids read once into an index), so only the leads matching every
 * word are read and sorted: "maria garcia" reads the few Maria Garcias, not
 * every Maria, however many leads the organisation has.
 */
export function searchLeads(tenant: TenantDb, words: string[][], where: SQL | undefined) {
  const [first, ...rest] = words as [string[], ...string[][]];
  const others = rest.map((w) => inArray(leadSearchTokens.leadId, matchingIds(tenant, w, [], false)));
  const drive = matchingIds(tenant, first, others).as('matches');
  return tenant
    .selectThrough(getTableColumns(leads), drive, leads, eq(leads.id, drive.id), where)
    .orderBy(desc(leads.createdAt), desc(leads.id));
}
