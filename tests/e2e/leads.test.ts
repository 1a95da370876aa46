import { readFileSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchWithExtension, openSidePanel } from './extension-browser';
import { adminToken, connectAndSignIn, eventually, text } from './panel';

const api = inject('apiOrigin');

let browser: Awaited<ReturnType<typeof launchWithExtension>>;
let context: BrowserContext;
let panel: Page;

/**
 * A saved Gmail message served from the local server's address: the extension
 * may read 127.0.0.1 without a click on its toolbar button, which a headless
 * browser cannot make. The extractor knows Gmail by its markup, not only by
 * its address.
 */
const EMAIL_PAGE = `${api}/e2e/inbox/message`;

beforeAll(async () => {
  browser = await launchWithExtension();
  context = browser.context;
  const gmail = readFileSync('tests/fixtures/capture/gmail-message.html', 'utf8');
  await context.route(EMAIL_PAGE, (route) =>
    route.fulfill({ body: gmail, contentType: 'text/html; charset=utf-8' }),
  );
  panel = await openSidePanel(context, browser.extensionId);
  await connectAndSignIn(panel, api, 'treatment_coordinator@demo.test');
  await panel.getByRole('tab', { name: 'Leads' }).click();
});
afterAll(() => browser?.close());

/** Opens the email in a tab in front of the panel, as a coordinator reading their inbox would. */
async function openEmail() {
  const page = await context.newPage();
  await page.goto(EMAIL_PAGE);
  await page.bringToFront();
  return page;
}

