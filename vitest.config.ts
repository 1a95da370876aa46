import { fileURLToPath } from 'node:url';
import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-pool-workers';
import { defineConfig } from 'vitest/config';

// Worker tests run inside workerd against real D1 and R2 (Miniflare), with the
// very migration files wrangler applies (tests/worker/setup.ts).
export default defineConfig({
  plugins: [
    cloudflareTest(async () => ({
      main: './worker/index.ts',
      wrangler: { configPath: './wrangler.toml' },
      miniflare: {
        bindings: {
          // Outside services are never called from tests: a closed port answers "unreachable" at once.
          NPPES_API_URL: 'http://127.0.0.1:9/',
          TEST_MIGRATIONS: await readD1Migrations(fileURLToPath(new URL('./db/migrations', import.meta.url))),
        },
      },
    })),
  ],
  test: {
    include: ['tests/worker/**/*.test.ts'],
    // Starting workerd and loading the worker's module graph costs about 2 s a
    // file; one runtime for all files pays it once. Files run one after the
    // other and the setup empties storage before each, so no file sees
    // another's data (the pool's storage isolation is per runtime).
    isolate: false,
    maxWorkers: 1,
    setupFiles: ['./tests/worker/setup.ts'],
    // A real HTTP server in Node that webhook actions are delivered to (tests/worker/automation-webhooks.test.ts).
    globalSetup: ['./tests/worker/webhook-receiver.global.ts'],
    testTimeout: 20_000,
  },
});
