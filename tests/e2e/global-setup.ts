import { existsSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { startLocalWorker } from '../../scripts/local-worker';
import { startNppesStandIn } from './nppes-stand-in';

export default async function setup(project: TestProject) {
  if (!existsSync('.output/chrome-mv3/manifest.json')) {
    throw new Error(
      'The extension is not built: run `npm run build:extension` (npm run test:e2e does it for you).',
    );
  }
  // `/__scheduled` runs the cron handler on request (the automations flow).
  const registry = await startNppesStandIn();
  const worker = await startLocalWorker({ testScheduled: true, vars: { NPPES_API_URL: registry.url } }).catch(
    async (e: unknown) => {
      await registry.close();
      throw e;
    },
  );
  project.provide('apiOrigin', worker.origin);
  return async () => {
    await worker.dispose();
    await registry.close();
  };
}
