import { defineConfig } from 'vitest/config';

// Node-side tests: the libSQL path of the data layer and scripts.
export default defineConfig({
  test: {
    include: ['tests/node/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
  },
});
