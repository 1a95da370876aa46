import type { BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchWithExtension, openSidePanel } from './extension-browser';

const api = inject('apiOrigin');

/** Retries until the UI settles (10 s at most): the panel answers asynchronously. */
const eventually = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 10_000, interval: 100 });
const text = (locator: Locator) => locator.textContent({ timeout: 500 }).catch(() => null);

let browser: Awaited<ReturnType<typeof launchWithExtension>>;
let context: BrowserContext;
let panel: Page;

beforeAll(async () => {
  browser = await launchWithExtension();
  context = browser.context;
  panel = await openSidePanel(context, browser.extensionId);
  await panel.getByRole('button', { name: 'Change' }).click();
  await panel.getByLabel('Server address').fill(api);
  await panel.getByRole('button', { name: 'Save', exact: true }).click();
  await panel.getByTestId('server-url').filter({ hasText: api }).waitFor();
  await panel.getByLabel('Email').fill('clinic_admin@demo.test');
  await panel.getByLabel('Password').fill('sidecar-demo');
  await panel.getByRole('button', { name: 'Sign in' }).click();
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
