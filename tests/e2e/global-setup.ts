import { existsSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { startLocalWorker } from '../../scripts/local-worker';

export default async function setup(project: TestProject) {
  if (!existsSync('.output/chrome-mv3/manifest.json')) {
    throw new Error(
      'The extension is not built: run `npm run build:extension` (npm run test:e2e does it for you).',
    );
  }
  const worker = await startLocalWorker();
  project.provide('apiOrigin', worker.origin);
  return () => worker.dispose();
}
