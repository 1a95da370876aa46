import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { connectAndSignIn, ensureFacility, ensurePatients, eventually, openPanel, text } from './panel';

const api = inject('apiOrigin');

let browser: Awaited<ReturnType<typeof openPanel>>['browser'];
let panel: Page;

beforeAll(async () => {
  const facilityId = await ensureFacility(api, 'Records Flow Facility');
  await ensurePatients(api, facilityId, [
    { firstName: 'Opal', lastName: 'Archer', dateOfBirth: '1948-05-06' },
  ]);
  ({ browser, panel } = await openPanel(api));
  await connectAndSignIn(panel, api, 'clinic_admin@demo.test');
  await panel.getByRole('tab', { name: 'Records' }).click();
});
afterAll(() => browser?.close());

const status = () => text(panel.getByTestId('records-status'));

async function press(name: string) {
  await panel.getByRole('button', { name, exact: true }).click();
}

describe('records requests in the panel', () => {
  it('logs a patient’s request, shows the rule that set its date, holds it, verifies identity, and takes it to completed', async () => {
    await press('New request');
    await panel.getByLabel('Patient', { exact: true }).fill('Archer');
    await panel.getByRole('button', { name: /Opal Archer/ }).click();
    await panel.getByLabel('Requester name').fill('Opal Archer');
    await panel.getByLabel('Email (for notices and the secure link)').fill('opal@example.test');
    await panel.getByLabel('Records asked for').fill('Visit notes, Lab results');
    await panel.getByLabel('Purpose').fill('Personal use');
    await press('Log request');

    await panel.getByTestId('records-detail').waitFor();
    await eventually(status).toBe('Received');
    expect(await text(panel.getByTestId('records-due'))).toContain('30 days left');
    expect(await text(panel.getByTestId('records-rule'))).toContain('45 CFR 164.524(b)(2)');

    await panel.getByLabel(/Reason or message/).fill('Please send a copy of your photo ID');
    await press('On hold');
    await eventually(status).toBe('On hold');

    await press('← Records requests');
    const row = panel.getByTestId('records-row').filter({ hasText: 'Opal Archer' });
    await eventually(() => text(row)).toContain('On hold: Please send a copy of your photo ID');
    await row.click();

    expect(await text(panel.getByTestId('records-missing'))).toContain(
      "verification of the patient's identity",
    );
    await panel.getByLabel("How the patient's identity was verified").selectOption('photo_id_copy');
    for (const [button, shown] of [
      ['Record identity check', 'Authorization check'],
      ['Approved', 'Approved'],
      ['Preparing', 'Preparing'],
      ['Sent', 'Sent'],
      ['Completed', 'Completed'],
    ]) {
      await press(button!);
      await eventually(status).toBe(shown!);
    }
    await eventually(() => panel.getByRole('list', { name: 'Timeline' }).locator('li').count()).toBe(7);
    await press('← Records requests');
    await panel.locator('[data-testid="records-board"][aria-busy="false"]').waitFor({ state: 'attached' });
    await eventually(() => panel.getByTestId('records-row').filter({ hasText: 'Opal Archer' }).count()).toBe(
      0,
    );
  });
});
