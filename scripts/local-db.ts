import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { drizzle } from 'drizzle-orm/d1';
import { getPlatformProxy } from 'wrangler';
import { DB_CASING, schema } from '../db/client';
import { type DemoLogin, seedDemo } from '../db/seed';

/** Keeps wrangler offline and quiet: no telemetry, no update check, no Request.cf fetch. */
export const WRANGLER_ENV = {
  ...process.env,
  WRANGLER_SEND_METRICS: 'false',
  CLOUDFLARE_CF_FETCH_ENABLED: 'false',
};

/** wrangler keeps local state under `<dir>/v3`; the default dir is `.wrangler/state`. */
export const DEFAULT_PERSIST_DIR = '.wrangler/state';

/** Applies db/migrations to the local D1 with wrangler itself (the same path `npm run deploy` uses remotely). */
export function migrateLocal(persistDir = DEFAULT_PERSIST_DIR): void {
  const run = spawnSync(
    'npx',
    ['wrangler', 'd1', 'migrations', 'apply', 'DB', '--local', '--persist-to', persistDir],
    {
      env: WRANGLER_ENV,
      encoding: 'utf8',
      input: 'y\n',
    },
  );
  if (run.status !== 0) {
    throw new Error(`Applying migrations to the local database failed:\n${run.stdout}\n${run.stderr}`);
  }
}

/** Seeds the demo organisations into the local D1 through the same drizzle schema the worker uses. */
export async function seedLocal(persistDir = DEFAULT_PERSIST_DIR): Promise<{ logins: DemoLogin[] }> {
  const proxy = await getPlatformProxy<{ DB: D1Database }>({
    configPath: 'wrangler.toml',
    persist: { path: join(persistDir, 'v3') },
  });
  try {
    const db = drizzle(proxy.env.DB, { schema, casing: DB_CASING });
    return { logins: await seedDemo(db) };
  } finally {
    await proxy.dispose();
  }
}
