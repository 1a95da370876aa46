import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { launchWithExtension } from './extension-browser';
import { connectAndSignIn, eventually, openPanel, text } from './panel';

// Webhook endpoints in the panel: added under Sending settings with the
// secret shown once, the address edited, the secret rotated (the old one
// signing beside it for a day), disabled; and picked by a rule's action.
const api = inject('apiOrigin');
// Nothing listens there: these steps send nothing (plain http is taken for this machine in development).
const FIRST = 'http://127.0.0.1:9/e2e-hook';
const MOVED = 'http://127.0.0.1:9/e2e-hook-moved';

let browser: Awaited<ReturnType<typeof launchWithExtension>>;
let panel: Page;

beforeAll(async () => {
  ({ browser, panel } = await openPanel(api));
  await connectAndSignIn(panel, api, 'clinic_admin@demo.test');
  await panel.getByRole('tab', { name: 'Automations' }).click();
  await panel.getByRole('button', { name: 'Sending settings' }).click();
});
afterAll(() => browser?.close());

const card = () => panel.getByTestId('webhook-endpoint').filter({ hasText: 'E2E hook' });
const secretShown = () => panel.locator('#webhook-secret').inputValue();

describe('webhook endpoints in the panel', () => {
  it('adds an endpoint and shows its secret once, to copy', async () => {
    await panel.getByLabel('Address (https://…)').fill(FIRST);
    await panel.getByLabel('What it is for (optional)').fill('E2E hook');
    await panel.getByRole('button', { name: 'Add endpoint' }).click();
    await eventually(secretShown).toMatch(/^whsec_/);
    await panel.getByRole('button', { name: 'Copy secret' }).click();
    await eventually(() => text(panel.getByTestId('webhook-secret').getByRole('button').first())).toBe(
      'Copied',
    );
    await panel.getByRole('button', { name: 'Done' }).click();
    await eventually(() => panel.getByTestId('webhook-secret').count()).toBe(0);
    expect(await text(card())).toContain(FIRST);
  });

  it('edits the address', async () => {
    await card().getByRole('button', { name: 'Edit address' }).click();
    await card().getByLabel('Address').fill(MOVED);
    await card().getByRole('button', { name: 'Save address' }).click();
    await eventually(() => text(card().locator('code'))).toBe(MOVED);
  });

  it('rotates the secret, the old one signing for 24 hours more', async () => {
    await card().getByRole('button', { name: 'New secret' }).click();
    const dialog = panel.getByRole('dialog');
    expect(await dialog.getByLabel('Keep signing with the old secret too for 24 hours').isChecked()).toBe(
      true,
    );
    await dialog.getByRole('button', { name: 'Make new secret' }).click();
    await eventually(secretShown).toMatch(/^whsec_/);
    expect(await text(panel.getByTestId('webhook-secret'))).toContain('New signing secret');
    await panel.getByRole('button', { name: 'Done' }).click();
    await eventually(() => text(card())).toContain('The old secret also signs until');
  });

  it("offers the endpoint to a rule's webhook action", async () => {
    await panel.getByRole('button', { name: 'Rules' }).click();
    await panel.getByRole('button', { name: 'New automation' }).click();
    await panel.locator('#action-0-kind').selectOption({ label: 'Call a signed webhook' });
    const endpoint = panel.locator('#action-0-endpoint');
    await endpoint.selectOption({ label: `E2E hook (${MOVED})` });
    expect(await endpoint.inputValue()).toMatch(/^whe_/);
    await panel.getByRole('button', { name: 'Cancel' }).click();
  });

  it('disables the endpoint', async () => {
    await panel.getByRole('button', { name: 'Sending settings' }).click();
    await card().getByRole('button', { name: 'Disable' }).click();
    await panel.getByRole('dialog').getByRole('button', { name: 'Disable endpoint' }).click();
    await eventually(() => text(card())).toContain('Disabled');
    expect(await card().getByRole('button', { name: 'New secret' }).count()).toBe(0);
  });
});
