import { sql } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';

/**
 * D1 binds at most 100 parameters a statement. Every chunk size in the worker
 * is derived here, so no call site picks its own number.
 */
export const D1_MAX_BOUND_PARAMETERS = 100;

/**
 * Parameters an `inArray` list leaves for the rest of its statement: the
 * organisation, a facility filter and a few conditions never need more than ten.
 */
const IN_LIST_HEADROOM = 10;

/** Values one `IN (…)` list may carry. */
export const IN_LIST_MAX = D1_MAX_BOUND_PARAMETERS - IN_LIST_HEADROOM;

/**
 * Rows a packed insert (rows as one JSON parameter read by `json_each`)
 * carries: it binds two parameters however many rows, so the limit is D1's
 * statement and string size, which 1,000 patient-sized rows stay well under.
 */
export const PACKED_ROWS_PER_STATEMENT = 1000;

/** Audit events the expiry job writes a round trip: keeps each batch small whatever the backlog. */
export const STATEMENTS_PER_BATCH = 50;

/** Rows one multi-row `INSERT … VALUES` may carry when each row binds `columns` parameters. */
export function rowsPerStatement(columns: number): number {
  return Math.max(1, Math.floor(D1_MAX_BOUND_PARAMETERS / Math.max(1, columns)));
}

export function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** `items` in lists short enough for one `IN (…)` each. */
export const inListChunks = <T>(items: readonly T[]) => chunk(items, IN_LIST_MAX);

/**
 * `column IN` the values carried as one JSON parameter: a statement binds the
 * same few parameters however many values (D1's 100 never limits it), and one
 * round trip replaces one per `inListChunks` list.
 */
export const inJson = (column: SQLiteColumn, values: readonly string[]) =>
  sql`${column} IN (SELECT value FROM json_each(${JSON.stringify(values)}))`;
