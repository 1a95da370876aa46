import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unstable_DevEnv } from 'wrangler';
import { executeLocalSql, migrateLocal, seedLocal } from './local-db';

/**
 * A real worker (wrangler + workerd, local D1 and R2) on a fresh, migrated and
 * seeded database (plus `extraSql`), on a free loopback port. For browser tests and the bench.
 */
export async function startLocalWorker(
  options: {
    extraSql?: string;
    extraSqlTimeoutMs?: number;
    testScheduled?: boolean;
    /** Plain-text vars over wrangler.toml's (outside services' addresses pointed at local stand-ins). */
    vars?: Record<string, string>;
  } = {},
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
  // Requests go straight to the worker's own runtime, not through wrangler's dev proxy.
  // The proxy keeps a pooled connection to the runtime that both sides close after 5 s idle;
  // a request written as it closes is lost (cloudflare/workers-sdk#14641, #15317): a GET is
  // parked until some other request arrives (a screen stuck on "Loading…" for 12 s in a
  // browser test), a POST answers 503 "Your worker restarted mid-request". Tests that
  // wait on the first and fail on the second are testing wrangler, not Sidecar.
  const devEnv = new unstable_DevEnv();
  const runtimeOrigin = new Promise<string>((resolve) => {
    const dispatch = devEnv.dispatch.bind(devEnv);
    devEnv.dispatch = (event) => {
      if (event.type === 'reloadComplete') {
        const { protocol, hostname, port } = event.proxyData.userWorkerUrl;
        resolve(`${protocol}//${hostname}:${port}`);
      }
      dispatch(event);
    };
  });
  const starting = devEnv.startWorker({
    config: 'wrangler.toml',
    bindings: Object.fromEntries(
      Object.entries(options.vars ?? {}).map(([name, value]) => [name, { type: 'plain_text', value }]),
    ),
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
  const [worker, origin] = await Promise.race([
    Promise.all([starting, runtimeOrigin]),
    new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error('The local worker did not start within 60 s')), 60_000).unref(),
    ),
  ]);
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
