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
// A second facility, where a resident left and came back and another's row has a bad date.
const RETURN_FACILITY = `Return Court ${Date.now().toString(36)}`;
const returning: Record<string, string> = {};

/** Amy Stone and Dina Cole current, Bert Hale discharged, at the second facility. */
async function setUpReturnCourt() {
  const returnId = await ensureFacility(api, RETURN_FACILITY);
  for (const [key, person] of Object.entries({
    stone: { firstName: 'Amy', lastName: 'Stone', dateOfBirth: '1944-04-04', roomNumber: '201' },
    cole: { firstName: 'Dina', lastName: 'Cole', dateOfBirth: '1939-03-03', roomNumber: '202' },
    hale: { firstName: 'Bert', lastName: 'Hale', dateOfBirth: '1935-05-05', roomNumber: '105' },
  }))
    returning[key] = (await asAdmin('/api/v1/patients', { facilityId: returnId, ...person })).id;
  await asAdmin('/api/v1/patients/import/apply', {
    facilityId: returnId,
    source: 'json',
    discharges: [{ patientId: returning.hale }],
  });
}

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

  await setUpReturnCourt();
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

  it('offers a discharged resident back as a readmission, and shows a row with a bad date as could not compare', async () => {
    const facility = RETURN_FACILITY;
    const made = returning;
    const page = `${api}/e2e/ehr/return-court/census`;
    await context.route(page, (route) =>
      route.fulfill({
        contentType: 'text/html; charset=utf-8',
        body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Census - ${facility}</title></head><body>
<table><thead><tr><th>Resident Name</th><th>Rm/Bed</th><th>Birth Date</th></tr></thead><tbody>
<tr><td>STONE, AMY</td><td>201</td><td>04/04/1944</td></tr>
<tr><td>HALE, BERT</td><td>305</td><td>05/05/1935</td></tr>
<tr><td>COLE, DINA</td><td>202</td><td>31/31/1939</td></tr>
</tbody></table></body></html>`,
      }),
    );
    const census = await context.newPage();
    await census.goto(page);
    await census.bringToFront();
    await panel.getByRole('tab', { name: 'Patients' }).click();
    // The flow before left a patient's page open.
    const back = panel.getByRole('button', { name: '← All patients' });
    if (await back.count()) await back.click();
    await panel.getByLabel('Facility', { exact: true }).selectOption({ label: facility });
    await panel.getByRole('button', { name: 'Import roster' }).click();
    await panel.getByRole('button', { name: 'Import the table on this page' }).click();

    const diff = panel.getByTestId('roster-diff');
    await diff.waitFor();
    expect(await text(diff.getByTestId('diff-readmissions').locator('legend'))).toBe(
      'Back on the roster (1)',
    );
    expect(await text(diff.getByTestId('diff-readmissions'))).toContain('room 305');
    // Dina Cole's row has a bad date: shown by name, and she is not proposed for discharge.
    const unread = diff.getByTestId('diff-could-not-compare');
    expect(await text(unread.locator('legend'))).toBe('Could not compare (1)');
    expect(await text(unread)).toContain('Row 3: Cole, Dina');
    expect(await text(unread)).toContain('is not a date');
    expect(await text(diff.getByTestId('diff-discharges').locator('legend'))).toBe(
      'No longer on the roster (0)',
    );
    expect(await text(diff.getByTestId('diff-admissions').locator('legend'))).toBe('New on the roster (0)');
    for (const width of [320, 400, 480]) {
      await panel.setViewportSize({ width, height: 720 });
      expect(await overflowing(panel)).toEqual([]);
    }

    await diff.getByLabel('Readmit Hale, Bert').check();
    await panel.getByRole('button', { name: 'Apply 1 confirmed' }).click();
    await eventually(() => text(panel.getByTestId('patients-message'))).toBe('1 readmitted.');
    const hale = await asAdmin<{ enrollmentStatus: string; roomNumber: string }>(
      `/api/v1/patients/${made.hale}`,
    );
    expect(hale.enrollmentStatus).not.toBe('completed');
    expect(hale.roomNumber).toBe('305');
    const cole = await asAdmin<{ enrollmentStatus: string }>(`/api/v1/patients/${made.cole}`);
    expect(cole.enrollmentStatus).not.toBe('completed');
    await census.close();
  });
});
