import { readFileSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchWithExtension, openSidePanel } from './extension-browser';
import { adminToken, connectAndSignIn, ensureFacility, eventually, text } from './panel';
import { overflowing } from './panel-tour';

const api = inject('apiOrigin');

/**
 * A census shown two pages at a time, served from the local server's address
 * (which the extension may read once asked there), against a facility whose
 * CRM record has three residents: Price stays, Evans moved rooms, Finch left;
 * Adams and Baker are new.
 */
const CENSUS = `${api}/e2e/ehr/birchwood/census`;
// Its own facility each run, so the flow starts from the same three residents however often it runs.
const FACILITY = `Birchwood Manor ${Date.now().toString(36)}`;

let browser: Awaited<ReturnType<typeof launchWithExtension>>;
let context: BrowserContext;
let panel: Page;
let facilityId: string;

async function asAdmin<T = { id: string }>(path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${api}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { Authorization: `Bearer ${await adminToken(api)}`, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

beforeAll(async () => {
  facilityId = await ensureFacility(api, FACILITY);
  for (const person of [
    {
      firstName: 'Walter',
      lastName: 'Price',
      dateOfBirth: '1938-03-14',
      roomNumber: '101-A',
      mrn: 'BW-1001',
    },
    { firstName: 'Dorothy', lastName: 'Evans', dateOfBirth: '1941-07-22', roomNumber: '102', mrn: 'BW-1002' },
    { firstName: 'Harold', lastName: 'Finch', dateOfBirth: '1936-11-02', roomNumber: '103', mrn: 'BW-0950' },
  ])
    await asAdmin('/api/v1/patients', { facilityId, ...person });
  // The facility's own checklist names what a discharge needs.
  const template = await asAdmin('/api/v1/checklist-templates/facility-override', { facilityId });
  await asAdmin(`/api/v1/checklist-templates/${template.id}/items`, {
    title: 'Discharge summary received',
    kind: 'document',
    required: true,
    appliesOn: 'discharge',
  });

  browser = await launchWithExtension();
  context = browser.context;
  const pages = [1, 2].map((n) => readFileSync(`tests/fixtures/page-reading/census-paged-${n}.html`, 'utf8'));
  await context.route(`${CENSUS}**`, (route) =>
    route.fulfill({
      body: new URL(route.request().url()).searchParams.get('page') === '2' ? pages[1] : pages[0],
      contentType: 'text/html; charset=utf-8',
    }),
  );
  panel = await openSidePanel(context, browser.extensionId);
  await connectAndSignIn(panel, api, 'clinic_admin@demo.test');
  await panel.getByRole('tab', { name: 'Patients' }).waitFor();
  // Chromium with the extension can take minutes to start on a loaded machine.
}, 300_000);
afterAll(() => browser?.close());

describe('a census on screen against the facility in the CRM', () => {
  it('reads both pages into one preview, confirms the admissions, the discharge and the room change, and shows the patients and tasks', async () => {
    const census = await context.newPage();
    await census.goto(`${CENSUS}?page=1`);
    await census.bringToFront();
    await panel.getByRole('tab', { name: 'Patients' }).click();
    await panel.getByLabel('Facility', { exact: true }).selectOption({ label: FACILITY });
    await panel.getByRole('button', { name: 'Import roster' }).click();
    await panel.getByRole('button', { name: 'Import the table on this page' }).click();
    await eventually(() => text(panel.getByTestId('import-summary'))).toBe(
      '2 rows · 2 to import · 0 need attention',
    );

    // The next page of the census, added to the same preview; its header row and Evans, shown on both pages, once.
    await census.locator('#next').click();
    await census.waitForURL(/page=2/);
    await panel.getByRole('button', { name: 'Add the next page' }).click();
    await eventually(() => text(panel.getByTestId('import-summary'))).toBe(
      '4 rows · 4 to import · 0 need attention',
    );
    expect(await text(panel.getByTestId('page-table-pages'))).toContain(
      '2 pages read: 2 new lines from this page, 2 already in left out.',
    );

    const diff = panel.getByTestId('roster-diff');
    await diff.waitFor();
    expect(await text(diff.getByTestId('diff-admissions').locator('legend'))).toBe('New on the roster (2)');
    expect(await text(diff.getByTestId('diff-discharges').locator('legend'))).toBe(
      'No longer on the roster (1)',
    );
    expect(await text(diff.getByTestId('diff-changes').locator('legend'))).toBe('Changed on the roster (1)');
    expect(await text(diff.getByTestId('diff-changes'))).toContain('room 102 → 108-B');
    // Nothing is confirmed until the person says so; a roster that names current patients is not imported as new.
    expect(await text(diff.getByTestId('diff-confirmed'))).toBe('0 confirmed');
    expect(await panel.getByRole('button', { name: 'Apply 0 confirmed' }).isDisabled()).toBe(true);
    expect(await panel.getByRole('button', { name: /^Import \d+ patients?$/ }).count()).toBe(0);

    // The groups fit every panel width, nothing wider than the panel.
    for (const width of [320, 400, 480]) {
      await panel.setViewportSize({ width, height: 720 });
      expect(await overflowing(panel)).toEqual([]);
    }
    await diff.getByRole('button', { name: 'Confirm all 2 admissions' }).click();
    // Keyboard: the discharge's checkbox ticked with the space bar.
    await diff.getByLabel('Discharge Finch, Harold').focus();
    await panel.keyboard.press('Space');
    await diff.getByLabel('Update Evans, Dorothy').check();
    expect(await text(diff.getByTestId('diff-confirmed'))).toBe('4 confirmed');
    await panel.getByRole('button', { name: 'Apply 4 confirmed' }).click();

    // Two admissions get the facility checklist's onboarding items; the discharge its discharge task.
    const template = await asAdmin<{ items: { appliesOn: string }[] }>(
      `/api/v1/checklist-templates?facilityId=${facilityId}`,
    );
    const onboarding = template.items.filter((i) => i.appliesOn === 'enrollment').length;
    await eventually(() => text(panel.getByTestId('patients-message'))).toBe(
      `2 patients admitted, 1 discharged, 1 updated; ${onboarding * 2 + 1} checklist tasks added.`,
    );
    const listed = () =>
      panel
        .getByTestId('patient-row')
        .allTextContents()
        .then((rows) => rows.join('|'));
    await eventually(listed).toContain('Adams, Grace');
    expect(await listed()).toContain('Baker, Louis');
    expect(await listed()).toMatch(/Finch, Harold[^|]*Completed/);
    expect(await listed()).toMatch(/Evans, Dorothy[^|]*Room 108-B/);

    await panel.getByRole('button', { name: /Adams, Grace/ }).click();
    await eventually(() => panel.getByTestId('checklist-item').count()).toBe(onboarding);
    await panel.getByRole('button', { name: '← All patients' }).click();
    await panel.getByRole('button', { name: /Finch, Harold/ }).click();
    await eventually(() => text(panel.getByTestId('checklist'))).toContain('Discharge summary received');
    await census.close();
  });
});
