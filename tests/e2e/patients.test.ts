import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { launchWithExtension } from './extension-browser';
import {
  ensureFacility,
  ensurePatients,
  eventually,
  openPanel,
  signIn as signInAs,
  signOut as signOutOf,
  text,
} from './panel';

// One patient at a time: the likely-duplicate warning and editing a patient, payer and physician included.
const api = inject('apiOrigin');

let browser: Awaited<ReturnType<typeof launchWithExtension>>;
let panel: Page;
const signIn = (email: string, password: string) => signInAs(panel, email, password);
const signOut = () => signOutOf(panel);

beforeAll(async () => {
  ({ browser, panel } = await openPanel(api));
  const facilityId = await ensureFacility(api, 'Willow Creek Care');
  await ensurePatients(api, facilityId, [{ firstName: 'Cy', lastName: 'Hill', dateOfBirth: '1944-06-19' }]);
});
afterAll(() => browser?.close());

describe('one patient at a time', () => {
  it('offers to open the existing patient on a likely duplicate, then edits them', async () => {
    await signIn('clinic_admin@demo.test', 'sidecar-demo');
    await panel.getByRole('tab', { name: 'Patients' }).click();
    await panel.getByLabel('Facility', { exact: true }).selectOption({ label: 'Willow Creek Care' });
    await panel.getByRole('button', { name: 'Add patient' }).click();
    await panel.getByLabel('First name').fill('cy');
    await panel.getByLabel('Last name').fill('HILL');
    await panel.getByLabel('Date of birth').fill('1944-06-19');
    await panel.getByRole('button', { name: 'Save patient' }).click();
    await eventually(() => text(panel.getByTestId('duplicate-warning'))).toContain(
      'is already a patient at this facility',
    );
    await panel.getByRole('button', { name: 'Open existing' }).click();
    await panel.getByTestId('patient-detail').waitFor();
    await panel.getByRole('button', { name: 'Edit' }).click();
    await panel.getByLabel('Room').fill('9');
    await panel.getByLabel('Payer').fill('Medicare A');
    await panel.getByLabel('Attending physician').fill('Dr. Shah');
    await panel.getByRole('button', { name: 'Save patient' }).click();
    await eventually(() => text(panel.getByTestId('patient-message'))).toBe('Changes saved.');
    expect(await text(panel.getByTestId('patient-detail'))).toContain('Room 9');
    expect(await text(panel.getByTestId('patient-detail'))).toContain(
      'Payer: Medicare A · Attending physician: Dr. Shah',
    );
    await signOut();
  });
});
