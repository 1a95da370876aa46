import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { syncCases } from './automation-setup';
import type { launchWithExtension } from './extension-browser';
import { connectAndSignIn, ensureFacility, ensurePatients, eventually, openPanel, text } from './panel';

// Spec 002 end to end: cases synced through the API, a rule built in the
// panel ("case expires within 14 days and sessions left > 0 → email"), its dry
// run, Play, the scheduled handler, the emails in the dev mailbox and the run
// on the patient's case. The rule emails the patient, at their own address.
const api = inject('apiOrigin');
const TEMPLATE = 'Expiry notice (e2e)';
const RULE = 'Referral expiring with sessions left';
/** Each patient's own address: the rule emails the patient. */
const EMAIL = {
  ann: 'ann.expiry@patients.test',
  ben: 'ben.expiry@patients.test',
  cy: 'cy.expiry@patients.test',
};

let browser: Awaited<ReturnType<typeof launchWithExtension>>;
let panel: Page;

beforeAll(async () => {
  ({ browser, panel } = await openPanel(api));
  const facilityId = await ensureFacility(api, 'Expiry Clinic');
  const [ann, ben, cy] = await ensurePatients(api, facilityId, [
    { firstName: 'Ann', lastName: 'Expiry', dateOfBirth: '1950-01-02', email: EMAIL.ann },
    { firstName: 'Ben', lastName: 'Expiry', dateOfBirth: '1951-03-04', email: EMAIL.ben },
    { firstName: 'Cy', lastName: 'Expiry', dateOfBirth: '1952-05-06', email: EMAIL.cy },
  ]);
  // Matching: Ann's physio (10 days, 4 left) and Cy's speech case (12 days, 3 left).
  // Not: Ann's second case (40 days), Ben's case (every session done).
  await syncCases(api, facilityId, [
    {
      externalId: 'e2e-ann-1',
      patientId: ann!,
      name: 'Ann physio',
      expiresInDays: 10,
      maxSessions: 5,
      attended: 1,
    },
    {
      externalId: 'e2e-ann-2',
      patientId: ann!,
      name: 'Ann hydro',
      expiresInDays: 40,
      maxSessions: 5,
      attended: 0,
    },
    {
      externalId: 'e2e-ben-1',
      patientId: ben!,
      name: 'Ben physio',
      expiresInDays: 5,
      maxSessions: 2,
      attended: 2,
    },
    {
      externalId: 'e2e-cy-1',
      patientId: cy!,
      name: 'Cy speech',
      expiresInDays: 12,
      maxSessions: 3,
      attended: 0,
    },
  ]);
  await connectAndSignIn(panel, api, 'clinic_admin@demo.test');
  await panel.getByRole('tab', { name: 'Automations' }).click();
});
afterAll(() => browser?.close());

/** The dev mailbox's messages about this rule's template to `recipient`. */
async function sentTo(recipient: string) {
  const res = await fetch(`${api}/dev/mailbox.json`);
  const { items } = (await res.json()) as { items: { recipient: string; subject: string }[] };
  return items.filter((m) => m.recipient === recipient && m.subject.startsWith('Referral '));
}

/** The cron trigger, as Cloudflare fires it (the local worker serves `/__scheduled` for tests). */
const runScheduled = () => fetch(`${api}/__scheduled?cron=${encodeURIComponent('*/5 * * * *')}`);

