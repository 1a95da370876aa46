import { readFileSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchWithExtension, openSidePanel } from './extension-browser';
import { connectAndSignIn, ensureFacility, eventually, signIn, signOut, text } from './panel';

const api = inject('apiOrigin');

let browser: Awaited<ReturnType<typeof launchWithExtension>>;
let context: BrowserContext;
let panel: Page;

/**
 * A saved dentist's team page (JSON-LD Person working for a Dentist), served
 * from the local server's address, which the extension may read without a
 * click on its toolbar button (a headless browser cannot make one). Names get
 * a suffix of this run, so a re-run against the same database is not a duplicate.
 */
const DENTIST_PAGE = `${api}/e2e/our-team/dr-adaeze-okafor`;
const run = Date.now().toString(36);
const lastName = `Okafor${run}`;
const email = `dr.okafor${run}@hillcountryfamilydentistry.example.com`;
const patient = `Vance${run}`;

beforeAll(async () => {
  browser = await launchWithExtension();
  context = browser.context;
  const page = readFileSync('tests/fixtures/capture/hill-country-dentist-page.html', 'utf8')
    .replaceAll('Okafor', lastName)
    .replaceAll('dr.okafor@hillcountryfamilydentistry.example.com', email);
  await context.route(DENTIST_PAGE, (route) =>
    route.fulfill({ body: page, contentType: 'text/html; charset=utf-8' }),
  );
  panel = await openSidePanel(context, browser.extensionId);
  await connectAndSignIn(panel, api, 'clinic_admin@demo.test');
});
afterAll(() => browser?.close());

