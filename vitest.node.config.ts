import { defineConfig } from 'vitest/config';

// Tests that need neither workerd nor a running worker nor a browser: pure
// functions of the worker, the extension and shared code, the libSQL path of
// the data layer, and scripts.
export default defineConfig({
  test: {
    include: ['tests/node/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
  },
});
