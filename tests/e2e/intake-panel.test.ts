import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchWithExtension, openSidePanel } from './extension-browser';
import { adminToken, connectAndSignIn, eventually, text } from './panel';
import { overflowing } from './panel-tour';

const api = inject('apiOrigin');

let browser: Awaited<ReturnType<typeof launchWithExtension>>;
let context: BrowserContext;
let panel: Page;

beforeAll(async () => {
  browser = await launchWithExtension();
  context = browser.context;
  panel = await openSidePanel(context, browser.extensionId);
  await connectAndSignIn(panel, api, 'clinic_admin@demo.test');
});
afterAll(() => browser?.close());

describe('intake forms from the side panel', () => {
  it('builds a form with logic, previews it on a phone-sized view and publishes it', async () => {
    await panel.getByRole('tab', { name: 'Intake' }).click();
    await panel.getByLabel('New form name').fill('Orthodontic new patient');
    await panel.getByRole('button', { name: 'Create' }).click();
    const builder = panel.getByTestId('template-builder');
    await builder.waitFor();
    expect(await text(builder.getByRole('heading', { level: 3 }).first())).toBe('Not published yet');
    await eventually(() => panel.getByTestId('section-editor').count()).toBe(5);

    // A question of our own in the first step, shown only to people referred by someone.
    await panel.getByTestId('section-editor').first().locator('summary').first().click();
    await panel.getByLabel('Kind of question to add to Patient details').selectOption('short_text');
    await panel.getByRole('button', { name: 'Add question' }).first().click();
    const added = panel.getByTestId('section-editor').first().getByTestId('question').last();
    await added.locator('summary').click();
    await added.getByLabel('Question', { exact: true }).first().fill('Name of the referring dentist');
    await added.getByRole('button', { name: 'Add a condition' }).first().click();
    await added
      .getByLabel('Question', { exact: true })
      .last()
      .selectOption({ label: 'Who referred you to us?' });
    await added.getByLabel('Test').first().selectOption('answered');
    await panel.getByRole('button', { name: 'Save draft' }).click();
    await eventually(() => text(panel.getByTestId('builder-message'))).toBe('Draft saved.');

    // The preview runs the same logic as the public form.
    await panel.getByRole('button', { name: 'Preview' }).click();
    const preview = panel.getByTestId('form-preview');
    expect(await preview.getByLabel('Name of the referring dentist').count()).toBe(0);
    await preview.getByLabel('Who referred you to us?').fill('Dr. Raman');
    await eventually(() => preview.getByLabel('Name of the referring dentist').count()).toBe(1);
    expect(await preview.getByLabel('Insurance company').count()).toBe(0);
    await preview.getByRole('group', { name: 'Do you have dental insurance? *' }).getByLabel('Yes').check();
    await eventually(() => preview.getByLabel('Insurance company *').count()).toBe(1);
    await preview.getByRole('button', { name: 'Check answers' }).click();
    await eventually(async () => (await text(preview.getByRole('status'))) ?? '').toMatch(
      /^\d+ question\(s\) need an answer or a fix\.$/,
    );
    await panel.getByRole('button', { name: 'Edit' }).click();

    await panel.getByRole('button', { name: 'Publish' }).click();
    await eventually(() => text(panel.getByTestId('builder-message'))).toBe(
      'Published. New forms sent use this version; forms already sent keep theirs.',
    );
    await panel.getByRole('button', { name: '← Forms' }).click();
    await eventually(async () => (await text(panel.getByTestId('template-row').first())) ?? '').toContain(
      'Version 1',
    );
  });

  it('sends the form to a lead as a link, then renews it', async () => {
    await panel.getByRole('tab', { name: 'Leads' }).click();
    await panel.getByRole('button', { name: 'Add lead' }).click();
    await panel.getByLabel('First name').fill('Noor');
    await panel.getByLabel('Last name').fill('Haddad');
    await panel.getByLabel('Email', { exact: true }).fill('noor.haddad@example.com');
    await panel.getByRole('button', { name: 'Save lead' }).click();
    await eventually(() => text(panel.getByTestId('lead-name'))).toBe('Noor Haddad');
    // Before any form is signed, the consents say how they get collected.
    await eventually(async () => (await text(panel.getByTestId('consents-empty'))) ?? '').toContain(
      'recorded when an intake form with consents is signed',
    );

    await panel.getByRole('button', { name: 'Send intake form' }).click();
    await panel
      .getByLabel('Form', { exact: true })
      .selectOption({ label: 'Orthodontic new patient (version 1)' });
    await panel.getByLabel('Make a link to copy').check();
    await panel.getByRole('button', { name: 'Send form' }).click();
    const sent = panel.getByTestId('form-sent');
    await sent.waitFor();
    const link = await panel.getByLabel('Form link').inputValue();
    // The link is on the organisation's public address (PUBLIC_BASE_URL).
    expect(link).toMatch(/^https?:\/\/[^/]+\/f\/[\w-]{40,}$/);
    await panel.getByRole('button', { name: 'Done' }).click();
    const row = panel.getByTestId('request-row').first();
    await eventually(async () => (await text(row)) ?? '').toContain('Orthodontic new patient');
    expect(await text(row)).toContain('Sent');

    await row.getByRole('button', { name: 'Renew' }).click();
    const renewed = await panel.getByLabel('New form link').inputValue();
    expect(renewed).not.toBe(link);
    expect(renewed).toMatch(/\/f\/[\w-]{40,}$/);
  });
});