describe('a referrer captured from their page, and the letters their referral brings', () => {
  it('captures the dentist, creates a lead from a referral, converts it, and emails the letter with its PDF', async () => {
    const facility = `Letters Orthodontics ${run}`;
    await ensureFacility(api, facility);
    const dentist = await context.newPage();
    await dentist.goto(DENTIST_PAGE);
    await dentist.bringToFront();

    // Capturing the page as a lead offers the dentist as a referring provider beside "Save lead".
    await panel.getByRole('tab', { name: 'Leads' }).click();
    await panel.getByRole('button', { name: 'Capture from this page' }).click();
    await panel.getByTestId('lead-form').waitFor();
    await panel.getByRole('button', { name: 'Save as referring provider' }).click();

    // The Referrals area opens with the provider form prefilled from the page.
    const form = panel.getByTestId('provider-form');
    await form.waitFor();
    expect(await text(panel.getByTestId('provider-capture-origin'))).toContain(`Dr. Adaeze ${lastName}, DDS`);
    expect(await form.getByLabel('First name').inputValue()).toBe('Adaeze');
    expect(await form.getByLabel('Last name').inputValue()).toBe(lastName);
    expect(await form.getByLabel('Credentials').inputValue()).toBe('DDS');
    expect(await form.getByLabel('Email').inputValue()).toBe(email);
    expect(await form.getByLabel('Practice name').inputValue()).toBe('Hill Country Family Dentistry');
    expect(await form.getByLabel('City').inputValue()).toBe('Austin');
    expect(await form.getByLabel('ZIP code').inputValue()).toBe('78701');
    await form.getByRole('button', { name: 'Save provider' }).click();
    const detail = panel.getByTestId('provider-detail');
    await eventually(() => text(detail.locator('h3'))).toBe(`Dr Adaeze ${lastName}, DDS`);

    // Capturing the same page again finds the saved provider as a likely duplicate.
    await panel.getByRole('button', { name: '← Directory' }).click();
    await panel.getByRole('button', { name: 'Capture from this page' }).click();
    await panel.getByRole('button', { name: 'Save provider' }).click();
    await eventually(() => text(panel.getByTestId('provider-candidates'))).toContain(lastName);
    await panel.getByTestId('provider-candidates').getByRole('button').first().click();
    await eventually(() => text(detail.locator('h3'))).toBe(`Dr Adaeze ${lastName}, DDS`);

    // A referral arrives: its lead is created in the same step.
    await panel.getByRole('button', { name: 'Referral received' }).click();
    const referral = panel.getByTestId('referral-form');
    await referral.getByLabel('Reason, as the referrer wrote it').fill('Crowding, lower arch; age 11');
    await referral.getByLabel('Patient first name').fill('Lena');
    await referral.getByLabel('Patient last name').fill(patient);
    await referral.getByLabel('Phone').fill('512-555-0187');
    await referral.getByRole('button', { name: 'Create lead from referral' }).click();
    await eventually(() => text(panel.getByTestId('referral-notice'))).toBe(
      `Lead Lena ${patient} created from the referral.`,
    );

    // The lead converts: treatment starts.
    await panel.getByRole('tab', { name: 'Leads' }).click();
    await panel.getByLabel('Search leads').fill(patient);
    await panel.getByRole('button', { name: new RegExp(`^Lena ${patient}`) }).click();
    await panel.getByRole('button', { name: 'Convert to patient' }).click();
    await panel.getByLabel('Facility or location').selectOption({ label: facility });
    await panel.getByLabel('Date of birth', { exact: true }).fill('2015-02-11');
    await panel.getByRole('button', { name: 'Convert', exact: true }).click();
    await eventually(() => text(panel.getByTestId('lead-converted'))).toBe('This lead is a patient now.');

    // The thank-you and the treatment-start letters wait in the queue.
    await panel.getByRole('tab', { name: 'Referrals' }).click();
    await panel.getByRole('button', { name: 'Letters', exact: true }).click();
    const rows = panel.getByTestId('letter-row').filter({ hasText: patient });
    await eventually(() => rows.count()).toBe(2);
    expect(await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-kind')).sort())).toEqual([
      'thank_you',
      'treatment_started',
    ]);

    await rows.filter({ hasText: 'Treatment started' }).getByRole('button').click();
    const letter = panel.getByTestId('letter-text');
    await eventually(() => text(letter)).toContain(`Dear Dr ${lastName},`);
    expect(await text(letter)).toContain(`Lena ${patient} began orthodontic treatment with us on`);
    await panel.getByRole('button', { name: 'Send by email' }).click();
    await eventually(() => text(panel.getByTestId('letter-view').getByRole('status'))).toBe(
      `Emailed to ${email} with the PDF attached.`,
    );
    expect(await panel.getByRole('button', { name: 'Send by email' }).count()).toBe(0);

    // The dev mailbox has the email, naming no patient, with the letter's PDF attached.
    const mailbox = await context.newPage();
    const message = mailbox.locator('article', { hasText: email });
    await expect
      .poll(
        async () => {
          await mailbox.goto(`${api}/dev/mailbox`);
          return message.count();
        },
        { timeout: 10_000, interval: 250 },
      )
      .toBe(1);
    expect(await text(message)).not.toContain('Lena');
    const link = message.getByRole('link', { name: /^letter-.*\.pdf$/ });
    const href = await link.getAttribute('href');
    const pdf = await mailbox.request.get(`${api}${href}`);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    expect(new TextDecoder().decode((await pdf.body()).subarray(0, 5))).toBe('%PDF-');
  });

  it('edits a letter template with merge-field help, shows the unknown-field refusal, and previews it against that referral', async () => {
    // From the letter the first flow left open, back to the area's first view.
    await panel.getByRole('button', { name: '← Letters' }).click();
    await panel.getByRole('button', { name: 'Templates', exact: true }).click();
    const editor = panel.getByTestId('letter-templates');
    await editor.getByLabel('Letter type').selectOption({ label: 'Treatment started' });
    await eventually(() => editor.getByLabel('Subject line').inputValue()).toContain('{{patient.name}}');
    const body = editor.getByLabel('Letter text');
    await body.fill('{{referrer.salutation}},\n\nYour patient {{patient.nickname}} started today.');
    await editor.getByRole('button', { name: 'Save template' }).click();
    await eventually(() => text(editor.locator('#letter-body-error'))).toBe(
      'Unknown merge field: {{patient.nickname}}',
    );
    await body.fill('{{referrer.salutation}},\n\n');
    await editor.locator('summary', { hasText: 'Merge fields' }).click();
    await editor.getByRole('button', { name: 'patient.firstName', exact: true }).click();
    expect(await body.inputValue()).toContain('{{patient.firstName}}');
    await editor.getByRole('button', { name: 'Preview', exact: true }).click();
    await eventually(() => text(panel.getByTestId('template-preview'))).toContain('Dear Dr');
    expect(await text(panel.getByTestId('template-preview'))).not.toContain('{{');
    await editor.getByRole('button', { name: 'Save template' }).click();
    await eventually(() => text(editor.getByRole('status'))).toBe('Template saved.');
    await editor.getByRole('button', { name: 'Use the built-in text' }).click();
    await eventually(() => text(editor.getByRole('status'))).toBe('Back to the built-in text.');
  });

  it('shows a read-only role the letters but no button it cannot use', async () => {
    await signOut(panel);
    await signIn(panel, 'read_only@demo.test', 'sidecar-demo');
    await panel.getByRole('tab', { name: 'Referrals' }).click();
    expect(await panel.getByRole('button', { name: 'Add referring provider' }).count()).toBe(0);
    expect(await panel.getByRole('button', { name: 'Capture from this page' }).count()).toBe(0);
    await panel.getByRole('button', { name: 'Letters', exact: true }).click();
    const row = panel.getByTestId('letter-row').filter({ hasText: patient });
    await eventually(() => row.count()).toBe(1);
    await row.getByRole('button').click();
    await eventually(() => text(panel.getByTestId('letter-text'))).toContain(`Dear Dr ${lastName},`);
    for (const name of ['Send by email', 'Download PDF', 'Mark faxed', 'Mark mailed'])
      expect(await panel.getByRole('button', { name }).count()).toBe(0);
    await panel.getByRole('button', { name: '← Letters' }).click();
    await panel.getByRole('button', { name: 'Templates', exact: true }).click();
    await eventually(() => panel.getByLabel('Subject line').inputValue()).toContain('{{patient.name}}');
    expect(await panel.getByRole('button', { name: 'Save template' }).count()).toBe(0);
    expect(await panel.getByLabel('Letter text').getAttribute('readonly')).not.toBeNull();
  });
});
