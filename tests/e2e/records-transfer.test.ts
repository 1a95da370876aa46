import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ELEMENT_LABELS } from '../../shared/records/authorization';
import { connectAndSignIn, ensureFacility, ensurePatients, eventually, openPanel, text } from './panel';

const api = inject('apiOrigin');

let browser: Awaited<ReturnType<typeof openPanel>>['browser'];
let context: Awaited<ReturnType<typeof openPanel>>['context'];
let panel: Page;

beforeAll(async () => {
  const facilityId = await ensureFacility(api, 'Records Transfer Facility');
  await ensurePatients(api, facilityId, [
    { firstName: 'Pearl', lastName: 'Sender', dateOfBirth: '1950-07-08' },
  ]);
  ({ browser, context, panel } = await openPanel(api));
  await connectAndSignIn(panel, api, 'clinic_admin@demo.test');
  await panel.getByRole('tab', { name: 'Records' }).click();
});
afterAll(() => browser?.close());

const status = () => text(panel.getByTestId('records-status'));
const press = (name: string) => panel.getByRole('button', { name, exact: true }).click();
const pdf = (name: string) => ({
  name,
  mimeType: 'application/pdf',
  buffer: Buffer.from('%PDF-1.7\n%%EOF\n'),
});

/**
 * The newest message to `to` whose subject matches `subject`, from the dev
 * mailbox page. A pattern on the subject heading, because Playwright matches a
 * plain string anywhere and without case: "Records from" would also find "Your
 * code for the records from", sent in the same batch and so listed before or
 * after it at random.
 */
async function mail(page: Page, to: string, subject: RegExp) {
  await page.goto(`${api}/dev/mailbox`);
  const message = page
    .locator('article', { hasText: `To ${to}` })
    .filter({ has: page.getByRole('heading', { name: subject }) })
    .first();
  return (await message.locator('pre').textContent()) ?? '';
}

describe('sending records by secure link', () => {
  it('holds, authorizes, approves, sends, is downloaded by the recipient, and ends completed with its disclosure', async () => {
    await press('New request');
    await panel.getByLabel('Who asks').selectOption('third_party');
    await panel.getByLabel('Patient', { exact: true }).fill('Sender');
    await panel.getByRole('button', { name: /Pearl Sender/ }).click();
    await panel.getByLabel('Requester name').fill('Dr. Quinn');
    await panel.getByLabel('Email (for notices and the secure link)').fill('quinn@clinic.test');
    await panel.getByLabel('Records asked for').fill('Visit notes');
    await panel.getByLabel('Purpose').fill('Continuity of care');
    await press('Log request');
    await panel.getByTestId('records-detail').waitFor();
    await eventually(status).toBe('Received');

    // Every element but the redisclosure statement: on hold, saying what is missing.
    for (const element of Object.keys(ELEMENT_LABELS) as (keyof typeof ELEMENT_LABELS)[]) {
      if (element === 'redisclosure_statement' || element === 'representative_authority') continue;
      await panel.getByLabel(ELEMENT_LABELS[element]).check();
    }
    await press('Record authorization check');
    await eventually(status).toBe('On hold');
    expect(await text(panel.locator('p.alert').first())).toContain('may be redisclosed by the recipient');
    // Approval is unavailable before the click, with the reason on the page.
    expect(await panel.getByRole('button', { name: 'Approved' }).isDisabled()).toBe(true);
    expect(await text(panel.getByTestId('records-missing'))).toContain(
      'a copy of the signed authorization form',
    );

    await panel.getByLabel('Upload the signed authorization').setInputFiles(pdf('authorization.pdf'));
    await eventually(() => text(panel.getByTestId('records-transfer-message'))).toBe(
      'authorization.pdf added.',
    );
    await panel.getByLabel(ELEMENT_LABELS.redisclosure_statement).check();
    await press('Record authorization check');
    await eventually(status).toBe('Authorization check');
    await press('Approved');
    await eventually(status).toBe('Approved');

    await panel.getByLabel('Upload records to send').setInputFiles(pdf('records.pdf'));
    await eventually(status).toBe('Preparing');
    await press('Send secure link');
    await eventually(status).toBe('Sent');
    expect(await text(panel.getByTestId('records-transfer-message'))).toContain(
      'Secure link sent to quinn@clinic.test',
    );

    // The recipient: the link from one email, the code from the other.
    const page = await context.newPage();
    const sent = (await mail(page, 'quinn@clinic.test', /Records from/)).match(/http\S+\/r\/\S+/)![0];
    const code = (await mail(page, 'quinn@clinic.test', /Your code/)).match(/one-time code is (\d+)/)![1]!;
    // Emails name PUBLIC_BASE_URL from wrangler.toml; this test's worker listens on a free port.
    await page.goto(`${api}${new URL(sent).pathname}`);
    await page.getByLabel('One-time code').fill(code);
    await page.getByRole('button', { name: 'Open the records' }).click();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download records.pdf' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('records.pdf');
    await page.close();

    await press('Refresh');
    await eventually(status).toBe('Completed');
    await eventually(() => text(panel.getByTestId('records-disclosure').first())).toContain('Dr. Quinn');
    expect(await text(panel.getByTestId('records-disclosure').first())).toContain('Continuity of care');
    expect(await text(panel.getByTestId('records-link'))).toContain('download');
  });

  it("changes the organisation's states and rules on the settings screen", async () => {
    await press('← Records requests');
    await press('Records settings');
    await panel.getByTestId('records-settings').waitFor();
    const rules = panel.getByRole('list', { name: 'Legal rules' });
    await eventually(() => text(rules)).toContain('45 CFR 164.524(b)(2)');
    await panel.getByLabel('Texas').check();
    await eventually(() => text(rules)).toContain('Texas');
    await panel.getByLabel('Rule name').fill('Practice promise');
    await panel.getByLabel('Where the rule comes from').fill('Our patient charter');
    await press('Add rule');
    await eventually(() => text(panel.getByRole('list', { name: 'Practice rules' }))).toContain(
      'Practice promise: 10 business days',
    );
    await press('Remove Practice promise');
    await panel.getByLabel('Texas').uncheck();
    await eventually(() => text(rules)).not.toContain('Texas');
    expect(await text(panel.getByTestId('records-settings-message'))).toContain('Settings saved');
  });
});
