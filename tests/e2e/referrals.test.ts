import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { launchWithExtension } from './extension-browser';
import { eventually, openPanel, signIn, text } from './panel';

const api = inject('apiOrigin');

let browser: Awaited<ReturnType<typeof launchWithExtension>>;
let panel: Page;

beforeAll(async () => {
  ({ browser, panel } = await openPanel(api));
  await signIn(panel, 'clinic_admin@demo.test', 'sidecar-demo');
  await panel.getByRole('tab', { name: 'Referrals' }).click();
});
afterAll(() => browser?.close());

describe('referrals in the side panel', () => {
  it('adds a referring provider, records a referral that creates its lead, and counts it in the directory', async () => {
    // A name of its own, so a re-run against the same database finds only its own provider.
    const lastName = `Whitaker${Date.now().toString(36)}`;
    await panel.getByRole('button', { name: 'Add referring provider' }).click();
    const form = panel.getByTestId('provider-form');
    await form.getByLabel('First name').fill('Grace');
    await form.getByLabel('Last name').fill(lastName);
    await form.getByLabel('Credentials').fill('DMD');
    await form.getByLabel('Email').fill(`grace@${lastName}.example`);
    await form.getByLabel('Practice name').fill(`${lastName} Dental`);
    await form.getByLabel('Street address').fill('200 congress avenue');
    await form.getByLabel('City').fill('austin');
    await form.getByLabel('State').fill('TX');
    await form.getByLabel('ZIP code').fill('78701');
    await form.getByRole('button', { name: 'Save provider' }).click();

    const detail = panel.getByTestId('provider-detail');
    await eventually(() => text(detail.locator('h3'))).toBe(`Dr Grace ${lastName}, DMD`);
    expect(await text(detail)).toContain('200 Congress Ave, Austin, TX 78701');
    expect(await text(detail)).toContain('No referrals with this provider yet.');

    await panel.getByRole('button', { name: 'Referral received' }).click();
    const referral = panel.getByTestId('referral-form');
    await referral.getByLabel('Reason, as the referrer wrote it').fill('Deep bite, please evaluate');
    await referral.getByLabel('Patient first name').fill('Theo');
    await referral.getByLabel('Patient last name').fill(lastName);
    await referral.getByLabel('Phone').fill('512-555-0142');
    await referral.getByRole('button', { name: 'Create lead from referral' }).click();
    await eventually(() => text(panel.getByTestId('referral-notice'))).toBe(
      `Lead Theo ${lastName} created from the referral.`,
    );
    await eventually(() => text(panel.getByTestId('referral-row'))).toContain('Deep bite, please evaluate');

    await panel.getByRole('button', { name: '← Directory' }).click();
    await panel.getByLabel('Search referring providers').fill(lastName);
    await eventually(() => text(panel.getByTestId('provider-row'))).toContain(
      '1 referrals this year · 0 converted',
    );
  });
});