describe('capturing a lead from an email', () => {
  it('prefills the form from the open message, saves it, and finds it in the pipeline', async () => {
    const email = await openEmail();
    await panel.getByRole('button', { name: 'Capture from this page' }).click();

    // What came from where is shown under each field.
    const form = panel.getByTestId('lead-form');
    await form.waitFor();
    // The prospect is the daughter the message is about; her mother, who wrote, is her guardian.
    expect(await panel.getByLabel('First name').inputValue()).toBe('Sofia');
    expect(await panel.getByLabel('Last name').inputValue()).toBe('Gonzalez');
    expect(await panel.getByLabel('Email', { exact: true }).inputValue()).toBe('maria.gonzalez@example.com');
    expect(await panel.getByLabel('Phone', { exact: true }).inputValue()).toBe('(555) 010-1234');
    expect(await panel.getByLabel('Date of birth (optional)').inputValue()).toBe('2011-03-14');
    expect(await text(form.locator('#l-email-hint'))).toBe('From the email’s sender');
    expect(await text(panel.getByTestId('capture-origin'))).toContain('Braces for my daughter Sofia');
    expect(await panel.getByLabel('Notes').inputValue()).toContain('Referred by Dr. Raman');
    expect(await panel.getByLabel('Notes').inputValue()).toContain('Subject: Braces for my daughter Sofia');
    expect(await panel.getByLabel('Source').locator('option:checked').textContent()).toBe('Referral');
    const guardian = panel.getByTestId('responsible-party');
    expect(await guardian.getByLabel('Name').inputValue()).toBe('Maria Gonzalez');
    expect(await guardian.getByLabel('Relationship').inputValue()).toBe('Parent');

    // Only the relationship is made more precise; nothing else is retyped.
    await guardian.getByLabel('Relationship').fill('Mother');
    await panel.getByRole('button', { name: 'Save lead' }).click();

    await eventually(() => text(panel.getByTestId('lead-name'))).toBe('Sofia Gonzalez');
    expect(await text(panel.getByTestId('lead-origin'))).toContain('Source: Referral');
    expect(await text(panel.getByTestId('lead-origin'))).toContain(
      'captured from Braces for my daughter Sofia',
    );
    expect(await text(panel.getByText(/^Parent or guardian:/))).toContain('Maria Gonzalez (Mother)');
    await eventually(async () => (await text(panel.getByTestId('lead-timeline'))) ?? '').toContain(
      'Created from email',
    );

    // Back in the pipeline it is in the first stage.
    await panel.getByRole('button', { name: '← Pipeline' }).click();
    await panel.getByLabel('Search leads').fill('Sofia');
    await eventually(() => text(panel.getByTestId('lead-row'))).toMatch(/^Sofia GonzalezNew inquiry/);
    await panel.getByLabel('Stage').selectOption({ label: 'New inquiry' });
    await eventually(() => panel.getByTestId('lead-row').count()).toBe(1);
    await email.close();
  });

  it('warns of the likely duplicate on a second capture of the same email and opens it', async () => {
    const email = await openEmail();
    await panel.getByLabel('Search leads').fill('');
    await panel.getByRole('button', { name: 'Capture from this page' }).click();
    const matches = panel.getByTestId('lead-matches');
    await eventually(async () => (await text(matches)) ?? '').toContain('Sofia Gonzalez');
    expect(await text(matches)).toContain('same email');
    await matches.getByRole('button', { name: 'Sofia Gonzalez' }).click();
    await eventually(() => text(panel.getByTestId('lead-name'))).toBe('Sofia Gonzalez');
    await email.close();
  });

  it('works the lead: a call, a follow-up, a stage move, the score, and the analytics', async () => {
    await panel.getByLabel('What happened').fill('Left a voicemail about Thursday');
    await panel.getByLabel('Kind').selectOption('call');
    await panel.getByRole('button', { name: 'Log' }).click();
    await eventually(async () => (await text(panel.getByTestId('lead-timeline'))) ?? '').toContain(
      'Left a voicemail about Thursday',
    );

    await panel.getByLabel('Follow-up', { exact: true }).fill('Call back to book the consultation');
    await panel.getByRole('button', { name: 'Add', exact: true }).click();
    await eventually(async () => (await text(panel.getByTestId('lead-tasks'))) ?? '').toContain(
      'Call back to book the consultation',
    );
    // The lead is nobody's yet: the panel says who the follow-up's reminder goes to.
    expect(await text(panel.getByTestId('lead-reminders-to'))).toMatch(
      /^(Nobody is assigned: reminders go to .+|Reminders go to the coordinator, .+)\.$/,
    );

    await panel.getByLabel('Stage', { exact: true }).selectOption({ label: 'Contacted' });
    await eventually(() => text(panel.getByTestId('lead-message'))).toBe('Moved to Contacted.');
    await eventually(async () => (await text(panel.getByTestId('lead-timeline'))) ?? '').toContain(
      'Moved from New inquiry to Contacted',
    );

    // The score is explained by the rules that gave it.
    await panel.getByTestId('lead-score').locator('summary').click();
    const score = (await text(panel.getByTestId('lead-score'))) ?? '';
    expect(score).toMatch(/Score \d+\/100/);
    expect(score).toMatch(/\+\d+ /);

    await panel.getByRole('button', { name: '← Pipeline' }).click();
    await panel.getByRole('button', { name: 'Analytics' }).click();
    // Other test files add leads too; these figures are this lead's alone.
    await eventually(() => text(panel.getByTestId('analytics-totals'))).toMatch(
      /^(1 new lead|(0|[2-9]|\d\d+) new leads), \d+ won/,
    );
    // At least this lead is in Contacted; the board's test may have moved others there.
    expect(await text(panel.getByTestId('chart-funnel'))).toMatch(/Contacted[1-9]\d*/);
    // This lead counts under its source; referrals from other files may share it.
    expect(await text(panel.getByTestId('chart-sources'))).toMatch(/Referral\d+(\.\d)?% \(\d+ of [1-9]\d*\)/);
    await panel.getByRole('button', { name: '← Pipeline' }).click();
  });

  it('finds the dentist the message names in the referral directory and saves the referral with the lead', async () => {
    // The same kind of message from another family, naming a dentist the directory has (spelled a little differently).
    const page = `${api}/e2e/inbox/referred`;
    const message = readFileSync('tests/fixtures/capture/gmail-message.html', 'utf8')
      .replaceAll('Sofia', 'Amara')
      .replaceAll('Maria Gonzalez', 'Ngozi Obi')
      .replaceAll('maria.gonzalez', 'ngozi.obi')
      .replaceAll('Dr. Raman', 'Dr. Ifeoma Okonjoh');
    await context.route(page, (route) =>
      route.fulfill({ body: message, contentType: 'text/html; charset=utf-8' }),
    );
    const admin = await adminToken(api);
    const created = await fetch(`${api}/api/v1/referring-providers`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${admin}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({
        firstName: 'Ifeoma',
        lastName: 'Okonjo',
        credentials: 'DDS',
        letterPreference: 'mail',
        practice: {
          name: 'Riverbend Family Dental',
          address: { line1: '500 east main street', city: 'austin', state: 'TX', postalCode: '78701' },
        },
      }),
    });
    expect(created.status).toBe(201);
    const provider = (await created.json()) as { id: string };

    const email = await context.newPage();
    await email.goto(page);
    await email.bringToFront();
    await panel.getByRole('button', { name: 'Capture from this page' }).click();
    const match = panel.getByTestId('referrer-match');
    await eventually(async () => (await text(match)) ?? '').toContain('Dr Ifeoma Okonjo, DDS');
    expect(await text(match)).toContain('Riverbend Family Dental (Austin)');
    expect(await text(match)).toContain('last name spelled a little differently');
    await expect
      .poll(() =>
        match.getByLabel('Record the referral from Dr Ifeoma Okonjo, DDS when the lead is saved').isChecked(),
      )
      .toBe(true);
    await panel.getByRole('button', { name: 'Save lead' }).click();
    await eventually(() => text(panel.getByTestId('lead-name'))).toBe('Amara Obi');
    expect(await text(panel.getByTestId('lead-origin'))).toContain('Source: Referral');

    const referrals = await fetch(`${api}/api/v1/referrals?providerId=${provider.id}`, {
      headers: { Authorization: `Bearer ${admin}` },
    });
    const items = ((await referrals.json()) as { items: { leadId: string; channel: string }[] }).items;
    expect(items).toHaveLength(1);
    expect(items[0]!.channel).toBe('email');
    const lead = await fetch(`${api}/api/v1/leads/${items[0]!.leadId}`, {
      headers: { Authorization: `Bearer ${admin}` },
    });
    expect(((await lead.json()) as { firstName: string }).firstName).toBe('Amara');
    await panel.getByRole('button', { name: '← Pipeline' }).click();
    await email.close();
  });

  it('never reads a site on the capture blocklist', async () => {
    await panel.getByRole('button', { name: 'Settings' }).click();
    await panel.getByLabel('Never capture on these sites (one per line)').fill('127.0.0.1');
    await panel.getByRole('button', { name: 'Save sites' }).click();
    await eventually(() => text(panel.getByTestId('blocklist-message'))).toBe('Capture is off on 1 site(s).');
    await panel.getByRole('button', { name: 'Cancel' }).click();
    await panel.getByRole('tab', { name: 'Leads' }).click();

    const email = await openEmail();
    await panel.getByRole('button', { name: 'Capture from this page' }).click();
    await eventually(() => text(panel.getByTestId('leads-message'))).toBe(
      'Capture is turned off for 127.0.0.1 in Settings.',
    );
    expect(await panel.getByTestId('lead-form').count()).toBe(0);
    await email.close();
  });
});

