import { type SQL, sql } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';

/** D1 refuses LIKE patterns longer than 50 bytes ("LIKE or GLOB pattern too complex"). */
const LIKE_PATTERN_BYTES = 50;
const utf8 = new TextEncoder();

/**
 * `column` contains `text`, with LIKE wildcards typed by a person taken
 * literally. A needle too long for D1's pattern limit is cut: matching its
 * start still narrows the list, where the whole pattern would fail the query
 * (a 500 for a long search).
 */
export function contains(column: SQLiteColumn, text: string): SQL {
  let needle = '';
  let bytes = 2; // the two %
  for (const ch of text) {
    const piece = /[\\%_]/.test(ch) ? `\\${ch}` : ch;
    bytes += utf8.encode(piece).length;
    if (bytes > LIKE_PATTERN_BYTES) break;
    needle += piece;
  }
  return sql`${column} LIKE ${`%${needle}%`} ESCAPE '\\'`;
}
