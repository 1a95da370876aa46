import { and, desc, eq, getTableColumns, gte, inArray, lt, type SQL } from 'drizzle-orm';
import { union } from 'drizzle-orm/sqlite-core';
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
 * Ids of the leads with a token in one of `ranges`, each once: "mario" starts
 * both the name and the email of Mario, so a range is grouped by lead, and
 * ranges are joined by UNION, not UNION ALL.
 */
function matchingIds(tenant: TenantDb, ranges: string[]) {
  const [first, second, ...rest] = ranges.map((start) =>
    tenant
      .selectFields(
        { id: leadSearchTokens.leadId },
        leadSearchTokens,
        and(gte(leadSearchTokens.token, start), lt(leadSearchTokens.token, start + TOP)),
      )
      .groupBy(leadSearchTokens.leadId),
  );
  return second ? union(first!, second, ...rest) : first!;
}

/**
 * The leads matching every word (and `where`), newest first like the list: the
 * first word's matches drive the query and the others filter them, so only the
 * matches are read and sorted, however many leads the organisation has.
 */
export function searchLeads(tenant: TenantDb, words: string[][], where: SQL | undefined) {
  const [first, ...rest] = words as [string[], ...string[][]];
  const drive = matchingIds(tenant, first).as('matches');
  return tenant
    .selectThrough(
      getTableColumns(leads),
      drive,
      leads,
      eq(leads.id, drive.id),
      and(where, ...rest.map((w) => inArray(leads.id, matchingIds(tenant, w)))),
    )
    .orderBy(desc(leads.createdAt), desc(leads.id));
}