describe('pipeline settings and conversion', () => {
  it('adds a stage, shows the website form address, and converts the lead to a patient', async () => {
    await panel.getByRole('button', { name: 'Pipeline and sources' }).click();
    await panel.getByLabel('New stage', { exact: true }).fill('Records requested');
    await panel.getByRole('button', { name: 'Add stage' }).click();
    await eventually(() => text(panel.getByTestId('pipeline-message'))).toBe('Records requested added.');
    const stages = panel.getByTestId('stage-row');
    await eventually(() => stages.count()).toBe(7);
    await panel.getByRole('button', { name: 'Move Records requested up' }).click();
    await eventually(() => text(panel.getByTestId('pipeline-message'))).toBe('Order saved.');
    expect(await stages.nth(5).locator('input').inputValue()).toBe('Records requested');
    // A won stage cannot lead the pipeline: the server's reason is shown.
    await panel.getByRole('button', { name: 'Move New inquiry down' }).click();
    await eventually(() => text(panel.getByTestId('pipeline-message'))).toBe('Order saved.');
    await panel.getByLabel('Outcome of Contacted').selectOption('won');
    await eventually(() => text(panel.getByTestId('pipeline-message'))).toMatch(/first stage/i);
    await panel.getByRole('button', { name: 'Move New inquiry up' }).click();
    await eventually(async () => stages.nth(0).locator('input').inputValue()).toBe('New inquiry');

    expect(await text(panel.getByTestId('lead-form-endpoint'))).toMatch(
      new RegExp(`^${api.replace(/[.]/g, '\\.')}/api/v1/public/leads/[\\w-]{20,}$`),
    );
    // Scoring rules: an email inquiry is worth more here; the lead's score says so.
    await panel.getByLabel('Email (points)').fill('33');
    await panel.getByRole('button', { name: 'Save scoring rules' }).click();
    await eventually(() => text(panel.getByTestId('scoring-rules').getByRole('status'))).toBe(
      'Scoring rules saved; scores use them from now on.',
    );
    await panel.getByRole('button', { name: '← Pipeline' }).click();

    // Conversion: the lead becomes a patient of a facility and is marked won. The
    // practice's location is set up by an administrator through the API.
    const token = await adminToken(api);
    const created = await fetch(`${api}/api/v1/facilities`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: JSON.stringify({
        name: 'Bright Smiles Orthodontics',
        address: { line1: '10 Oak St', city: 'Denver', state: 'CO', postalCode: '80202' },
      }),
    });
    expect(created.status).toBe(201);
    await panel.getByLabel('Search leads').fill('Sofia');
    await panel.getByRole('button', { name: /^Sofia Gonzalez/ }).click();
    await panel.getByTestId('lead-score').locator('summary').click();
    await eventually(async () => (await text(panel.getByTestId('lead-score'))) ?? '').toContain(
      '+25 Source: referral',
    );
    await panel.getByRole('button', { name: 'Convert to patient' }).click();
    await panel.getByLabel('Facility or location').selectOption({ label: 'Bright Smiles Orthodontics' });
    expect(await panel.getByLabel('Date of birth', { exact: true }).inputValue()).toBe('2011-03-14');
    await panel.getByRole('button', { name: 'Convert', exact: true }).click();
    await eventually(() => text(panel.getByTestId('lead-converted'))).toBe('This lead is a patient now.');
    expect(await panel.getByLabel('Stage', { exact: true }).locator('option:checked').textContent()).toBe(
      'Started treatment',
    );
  });

  it('merges a walk-in entered by hand into Sofia, crediting the walk-in, and the pipeline keeps one Sofia', async () => {
    await panel.getByRole('button', { name: '← Pipeline' }).click();
    await panel.getByRole('button', { name: 'Add lead' }).click();
    await panel.getByLabel('First name').fill('Sofia');
    await panel.getByLabel('Last name').fill('Gonzalez');
    await panel.getByLabel('Email', { exact: true }).fill('Maria.Gonzalez@example.com');
    await panel.getByLabel('Source').selectOption({ label: 'Walk-in' });
    await panel.getByRole('button', { name: 'Save lead' }).click();

    // The new lead says whom it may duplicate and why; the person chooses who gets the credit.
    const duplicates = panel.getByTestId('lead-duplicates');
    await eventually(async () => (await text(duplicates)) ?? '').toContain('Sofia Gonzalez (same email');
    await duplicates.getByTestId('merge-attribution').selectOption({ label: "this lead's source (Walk-in)" });
    await duplicates.getByRole('button', { name: 'Merge into it' }).click();

    // Sofia's own page opens (only she is a patient already), now credited to the walk-in,
    // with the merge on her timeline.
    await eventually(() => text(panel.getByTestId('lead-converted'))).toBe('This lead is a patient now.');
    expect(await text(panel.getByTestId('lead-name'))).toBe('Sofia Gonzalez');
    expect(await text(panel.getByTestId('lead-origin'))).toContain('Source: Walk-in');
    await eventually(async () => (await text(panel.getByTestId('lead-timeline'))) ?? '').toContain(
      'A duplicate lead was merged into this one',
    );
    await panel.getByRole('button', { name: '← Pipeline' }).click();
    await panel.getByLabel('Search leads').fill('Sofia');
    await eventually(() => panel.getByTestId('lead-row').count()).toBe(1);
  });
});
