import type { Logger } from 'drizzle-orm';
import { drizzle as drizzleD1 } from 'drizzle-orm/d1';
import type { BaseSQLiteDatabase } from 'drizzle-orm/sqlite-core';
import * as schema from './schema';

/** The one `casing` setting, shared with drizzle.config.ts. */
export const DB_CASING = 'snake_case' as const;

/** `logger` sees each statement and its parameters (the query-plan test reads them). */
export function d1Database(binding: D1Database, logger?: Logger) {
  return drizzleD1(binding, { schema, casing: DB_CASING, logger });
}

export type Db = ReturnType<typeof d1Database>;
/** What service code needs: D1 in the worker, libSQL in Node scripts; both are async SQLite. */
export type AnyDb = BaseSQLiteDatabase<'async', unknown, typeof schema>;

export { schema };
