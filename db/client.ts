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

/**
 * A D1 session seen as a database, for drizzle: its reads may go to a read
 * replica that has every write up to the session's bookmark. Migrations and
 * `exec` never run through a request, so they go to the binding itself.
 */
export function sessionDatabase(binding: D1Database, session: D1Session): D1Database {
  return {
    prepare: (query: string) => session.prepare(query),
    batch: (statements: Parameters<D1Session['batch']>[0]) => session.batch(statements),
    exec: (query: string) => binding.exec(query),
    dump: () => binding.dump(),
    withSession: (constraintOrBookmark?: string) => binding.withSession(constraintOrBookmark),
  };
}

/** Named from the binding: the panel's compiler reads this file without the Workers types. */
type D1Session = ReturnType<D1Database['withSession']>;
/** What service code needs: D1 in the worker, libSQL in Node scripts; both are async SQLite. */
export type AnyDb = BaseSQLiteDatabase<'async', unknown, typeof schema>;

export { schema };
