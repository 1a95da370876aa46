import { defineConfig } from 'vitest/config';

// Extension tests that need the built extension, Chromium or the real API
// (background logic), and browser end-to-end tests (the built extension in real
// Chromium), all against one real worker started by the global setup. Pure
// extension tests run in Node (vitest.node.config.ts).
export default defineConfig({
  test: {
    include: ['tests/extension/**/*.test.ts', 'tests/e2e/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['./tests/e2e/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    teardownTimeout: 20_000,
    fileParallelism: false,
  },
});
