import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchWithExtension, openSidePanel } from './extension-browser';
import { connectAndSignIn, eventually, text } from './panel';

const api = inject('apiOrigin');
const ROWS = 130;

let browser: Awaited<ReturnType<typeof launchWithExtension>>;
let context: BrowserContext;
let panel: Page;

beforeAll(async () => {
  browser = await launchWithExtension();
  context = browser.context;
  panel = await openSidePanel(context, browser.extensionId);
  await connectAndSignIn(panel, api, 'treatment_coordinator@demo.test');
  await panel.getByRole('tab', { name: 'Leads' }).click();
});
afterAll(() => browser?.close());

/** A list exported from another CRM: its own column titles, one row that cannot be a lead. */
const exported = () =>
  [
    'Full Name,E-mail,Mobile,Lead Source',
    ...Array.from({ length: ROWS }, (_, i) => `Pager${i} Import,pager${i}@example.test,,Web form`),
    'Nobody Reachable,,,Web form',
  ].join('\n');

describe('importing a lead list, then scrolling a long list', () => {
  it('previews the file with its problem on the cell, leaves the bad row out and imports the rest', async () => {
    await panel.getByRole('button', { name: 'Import leads' }).click();
    await panel.getByLabel('Choose lead list file').setInputFiles({
      name: 'oldcrm-export.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(exported()),
    });
    const summary = panel.getByTestId('lead-import-summary');
    await summary.waitFor();
    expect(await text(summary)).toContain(`${ROWS + 1} rows · ${ROWS} ready · 1 with errors`);
    expect(await text(panel.getByTestId('lead-import-problems'))).toContain(
      `Line ${ROWS + 2}, Email: Give an email address or a phone number`,
    );
    const importButton = panel.getByRole('button', { name: `Import ${ROWS} leads` });
    expect(await importButton.isDisabled()).toBe(true);
    await panel.getByLabel('Leave out the 1 row with errors').check();
    await importButton.click();
    await eventually(() => text(panel.getByTestId('leads-message'))).toContain(`Imported ${ROWS} leads`);
  });

  it('loads the next page as the end of the list scrolls into view, and from the keyboard', async () => {
    const rows = panel.getByTestId('lead-row');
    await eventually(() => rows.count()).toBeGreaterThanOrEqual(50);
    const first = await rows.count();
    await rows.nth(first - 1).scrollIntoViewIfNeeded();
    await eventually(() => rows.count()).toBeGreaterThan(first);
    const loaded = await rows.count();
    // Without scrolling: the "Load more" button is reachable and works from the keyboard.
    const more = panel.getByRole('button', { name: 'Load more' });
    await more.focus();
    await panel.keyboard.press('Enter');
    await eventually(() => rows.count()).toBeGreaterThan(loaded);
  });
});
