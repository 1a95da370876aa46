import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { launchWithExtension } from './extension-browser';
import { eventually, openPanel, signIn as signInAs, signOut as signOutOf, text } from './panel';

// Facility onboarding: the wizard, its document, and the invited facility administrator.
const api = inject('apiOrigin');

let browser: Awaited<ReturnType<typeof launchWithExtension>>;
let context: BrowserContext;
let panel: Page;
const signIn = (email: string, password: string) => signInAs(panel, email, password);
const signOut = () => signOutOf(panel);

beforeAll(async () => {
  ({ browser, context, panel } = await openPanel(api));
});
afterAll(() => browser?.close());

describe('facility onboarding from the side panel', () => {
  it('adds a facility with a document, and its administrator accepts the invitation and sees only that facility', async () => {
    await signIn('clinic_admin@demo.test', 'sidecar-demo');
    await panel.getByRole('tab', { name: 'Facilities' }).click();
    await panel.getByRole('button', { name: 'Add facility' }).click();

    await panel.getByLabel('Facility name').fill('Willow Creek Care');
    await panel.getByRole('button', { name: 'Next' }).click();
    await panel.getByLabel('Administrator name').fill('Wendy Willow');
    await panel.getByLabel('Administrator email').fill('wendy@willow.test');
    await panel.getByRole('button', { name: 'Next' }).click();
    await panel.getByLabel(/eMAR/).check();
    await panel.getByRole('button', { name: 'Next' }).click();
    await panel.getByLabel('Cycle start day (optional)').selectOption('12');
    await panel.getByRole('button', { name: 'Next' }).click();

    await panel.getByLabel('Street address').fill('900 congress avenue');
    await panel.getByLabel('City').fill('austin');
    await panel.getByLabel('State').fill('TX');
    await panel.getByLabel('ZIP code').fill('10001');
    await panel.getByRole('button', { name: 'Next' }).click();
    await eventually(() => text(panel.locator('#ad-postalCode-error'))).toBe(
      'ZIP 10001 belongs to New York, not Texas',
    );
    await panel.getByLabel('ZIP code').fill('78701');
    await panel.getByRole('button', { name: 'Next' }).click();
    await eventually(() => text(panel.getByTestId('verified-address'))).toContain(
      '900 Congress Ave, Austin, TX 78701',
    );

    await panel.getByLabel('Pending').check();
    await panel.getByRole('button', { name: 'Next' }).click();
    await panel.getByLabel('Pharmacy').check();
    await panel.getByRole('button', { name: 'Next' }).click();
    await panel.getByLabel('Choose documents').setInputFiles({
      name: 'willow-agreement.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF\n'),
    });
    await panel.getByRole('button', { name: 'Create facility' }).click();

    await panel.getByTestId('facility-detail').waitFor();
    await eventually(() => text(panel.getByTestId('invitation-state'))).toBe('Invitation sent');
    await eventually(() => panel.getByTestId('document-row').count()).toBe(1);
    expect(await text(panel.getByTestId('document-row'))).toContain('willow-agreement.pdf');
    await panel.screenshot({ path: '.tmp/e2e-facility.png', fullPage: true });
    await panel.getByRole('button', { name: 'Use for patients' }).click();
    await eventually(() => text(panel.getByTestId('current-facility'))).toBe('Facility: Willow Creek Care');
    await panel.getByRole('button', { name: 'Edit' }).click();
    await panel.getByLabel('Phone', { exact: true }).fill('512-555-0142');
    await panel.getByRole('button', { name: 'Save changes' }).click();
    await eventually(() => text(panel.getByTestId('facility-message'))).toBe('Changes saved.');
    await signOut();

    // The administrator's email, read on the dev mailbox page; they open its link and set a password.
    const invite = await context.newPage();
    await invite.goto(`${api}/dev/mailbox`);
    const message = invite.locator('article', { hasText: 'To wendy@willow.test' }).first();
    const sent = (await message.locator('pre').textContent())!.match(/http\S+\/invite\/\S+/)![0];
    // Emails name PUBLIC_BASE_URL from wrangler.toml (port 8787); this test's worker listens on a free port.
    const link = `${api}${new URL(sent).pathname}`;
    await invite.goto(link);
    await invite.getByLabel('Your name').fill('Wendy Willow');
    await invite.getByLabel('Choose a password').fill('willow-creek-2026');
    await invite.getByLabel('Repeat the password').fill('willow-creek-2026');
    await invite.getByRole('button', { name: 'Accept invitation' }).click();
    await eventually(() => invite.getByRole('heading').first().textContent()).toBe("You're in");
    await invite.close();

    await signIn('wendy@willow.test', 'willow-creek-2026');
    await eventually(() => text(panel.getByTestId('role-label'))).toBe('Facility admin');
    await eventually(() => panel.getByTestId('facility-row').allTextContents()).toEqual([
      expect.stringContaining('Willow Creek Care'),
    ]);
    // The facility the administrator chose before signing out is theirs, not the next person's.
    expect(await panel.getByTestId('current-facility').count()).toBe(0);
    // What the organisation keeps (name, features, categories, cycle day) is not offered to them.
    await panel.getByTestId('facility-row').first().click();
    await panel.getByRole('button', { name: 'Edit', exact: true }).click();
    await panel.getByTestId('organisation-settings-note').waitFor();
    expect(await panel.getByLabel('Facility name').count()).toBe(0);
    expect(
      await panel.getByTestId('facility-edit').getByText('Service categories', { exact: true }).count(),
    ).toBe(0);
    await signOut();
  });

  it('keeps the wizard on Documents with the reason when an upload fails, and says the agreement is missing until it is there', async () => {
    const name = 'Juniper Upload Check';
    const notPdf = {
      name: 'juniper-agreement.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('plain text'),
    };
    const realPdf = {
      name: 'juniper-signed.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF\n'),
    };
    await signIn('clinic_admin@demo.test', 'sidecar-demo');
    await panel.getByRole('tab', { name: 'Facilities' }).click();
    await panel.getByRole('button', { name: 'Add facility' }).click();
    await panel.getByLabel('Facility name').fill(name);
    for (let i = 0; i < 4; i++) await panel.getByRole('button', { name: 'Next' }).click();
    await panel.getByLabel('Street address').fill('900 Congress Avenue');
    await panel.getByLabel('City').fill('Austin');
    await panel.getByLabel('State').fill('TX');
    await panel.getByLabel('ZIP code').fill('78701');
    await panel.getByRole('button', { name: 'Next' }).click();
    await panel.getByTestId('verified-address').waitFor();
    await panel.getByRole('button', { name: 'Next' }).click();
    await panel.getByRole('button', { name: 'Next' }).click();
    await panel.getByLabel('Choose documents').setInputFiles(notPdf);
    await panel.getByRole('button', { name: 'Create facility' }).click();

    // Still on Documents, with the reason; the progress line has ended and the file is still chosen.
    const wizard = panel.locator('section.wizard');
    await eventually(() => text(wizard.getByRole('alert'))).toBe(
      `${name} is saved, but juniper-agreement.pdf was not uploaded: Upload a PDF, an image (PNG or JPEG) or a Word document. It is still chosen: try again, or remove it and choose another file.`,
    );
    expect(await wizard.getByRole('heading', { name: 'Documents', exact: true }).count()).toBe(1);
    expect(await panel.getByTestId('upload-progress').count()).toBe(0);
    expect(await wizard.getByLabel('Documents to upload').getByText('juniper-agreement.pdf').count()).toBe(1);
    expect(await panel.getByRole('button', { name: 'Create facility' }).count()).toBe(0);

    // Finishing without it: the facility page says onboarding lacks its agreement.
    await panel.getByRole('button', { name: 'Finish without it' }).click();
    const detail = panel.getByTestId('facility-detail');
    await detail.getByRole('heading', { name, exact: true }).waitFor();
    await detail.getByTestId('agreement-missing').waitFor();
    expect(await detail.getByTestId('document-row').count()).toBe(0);

    // The same failure on the facility page: the reason, the progress ended, the file kept.
    await detail.getByLabel('Choose documents').setInputFiles(notPdf);
    await detail.getByRole('button', { name: 'Upload 1 document' }).click();
    await eventually(() => text(detail.getByTestId('facility-message'))).toContain(
      'juniper-agreement.pdf was not uploaded',
    );
    expect(await panel.getByTestId('upload-progress').count()).toBe(0);
    await detail.getByRole('button', { name: 'Remove' }).click();
    await detail.getByLabel('Choose documents').setInputFiles(realPdf);
    await detail.getByRole('button', { name: 'Upload 1 document' }).click();
    await eventually(() => text(detail.getByTestId('facility-message'))).toBe('Documents uploaded.');
    await eventually(() => detail.getByTestId('document-row').count()).toBe(1);
    expect(await detail.getByTestId('agreement-missing').count()).toBe(0);
    expect(await panel.getByTestId('upload-progress').count()).toBe(0);
    await signOut();
  });
});
