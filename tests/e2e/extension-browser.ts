import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { findChromium } from '../../scripts/chromium-path.mjs';

const EXTENSION_DIR = resolve('.output/chrome-mv3');

/** Debian's Chromium with the built extension loaded, in a throwaway profile. */
export async function launchWithExtension(): Promise<{
  context: BrowserContext;
  extensionId: string;
  close: () => Promise<void>;
}> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error('Chromium not found: run `node scripts/ensure-chromium.mjs`.');
  const profile = mkdtempSync(join(tmpdir(), 'sidecar-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: false,
    // About the width of Chrome's side panel.
    viewport: { width: 400, height: 720 },
    args: [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      `--disable-extensions-except=${EXTENSION_DIR}`,
      `--load-extension=${EXTENSION_DIR}`,
    ],
  });
  // Fail fast instead of waiting minutes on a browser that is not answering.
  context.setDefaultTimeout(15_000);
  const worker =
    context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    extensionId,
    async close() {
      // A browser that does not close in 10 s must not hold the test run.
      await Promise.race([context.close(), new Promise((resolve) => setTimeout(resolve, 10_000))]);
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

const panels = new Set<Page>();

/** The side panels this test file has open, for the report on a failed test (report-failures.ts). */
export const openPanels = () => [...panels].filter((p) => !p.isClosed());

export async function openSidePanel(context: BrowserContext, extensionId: string): Promise<Page> {
  const page = await context.newPage();
  panels.add(page);
  page.on('close', () => panels.delete(page));
  await page.goto(`chrome-extension://${extensionId}/sidepanel.html`);
  // The panel is ready when it has drawn the sign-in screen with the server address.
  await page
    .getByTestId('server-url')
    .filter({ hasText: /^https?:/ })
    .waitFor({ timeout: 30_000 });
  return page;
}
