import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ROSTER_OCR_TRACE } from '../../scripts/bench-roster-ocr';
import type { launchWithExtension } from './extension-browser';
import { ensureFacility, openPanel, signIn, signOut } from './panel';

// How long a person waits in the panel for a photographed roster to be read:
// from choosing the photo to its rows in the review, with the shipped OCR in
// real Chromium. `npm run bench` prints what this test records.
const api = inject('apiOrigin');
const DIR = 'tests/fixtures/accuracy/rosters';
/** A clean print, a photo read in one pass, a grainy two-table photo that needs the second pass. */
const IMAGES = ['clean-01-bordered', 'photo-03-split-name', 'photo-12-two-up'];

let browser: Awaited<ReturnType<typeof launchWithExtension>>;
let panel: Page;

beforeAll(async () => {
  ({ browser, panel } = await openPanel(api));
  await ensureFacility(api, 'Willow Creek Care');
});
afterAll(() => browser?.close());

describe('roster photo reading time in the panel', () => {
  it('reads each photo into the review and records how long it took', async () => {
    await signIn(panel, 'clinic_admin@demo.test', 'sidecar-demo');
    await panel.getByRole('tab', { name: 'Patients' }).click();
    await panel.getByLabel('Facility', { exact: true }).selectOption({ label: 'Willow Creek Care' });
    await panel.getByRole('button', { name: 'Import roster' }).click();
    const timings: { image: string; ms: number }[] = [];
    for (const image of IMAGES) {
      const truth = JSON.parse(readFileSync(`${DIR}/${image}.json`, 'utf8')) as {
        rows: { lastName: string }[];
      };
      const started = Date.now();
      await panel.getByLabel('Choose roster file').setInputFiles(`${DIR}/${image}.png`);
      // The review shows this photo's first resident (the one before it showed another's).
      await expect
        .poll(
          async () =>
            (await panel.getByTestId('review-row').count()) === truth.rows.length &&
            (await panel.getByLabel('Last name, row 1').inputValue()).toLowerCase(),
          { timeout: 60_000, interval: 50 },
        )
        .toBe(truth.rows[0]!.lastName.toLowerCase());
      timings.push({ image, ms: Date.now() - started });
    }
    mkdirSync('.tmp/traces', { recursive: true });
    // The machine's load beside the times: on a shared machine the same read takes several times longer.
    writeFileSync(
      ROSTER_OCR_TRACE,
      JSON.stringify({ timings, at: new Date(), load: loadavg()[0], cores: cpus().length }),
    );
    console.info(`roster photo → review: ${timings.map((t) => `${t.image} ${t.ms} ms`).join(', ')}`);
    await panel.getByRole('button', { name: 'Cancel import' }).click();
    await signOut(panel);
  }, 240_000);
});
