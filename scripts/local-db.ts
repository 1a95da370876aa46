import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type DemoLogin, demoSeedSql } from './seed-demo';

/** Keeps wrangler offline and quiet: no telemetry, no update check, no Request.cf fetch. */
export const WRANGLER_ENV = {
  ...process.env,
  WRANGLER_SEND_METRICS: 'false',
  CLOUDFLARE_CF_FETCH_ENABLED: 'false',
};

/** wrangler keeps local state under `<dir>/v3`; the default dir is `.wrangler/state`. */
export const DEFAULT_PERSIST_DIR = '.wrangler/state';

const WRANGLER_BIN = resolve('node_modules/wrangler/bin/wrangler.js');

/**
 * wrangler as a subprocess of this Node, answering its one question, within
 * two minutes: a stuck local runtime fails loudly instead of hanging a test run.
 */
function runWrangler(args: string[], what: string, timeoutMs = 120_000) {
  const run = spawnSync(process.execPath, [WRANGLER_BIN, ...args], {
    env: WRANGLER_ENV,
    encoding: 'utf8',
    input: 'y\n',
    timeout: timeoutMs,
  });
  if (run.status !== 0) {
    const reason = run.error ? `${run.error.message}\n` : '';
    throw new Error(`${what} failed:\n${reason}${run.stdout ?? ''}\n${run.stderr ?? ''}`);
  }
}

/** Applies db/migrations to the local D1 with wrangler itself (the same path `npm run deploy` uses remotely). */
export function migrateLocal(persistDir = DEFAULT_PERSIST_DIR): void {
  runWrangler(
    ['d1', 'migrations', 'apply', 'DB', '--local', '--persist-to', persistDir],
    'Applying migrations to the local database',
  );
}

/** Seeds the demo organisations into the local D1 (the same rows the tests seed through drizzle). */
export async function seedLocal(persistDir = DEFAULT_PERSIST_DIR): Promise<{ logins: DemoLogin[] }> {
  const { sql, logins } = await demoSeedSql();
  executeLocalSql(persistDir, sql, 'Seeding the local database');
  return { logins };
}

/** Runs SQL statements against the local D1 with wrangler (the seed, the bench's generated data). */
export function executeLocalSql(persistDir: string, sql: string, what: string, timeoutMs?: number) {
  const dir = mkdtempSync(join(tmpdir(), 'sidecar-sql-'));
  const file = join(dir, 'statements.sql');
  writeFileSync(file, sql);
  try {
    runWrangler(
      ['d1', 'execute', 'DB', '--local', '--persist-to', persistDir, '--file', file],
      what,
      timeoutMs,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