describe('an automation from template to sent email', () => {
  it('sets sending settings with no quiet hours', async () => {
    await panel.getByRole('button', { name: 'Sending settings' }).click();
    await panel.getByLabel('Time zone').fill('UTC');
    await panel.getByLabel('Quiet from').fill('00:00');
    await panel.getByLabel('until').fill('00:00');
    await panel.getByRole('button', { name: 'Save sending settings' }).click();
    await eventually(() => text(panel.getByTestId('sending-settings'))).toContain('Sending settings saved.');
    expect(await text(panel.getByTestId('sending-settings'))).toContain('No quiet hours');
  });

  it('writes an email template with a merge field at the cursor, an unknown field refused, and a live preview', async () => {
    await panel.getByRole('button', { name: 'Templates' }).click();
    await panel.getByRole('button', { name: 'New template' }).click();
    await panel.getByLabel('Template name').fill(TEMPLATE);
    const subject = panel.getByLabel('Subject', { exact: true });
    await subject.fill('Referral  expires soon');
    // The cursor between the two spaces, by keyboard: the picked field goes there.
    await subject.press('End');
    for (let i = 0; i < ' expires soon'.length; i++) await subject.press('ArrowLeft');
    await panel.getByLabel('Merge field').selectOption({ label: 'Case name' });
    await panel.getByRole('button', { name: 'Insert field' }).click();
    await eventually(() => subject.inputValue()).toBe('Referral {{case.name}} expires soon');
    await panel.getByLabel('Message', { exact: true }).fill('{{case.bogus}} sessions left.');
    await eventually(() => text(panel.locator('#template-body-error'))).toBe(
      'Unknown merge field {{case.bogus}}',
    );
    await panel
      .getByLabel('Message', { exact: true })
      .fill('{{case.sessionsLeft}} sessions left at {{location.name}}.');
    await eventually(() => panel.locator('#template-body-error').count()).toBe(0);
    await panel.getByLabel('With the case').selectOption({ label: 'Ann physio' });
    const preview = panel.getByTestId('template-preview');
    await eventually(() => text(preview)).toContain('4 sessions left at Expiry Clinic.');
    expect(await text(preview.locator('strong'))).toBe('Referral Ann physio expires soon');
    await panel.getByRole('button', { name: 'Save template' }).click();
    await eventually(() => text(panel.getByTestId('template-editor'))).toContain('Template saved.');
  });

  it('builds the rule in the panel, dry-runs it, and plays it', async () => {
    await panel.getByRole('button', { name: '← Templates' }).click();
    await panel.getByRole('button', { name: 'Rules' }).click();
    await panel.getByRole('button', { name: 'New automation' }).click();
    await panel.getByLabel('Automation name').fill(RULE);
    await panel.getByLabel('Expiry Clinic').check();
    await panel.locator('#cond-0-field').selectOption({ label: 'Expiry date' });
    expect(await panel.locator('#cond-0-op option:checked').textContent()).toBe('is within the next … days');
    await panel.locator('#cond-0-value').fill('14');
    await panel.getByRole('button', { name: '+ And' }).click();
    await panel.locator('#cond-1-field').selectOption({ label: 'Sessions left to go' });
    await panel.locator('#cond-1-op').selectOption({ label: 'is more than' });
    await panel.locator('#cond-1-value').fill('0');
    await panel.getByLabel('Template', { exact: true }).selectOption({ label: TEMPLATE });
    await panel.getByLabel('To', { exact: true }).selectOption('patient');
    await panel.getByRole('button', { name: 'Save automation' }).click();

    const detail = panel.getByTestId('rule-detail');
    await detail.waitFor();
    await eventually(() => text(panel.getByTestId('rule-status'))).toBe('Draft · version 1');
    expect(await text(panel.getByTestId('rule-summary'))).toContain(
      'Expiry date is within the next 14 days and Sessions left to go is more than 0',
    );
    // Play waits for the dry run.
    expect(await panel.getByRole('button', { name: 'Play' }).isDisabled()).toBe(true);
    await panel.getByRole('button', { name: 'Dry run' }).click();
    await eventually(() => text(panel.getByTestId('dry-run-count'))).toContain(
      '2 cases match now; 2 not yet acted on',
    );
    expect(await panel.getByTestId('dry-run-sample').count()).toBe(2);
    expect(await text(panel.getByTestId('dry-run-sample').first())).toContain('Sessions left to go:');
    expect(await panel.getByTestId('dry-run-forecast').locator('li').count()).toBe(7);
    await panel.getByRole('button', { name: 'Play' }).click();
    await eventually(() => text(panel.getByTestId('rule-status'))).toBe('Running · version 1');
  });

  it('sends exactly one email per matching patient, to the patient, when the scheduled handler runs twice at once', async () => {
    await Promise.all([runScheduled(), runScheduled()]);
    await eventually(async () => (await sentTo(EMAIL.ann)).length).toBe(1);
    await eventually(async () => (await sentTo(EMAIL.cy)).length).toBe(1);
    await runScheduled();
    // Another run, and time for the queue to deliver anything it would: still one each, none for Ben.
    await new Promise((resolve) => setTimeout(resolve, 3000));
    expect((await sentTo(EMAIL.ann)).map((m) => m.subject)).toEqual(['Referral Ann physio expires soon']);
    expect((await sentTo(EMAIL.cy)).map((m) => m.subject)).toEqual(['Referral Cy speech expires soon']);
    expect(await sentTo(EMAIL.ben)).toEqual([]);

    await panel.getByRole('button', { name: 'Refresh' }).click();
    await eventually(() => panel.getByTestId('rule-run').count()).toBe(2);
  });

  it('shows the run on the patient’s case and page', async () => {
    await panel.getByRole('tab', { name: 'Patients' }).click();
    await panel.getByLabel('Facility', { exact: true }).selectOption({ label: 'Expiry Clinic' });
    await panel.getByTestId('patient-row').filter({ hasText: 'Expiry, Ann' }).locator('.row-link').click();
    const cases = panel.getByTestId('patient-cases');
    await cases.waitFor();
    const physio = cases.getByTestId('case-row').filter({ hasText: 'Ann physio' });
    expect(await text(physio.getByTestId('case-parameters'))).toContain('1 done, 4 left of 5');
    await physio.getByRole('button', { name: 'Open the case' }).click();
    await eventually(() => text(physio.getByTestId('automation-history-caseId'))).toContain(
      `${RULE} (version 1)`,
    );
    await eventually(() => text(panel.getByTestId('automation-history-patientId'))).toContain(RULE);
    // The other case was not touched.
    const hydro = cases.getByTestId('case-row').filter({ hasText: 'Ann hydro' });
    await hydro.getByRole('button', { name: 'Open the case' }).click();
    await eventually(() => text(hydro.getByTestId('automation-history-caseId'))).toContain(
      'No automation has acted on this case.',
    );
  });
});
