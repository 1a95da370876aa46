import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { buildIntakeClient } from '../../scripts/build-intake-client';
import { INTAKE_CLIENT_SCRIPT } from '../../worker/pages/intake-form/generated/client-bundle';

describe('the public intake page script', () => {
  it('is committed as built from its sources (run `npx tsx scripts/build-intake-client.ts` when this fails)', async () => {
    expect(INTAKE_CLIENT_SCRIPT).toBe(await buildIntakeClient());
  });

  it('type-checks against the DOM library (the worker tsconfig has no DOM and leaves it out)', () => {
    const tsc = execFileSync(
      process.execPath,
      ['node_modules/typescript/bin/tsc', '--noEmit', '-p', 'worker/pages/intake-form/client/tsconfig.json'],
      { encoding: 'utf8', stdio: 'pipe' },
    );
    expect(tsc).toBe('');
  });

  it('stays small: under 12 KB gzip of the 50 KB page budget', async () => {
    const { gzipSync } = await import('node:zlib');
    expect(gzipSync(INTAKE_CLIENT_SCRIPT).length).toBeLessThan(12 * 1024);
  });
});
