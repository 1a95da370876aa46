import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { dateFieldMessage } from '../../shared/locale-dates';
import type { launchWithExtension } from './extension-browser';
import {
  adminToken,
  ensureFacility,
  ensureLead,
  ensurePatients,
  eventually,
  openPanel,
  signIn as signInAs,
  signOut as signOutOf,
  text,
} from './panel';

// Controls that match the role, counts that follow the change, dates as the reader writes them.
const api = inject('apiOrigin');

let browser: Awaited<ReturnType<typeof launchWithExtension>>;
let panel: Page;
const signIn = (email: string) => signInAs(panel, email, 'sidecar-demo');
const signOut = () => signOutOf(panel);

beforeAll(async () => {
  ({ browser, panel } = await openPanel(api));
  const facilityId = await ensureFacility(api, 'Willow Creek Care');
  await ensurePatients(api, facilityId, [
    { firstName: 'Rhea', lastName: 'Rolecheck', dateOfBirth: '1939-07-08' },
  ]);
  await ensureLead(api, { firstName: 'Cora', lastName: 'Countcheck', email: 'cora.countcheck@example.test' });
  // A form for the read-only user to see in the list (a name clash on a second run is fine).
  await fetch(`${api}/api/v1/intake-templates`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${await adminToken(api)}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ name: 'Role check form' }),
  });
});
afterAll(() => browser?.close());

async function openPatients() {
  await panel.getByRole('tab', { name: 'Patients' }).click();
  await panel.getByLabel('Facility', { exact: true }).selectOption({ label: 'Willow Creek Care' });
}

/** "(3 open)" of a coordinator's option, as a number. */
const openCount = (option: string | null) => Number(/\((\d+) open\)/.exec(option ?? '')?.[1]);

describe('controls that match the role', () => {
  it('offers front desk no status override and no tracker status menus, only discharge', async () => {
    await signIn('front_desk@demo.test');
    await openPatients();
    await panel.getByRole('button', { name: 'Tracker' }).click();
    const row = panel.getByTestId('tracker-row').filter({ hasText: 'Rolecheck, Rhea' });
    await row.waitFor();
    expect(await row.getByLabel('Status of Rhea Rolecheck', { exact: true }).count()).toBe(0);
    expect(await text(row.locator('td[data-label="Status"]'))).toBe('Not started');
    // Front desk edits patients: the visit preference stays a menu.
    expect(await row.getByLabel('Visit preference of Rhea Rolecheck').count()).toBe(1);
    await row.getByRole('button', { name: 'Rolecheck, Rhea' }).click();
    await panel.getByTestId('checklist').waitFor();
    expect(await panel.getByLabel('Set status').count()).toBe(0);
    expect(await panel.getByRole('heading', { name: 'Discharge', exact: true }).count()).toBe(1);
    await signOut();
  });

  it('shows a read-only user forms that do not look clickable and a pending pool that says what it is for', async () => {
    await signIn('read_only@demo.test');
    await panel.getByRole('tab', { name: 'Intake' }).click();
    const forms = panel.getByTestId('template-list');
    await forms.waitFor();
    await eventually(() => forms.getByTestId('template-row').count()).toBeGreaterThan(0);
    expect(await forms.getByRole('button').count()).toBe(0);

    await openPatients();
    await panel.getByRole('button', { name: 'Pending pool' }).click();
    await panel.getByTestId('pool-read-only').waitFor();
    expect(await panel.getByTestId('pending-pool').getByRole('combobox').count()).toBe(0);
    expect(await panel.getByRole('button', { name: 'Review assignment' }).count()).toBe(0);
    await signOut();
  });
});

describe('counts follow the change', () => {
  it("updates a coordinator's open leads once a lead is assigned to them", async () => {
    await signIn('clinic_admin@demo.test');
    await panel.getByRole('tab', { name: 'Leads' }).click();
    await panel.getByLabel('Search leads').fill('Countcheck');
    await panel.getByRole('button', { name: /^Cora Countcheck/ }).click();
    const select = panel.getByLabel('Coordinator', { exact: true });
    await select.waitFor();
    const current = await select.inputValue();
    const options = select.locator('option:not([disabled])');
    await eventually(() => options.count()).toBeGreaterThan(0);
    // A coordinator this lead is not with yet.
    const values = await options.evaluateAll((list) => list.map((o) => (o as { value: string }).value));
    const target = values.find((v) => v && v !== current)!;
    const option = select.locator(`option[value="${target}"]`);
    const before = openCount(await option.textContent());
    await select.selectOption(target);
    await eventually(() => text(panel.getByText('Coordinator assigned.'))).toBe('Coordinator assigned.');
    await eventually(async () => openCount(await option.textContent())).toBe(before + 1);
    await signOut();
  });
});

describe('dates as the reader writes them', () => {
  it('says what a date field needs in the locale’s own pattern, never YYYY-MM-DD', async () => {
    await signIn('clinic_admin@demo.test');
    await openPatients();
    await panel.getByRole('button', { name: 'Add patient' }).click();
    await panel.getByLabel('First name').fill('Dana');
    await panel.getByLabel('Last name').fill('Datecheck');
    await panel.getByRole('button', { name: 'Save patient' }).click();
    const locale = await panel.evaluate<string>('navigator.language');
    await eventually(() => text(panel.locator('#p-dob-error'))).toBe(dateFieldMessage(locale));
    expect(await text(panel.locator('form'))).not.toContain('YYYY-MM-DD');
    await signOut();
  });
});
