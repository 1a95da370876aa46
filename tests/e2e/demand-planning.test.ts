import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { launchWithExtension } from './extension-browser';
import {
  adminToken,
  ensureAllServices,
  ensureFacility,
  ensurePatients,
  eventually,
  openPanel,
  signIn,
  signOut,
  text,
} from './panel';

// Demand planning from the side panel, and a facility with no categories
// offering nothing until they are chosen.
const api = inject('apiOrigin');

let browser: Awaited<ReturnType<typeof launchWithExtension>>;
let panel: Page;
const blankName = `Blank Page Home ${Date.now()}`;

async function post(path: string, body: unknown) {
  const res = await fetch(`${api}${path}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${await adminToken(api)}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  return (await res.json()) as { id: string };
}

beforeAll(async () => {
  ({ browser, panel } = await openPanel(api));
  const facilityId = await ensureFacility(api, 'Willow Creek Care');
  await ensurePatients(api, facilityId, [{ firstName: 'Ada', lastName: 'Tour', dateOfBirth: '1941-02-03' }]);
  await ensureAllServices(api, facilityId);
  const blank = await post('/api/v1/facilities', {
    name: blankName,
    address: { line1: '10 Oak St', city: 'Denver', state: 'CO', postalCode: '80202' },
  });
  await post('/api/v1/patients', {
    facilityId: blank.id,
    firstName: 'Nora',
    lastName: 'Nocat',
    dateOfBirth: '1944-04-04',
  });
});
afterAll(() => browser?.close());

describe('demand planning', () => {
  it('shows demand per category, service, facility and month, filtered by category', async () => {
    await signIn(panel, 'clinic_admin@demo.test', 'sidecar-demo');
    await panel.getByRole('tab', { name: 'Facilities' }).click();
    await panel.getByRole('button', { name: 'Demand planning' }).click();
    const categories = panel.getByTestId('demand-categories');
    await eventually(() => text(categories)).toMatch(/Pharmacy\d+ patients? · \d+ services? · \d+ facilit/);
    expect(await text(panel.getByTestId('demand-facilities'))).toContain('Willow Creek Care');
    expect(await panel.getByTestId('demand-months').locator('svg rect').count()).toBe(12);

    await panel.getByLabel('Service category').selectOption({ label: 'Pharmacy' });
    await eventually(() => text(categories)).not.toContain('Medical');
    expect(await text(panel.getByTestId('demand-services'))).toContain('Medication dispensing');
    await panel.getByLabel('Months').selectOption({ label: '6 months' });
    await eventually(() => panel.getByTestId('demand-months').locator('svg rect').count()).toBe(6);
    expect(await text(panel.getByTestId('demand-months'))).toContain('Pharmacy patients per month');
    await signOut(panel);
  });

  it('offers no services at a facility whose categories are not chosen yet', async () => {
    await signIn(panel, 'clinic_admin@demo.test', 'sidecar-demo');
    await panel.getByRole('tab', { name: 'Patients' }).click();
    await panel.getByLabel('Facility', { exact: true }).selectOption({ label: blankName });
    await panel.getByTestId('patient-row').locator('.row-link').first().click();
    await eventually(() => text(panel.getByTestId('no-service-categories'))).toContain(
      "Choose this facility's service categories first",
    );
    expect(await panel.getByRole('button', { name: 'Save services' }).count()).toBe(0);
    await signOut(panel);
  });

  it('is not offered to a provider', async () => {
    await signIn(panel, 'provider@demo.test', 'sidecar-demo');
    await panel.getByRole('tab', { name: 'Facilities' }).click();
    await panel.getByTestId('facility-row').first().waitFor();
    expect(await panel.getByRole('button', { name: 'Demand planning' }).count()).toBe(0);
    await signOut(panel);
  });
});
