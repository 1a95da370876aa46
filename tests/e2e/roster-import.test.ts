import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { formatDate } from '../../shared/locale-dates';
import type { launchWithExtension } from './extension-browser';
import {
  ensureFacility,
  eventually,
  openPanel,
  signIn as signInAs,
  signOut as signOutOf,
  text,
} from './panel';
import { overflowing } from './panel-tour';

// Roster import: a spreadsheet with a flagged cell, and a photographed roster read by OCR.
const api = inject('apiOrigin');

let browser: Awaited<ReturnType<typeof launchWithExtension>>;
let panel: Page;
const signIn = (email: string, password: string) => signInAs(panel, email, password);
const signOut = () => signOutOf(panel);

beforeAll(async () => {
  ({ browser, panel } = await openPanel(api));
  await ensureFacility(api, 'Willow Creek Care');
});
afterAll(() => browser?.close());

describe('roster import from the side panel', () => {
  it('imports a spreadsheet, fixes the flagged cell, commits, and finds the patients in the list', async () => {
    await signIn('clinic_admin@demo.test', 'sidecar-demo');
    await panel.getByRole('tab', { name: 'Patients' }).click();
    await panel.getByLabel('Facility', { exact: true }).selectOption({ label: 'Willow Creek Care' });
    await panel.getByRole('button', { name: 'Import roster' }).click();
    await panel
      .getByLabel('Choose roster file')
      .setInputFiles('tests/fixtures/rosters/roster-with-bad-date.xlsx');

    await eventually(() => panel.getByTestId('review-row').count()).toBe(3);
    expect(await text(panel.getByTestId('import-summary'))).toBe('3 rows · 3 to import · 1 need attention');
    // At panel widths the review is stacked rows: every column of a row is on screen, none behind a sideways scroll.
    for (const width of [320, 360, 400]) {
      await panel.setViewportSize({ width, height: 720 });
      expect(await overflowing(panel)).toEqual([]);
      const room = await panel.getByLabel('Room, row 3').boundingBox();
      expect(room && room.x >= 0 && room.x + room.width <= width).toBe(true);
    }
    await panel.setViewportSize({ width: 400, height: 720 });
    const badCell = panel.getByLabel('Date of birth, row 2');
    expect(await badCell.getAttribute('aria-invalid')).toBe('true');
    expect(await panel.getByRole('button', { name: 'Import 3 patients' }).isDisabled()).toBe(true);

    await badCell.fill('3/13/1940');
    await badCell.blur();
    await eventually(() => text(panel.getByTestId('import-summary'))).toBe(
      '3 rows · 3 to import · 0 need attention',
    );
    await panel.getByRole('button', { name: 'Import 3 patients' }).click();
    await eventually(() => text(panel.getByTestId('patients-message'))).toBe('3 patients imported.');
    // The list reloads after the import: wait for it rather than read it mid-way.
    const listed = () =>
      panel
        .getByTestId('patient-row')
        .allTextContents()
        .then((rows) => rows.join('|'));
    await eventually(listed).toContain('Rivers, Bob');
    // The date of birth as the browser's locale writes it.
    const locale = await panel.evaluate<string>('navigator.language');
    expect(await listed()).toContain(`Born ${formatDate('1940-03-13', locale)}`);
    expect(await listed()).toContain('Hill, Cy');
    await panel.screenshot({ path: '.tmp/e2e-patients.png', fullPage: true });

    // Services for several patients at once.
    await panel.getByLabel('Select Bob Rivers').check();
    await panel.getByLabel('Select Cy Hill').check();
    await panel.getByRole('button', { name: 'Services for 2 selected' }).click();
    await panel.getByLabel(/All healthcare services/).check();
    await panel.getByRole('button', { name: 'Save services' }).click();
    await eventually(() => text(panel.getByTestId('patients-message'))).toBe(
      'Services saved for 2 patients.',
    );
    await signOut();
  });
});

describe('roster photo from the side panel', () => {
  it('reads a photographed roster with the shipped OCR and imports it after review', async () => {
    await signIn('clinic_admin@demo.test', 'sidecar-demo');
    await panel.getByRole('tab', { name: 'Patients' }).click();
    await panel.getByLabel('Facility', { exact: true }).selectOption({ label: 'Willow Creek Care' });
    await panel.getByRole('button', { name: 'Import roster' }).click();
    await panel.getByLabel('Choose roster file').setInputFiles('tests/fixtures/rosters/printed-roster.png');
    await expect
      .poll(() => panel.getByTestId('review-row').count(), { timeout: 60_000, interval: 250 })
      .toBe(4);
    expect(await panel.getByLabel('Last name, row 1').inputValue()).toBe('Walker');
    expect(await panel.getByLabel('Date of birth, row 2').inputValue()).toBe('1932-12-31');
    await panel.getByRole('button', { name: 'Import 4 patients' }).click();
    await eventually(() => text(panel.getByTestId('patients-message'))).toBe('4 patients imported.');
    await signOut();
  }, 90_000);
});
