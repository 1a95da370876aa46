import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unstable_startWorker } from 'wrangler';
import { executeLocalSql, migrateLocal, seedLocal } from './local-db';

/**
 * A real worker (wrangler + workerd, local D1 and R2) on a fresh, migrated and
 * seeded database (plus `extraSql`), on a free loopback port. For browser tests and the bench.
 */
export async function startLocalWorker(
  options: { extraSql?: string; extraSqlTimeoutMs?: number; testScheduled?: boolean } = {},
) {
  const dir = mkdtempSync(join(tmpdir(), 'sidecar-worker-'));
  migrateLocal(dir);
  await seedLocal(dir);
  // Bulk rows a scenario needs (the bench's records requests, patients, cases),
  // written before the runtime opens the database; how long it took is answered.
  const started = performance.now();
  if (options.extraSql)
    executeLocalSql(dir, options.extraSql, 'Adding the scenario rows', options.extraSqlTimeoutMs);
  const extraSqlMs = performance.now() - started;
  process.env.WRANGLER_SEND_METRICS = 'false';
  // The runtime's own log level follows wrangler's, not `dev.logLevel`: without this, Miniflare
  // prints an info line ("QUEUE sidecar-automation-sends 50/50") for every queue batch delivered.
  process.env.WRANGLER_LOG ??= 'warn';
  process.env.CLOUDFLARE_CF_FETCH_ENABLED = 'false';
  const starting = unstable_startWorker({
    config: 'wrangler.toml',
    dev: {
      persist: dir,
      server: { hostname: '127.0.0.1', port: 0 },
      inspector: false,
      watch: false,
      logLevel: 'warn',
      // `/__scheduled` runs the cron handler on request (the automation bench).
      testScheduled: options.testScheduled ?? false,
    },
  });
  // Never wait forever for the local runtime: a test run must fail, not hang.
  const worker = await Promise.race([
    starting,
    new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error('The local worker did not start within 60 s')), 60_000).unref(),
    ),
  ]);
  const origin = (await worker.url).origin;
  return {
    origin,
    persistDir: dir,
    extraSqlMs,
    async dispose() {
      await Promise.race([worker.dispose(), new Promise((resolve) => setTimeout(resolve, 10_000).unref())]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
