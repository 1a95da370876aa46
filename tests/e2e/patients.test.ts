import { createHmac } from 'node:crypto';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DEMO_ORGS } from '../../scripts/seed-demo';
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

  it('shows on the patient’s page a text they sent from their own number', async () => {
    await signIn('clinic_admin@demo.test', 'sidecar-demo');
    await panel.getByRole('tab', { name: 'Patients' }).click();
    await panel.getByLabel('Facility', { exact: true }).selectOption({ label: 'Willow Creek Care' });
    const row = panel.getByTestId('patient-row').filter({ hasText: 'Hill, Cy' });
    await row.locator('.row-link').click();
    await panel.getByTestId('patient-detail').waitFor();
    await panel.getByRole('button', { name: 'Edit' }).click();
    await panel.getByLabel('Phone (optional)').fill('(512) 555-0177');
    await panel.getByRole('button', { name: 'Save patient' }).click();
    await eventually(() => text(panel.getByTestId('patient-texts'))).toContain(
      'No texts from (512) 555-0177 yet',
    );

    // The patient replies to the practice's number: the SMS provider calls the webhook, signed as Twilio signs.
    const url = `${api}/webhooks/sms/${DEMO_ORGS.demo.id}`;
    const params = { From: '+15125550177', Body: 'Can my daughter visit on Sunday?', MessageSid: 'SM-E2E-1' };
    const signed = Object.keys(params)
      .sort()
      .map((k) => k + params[k as keyof typeof params])
      .join('');
    const res = await fetch(url, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded',
        'X-Twilio-Signature': createHmac('sha1', 'dev-only-twilio-auth-token')
          .update(url + signed)
          .digest('base64'),
      },
      body: new URLSearchParams(params).toString(),
    });
    expect(res.status).toBe(200);

    await panel.getByRole('button', { name: '← All patients' }).click();
    await row.locator('.row-link').click();
    await eventually(async () => (await text(panel.getByTestId('patient-texts'))) ?? '').toContain(
      'Can my daughter visit on Sunday?',
    );
    await signOut();
  });
});