describe('a submitted form back in the panel', () => {
  it('is filled on the public page, reviewed in the panel, and accepted into the lead', async () => {
    // A short form, published by an administrator through the API.
    const token = await adminToken(api);
    const staff = (path: string, body?: unknown) =>
      fetch(`${api}/api/v1${path}`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify(body ?? {}),
      }).then((r) => r.json() as Promise<{ id: string }>);
    const template = await staff('/intake-templates', {
      name: 'Quick check-in',
      definition: {
        title: 'Quick check-in',
        sections: [
          {
            id: 'about',
            title: 'About you',
            fields: [
              {
                id: 'first_name',
                type: 'short_text',
                label: 'First name',
                required: true,
                prefill: 'firstName',
              },
              {
                id: 'last_name',
                type: 'short_text',
                label: 'Last name',
                required: true,
                prefill: 'lastName',
              },
              {
                id: 'agree',
                type: 'consent',
                label: 'I agree',
                text: 'I agree to be contacted.',
                required: true,
              },
              { id: 'signature', type: 'signature', label: 'Signature', required: true },
            ],
          },
        ],
      },
    });
    await staff(`/intake-templates/${template.id}/publish`);

    // Sent from Noor's page (the previous test left the panel there) as a link.
    await panel.getByRole('button', { name: '← Pipeline' }).click();
    await panel.getByLabel('Search leads').fill('Noor');
    await panel.getByRole('button', { name: /^Noor Haddad/ }).click();
    await panel.getByRole('button', { name: 'Send intake form' }).click();
    await panel.getByLabel('Form', { exact: true }).selectOption({ label: 'Quick check-in (version 1)' });
    await panel.getByLabel('Make a link to copy').check();
    await panel.getByRole('button', { name: 'Send form' }).click();
    const link = await panel.getByLabel('Form link').inputValue();
    await panel.getByRole('button', { name: 'Done' }).click();

    // Noor fills it in on a phone-sized page: her name is there to check, she corrects it.
    const page = await context.newPage();
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${api}${new URL(link).pathname}`);
    expect(await page.getByLabel('First name').inputValue()).toBe('Noor');
    await page.getByLabel('Last name').fill('Haddad-Smith');
    await page.getByLabel(/^I agree/).check();
    await page.getByLabel('Full name of the person signing').fill('Noor Haddad-Smith');
    await page.getByLabel('Type', { exact: true }).check();
    await page.getByLabel('Type your full name to sign').fill('Noor Haddad-Smith');
    await page.getByRole('button', { name: 'Sign and send' }).click();
    await page.getByRole('heading', { name: 'Thank you' }).waitFor();
    await page.close();

    // The panel shows it submitted; staff review it and copy the corrected name.
    await panel.getByRole('tab', { name: 'Intake' }).click();
    await panel.getByRole('button', { name: 'Submissions' }).click();
    const submitted = panel.getByTestId('submission-row').filter({ hasText: 'Quick check-in' });
    // Each submission names whom it is for.
    await eventually(async () => (await text(submitted)) ?? '').toContain('Noor Haddad (lead)');
    await submitted.getByRole('button').click();
    const review = panel.getByTestId('submission-review');
    await eventually(async () => (await text(review)) ?? '').toContain('Haddad-Smith');
    expect(await text(panel.getByTestId('submitted-by'))).toMatch(/^For Noor Haddad · submitted /);
    expect(await text(panel.getByTestId('signature-record'))).toContain('Signed by Noor Haddad-Smith, typed');
    const copyLastName = panel.getByLabel('Copy Last name');
    expect(await copyLastName.isChecked()).toBe(true);
    expect(await panel.getByLabel('Copy First name').isDisabled()).toBe(true);
    await panel.getByRole('button', { name: 'Accept and copy 1' }).click();
    await eventually(() => text(panel.getByTestId('review-message'))).toBe(
      '1 detail(s) copied into the record.',
    );
    await eventually(() => panel.getByRole('button', { name: 'Download signed PDF' }).count()).toBe(1);

    await panel.getByRole('tab', { name: 'Leads' }).click();
    await panel.getByLabel('Search leads').fill('Noor');
    await eventually(async () => (await text(panel.getByTestId('lead-row').first())) ?? '').toMatch(
      /^Noor Haddad-Smith/,
    );
  });
});

describe("a lead's consents in the panel", () => {
  it('lists the consent Noor signed on her page, with who signed, for whom and the form version', async () => {
    await panel.getByRole('button', { name: /^Noor Haddad-Smith/ }).click();
    const row = panel.getByTestId('consent-row').first();
    await eventually(async () => (await text(row)) ?? '').toContain(
      'Signed by Noor Haddad-Smith (self) for this lead',
    );
    expect(await text(row)).toContain('Quick check-in, version 1');
    expect(await text(row)).toContain('Given');
    // Nothing on the page, the consents included, reaches past the panel's edge.
    expect(await overflowing(panel)).toEqual([]);
  });
});

describe('a converted lead and its patient, each reached from the other', () => {
  it("converts Noor, opens her patient page with the lead's source and her consent, revokes it there, and returns to the lead", async () => {
    // The practice's location is set up by an administrator through the API.
    const created = await fetch(`${api}/api/v1/facilities`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${await adminToken(api)}` },
      body: JSON.stringify({
        name: 'Cedar Park Orthodontics',
        address: { line1: '4 Elm St', city: 'Austin', state: 'TX', postalCode: '78701' },
      }),
    });
    expect(created.status).toBe(201);
    await panel.getByRole('button', { name: 'Convert to patient' }).click();
    await panel.getByLabel('Facility or location').selectOption({ label: 'Cedar Park Orthodontics' });
    await panel.getByLabel('Date of birth', { exact: true }).fill('1990-06-02');
    await panel.getByRole('button', { name: 'Convert', exact: true }).click();
    await eventually(() => text(panel.getByTestId('lead-converted'))).toBe('This lead is a patient now.');

    // The lead leads to the patient, and the patient's page back to the lead's source and timeline.
    await panel.getByRole('button', { name: 'Open the patient' }).click();
    const patient = panel.getByTestId('patient-detail');
    await eventually(async () => (await text(patient.getByRole('heading', { level: 2 }))) ?? '').toContain(
      'Haddad-Smith',
    );
    // Noor was added by hand, with no source: the patient's page says so rather than leaving it out.
    await eventually(async () => (await text(panel.getByTestId('patient-lead-source'))) ?? '').toMatch(
      /^Source not known · lead added /,
    );

    // The consent signed while a lead is on the patient's page, and is revoked there.
    const row = patient.getByTestId('consent-row').first();
    await eventually(async () => (await text(row)) ?? '').toContain(
      'Signed by Noor Haddad-Smith (self) for this patient, while a lead',
    );
    await row.getByRole('button', { name: 'Revoke' }).click();
    const dialog = panel.getByRole('dialog');
    await dialog.getByLabel('Why is it revoked? (kept with the consent)').fill('Asked by phone to withdraw');
    await dialog.getByRole('button', { name: 'Revoke consent' }).click();
    await eventually(() => text(panel.getByTestId('consent-message'))).toBe(
      'Consent revoked. It stays listed as revoked.',
    );
    await eventually(async () => (await text(row.getByTestId('consent-revoked'))) ?? '').toMatch(
      /^Revoked .+ by .+: Asked by phone to withdraw$/,
    );
    expect(await row.getByRole('button', { name: 'Revoke' }).count()).toBe(0);

    // The lead's own page in the pipeline, opened from the patient: the same consent, revoked,
    // and the revocation on its timeline.
    await panel.getByRole('button', { name: 'Open the lead' }).click();
    await eventually(() => panel.getByRole('button', { name: '← Pipeline' }).count()).toBe(1);
    await eventually(() => text(panel.getByTestId('lead-name'))).toBe('Noor Haddad-Smith');
    const leadRow = panel.getByTestId('consent-row').first();
    await eventually(async () => (await text(leadRow.getByTestId('consent-revoked'))) ?? '').toMatch(
      /: Asked by phone to withdraw$/,
    );
    await eventually(async () => (await text(panel.getByTestId('timeline-entry').first())) ?? '').toContain(
      'Revoked I agree: Asked by phone to withdraw',
    );
    // From the patient, back returns to the lead it was opened from.
    await panel.getByRole('button', { name: 'Open the patient' }).click();
    await patient.waitFor();
    await panel.getByRole('button', { name: '← Back to the lead' }).click();
    await eventually(() => text(panel.getByTestId('lead-name'))).toBe('Noor Haddad-Smith');
    expect(await overflowing(panel)).toEqual([]);
  });
});
