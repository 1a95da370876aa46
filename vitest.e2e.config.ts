import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * The panel flows share one worker and build on each other's data (the
 * facility onboarded first is the one rosters are imported into), so a whole
 * run takes them in this order; a file run on its own makes what it needs
 * through the API (tests/e2e/panel.ts).
 */
const FLOW_ORDER = ['sign-in', 'facility-onboarding', 'roster-import', 'patients', 'checklists-and-pool'].map(
  (name) => `/tests/e2e/${name}.test.ts`,
);

class FlowOrder extends BaseSequencer {
  override async sort(files: TestSpecification[]) {
    const rank = (file: TestSpecification) => {
      const at = FLOW_ORDER.findIndex((suffix) => file.moduleId.endsWith(suffix));
      return at === -1 ? FLOW_ORDER.length : at;
    };
    return (await super.sort(files)).sort((a, b) => rank(a) - rank(b));
  }
}

// Extension tests that need the built extension, Chromium or the real API
// (background logic), and browser end-to-end tests (the built extension in real
// Chromium), all against one real worker started by the global setup. Pure
// extension tests run in Node (vitest.node.config.ts).
export default defineConfig({
  test: {
    include: ['tests/extension/**/*.test.ts', 'tests/e2e/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['./tests/e2e/global-setup.ts'],
    setupFiles: ['./tests/e2e/report-failures.ts'],
    sequence: { sequencer: FlowOrder },
    testTimeout: 60_000,
    hookTimeout: 120_000,
    teardownTimeout: 20_000,
    fileParallelism: false,
  },
});
