import { createClient } from '@libsql/client';
import { drizzle } from 'drizzle-orm/libsql';
import { migrate } from 'drizzle-orm/libsql/migrator';
import { DB_CASING, schema } from './client';

/**
 * The same schema on libSQL (a `file:` path or a remote URL) for Node scripts
 * and self-hosting. Migrations are the very files wrangler applies to D1.
 */
export function libsqlDatabase(url: string, authToken?: string) {
  const client = createClient({ url, authToken });
  return { db: drizzle(client, { schema, casing: DB_CASING }), client };
}

export async function migrateLibsql(
  db: ReturnType<typeof libsqlDatabase>['db'],
  migrationsFolder = 'db/migrations',
) {
  await migrate(db, { migrationsFolder });
}
