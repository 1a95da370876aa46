import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unstable_startWorker } from 'wrangler';
import { migrateLocal, seedLocal } from './local-db';

/**
 * A real worker (wrangler + workerd, local D1 and R2) on a fresh, migrated and
 * seeded database, on a free loopback port. For browser tests and the bench.
 */
export async function startLocalWorker() {
  const dir = mkdtempSync(join(tmpdir(), 'sidecar-worker-'));
  migrateLocal(dir);
  await seedLocal(dir);
  process.env.WRANGLER_SEND_METRICS = 'false';
  process.env.CLOUDFLARE_CF_FETCH_ENABLED = 'false';
  const worker = await unstable_startWorker({
    config: 'wrangler.toml',
    dev: {
      persist: dir,
      server: { hostname: '127.0.0.1', port: 0 },
      inspector: false,
      watch: false,
      logLevel: 'warn',
    },
  });
  const origin = (await worker.url).origin;
  return {
    origin,
    async dispose() {
      await worker.dispose();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
