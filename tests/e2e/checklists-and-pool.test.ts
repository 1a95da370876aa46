import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { launchWithExtension } from './extension-browser';
import { REGISTERED_NPI } from './nppes-stand-in';
import {
  ensureFacility,
  ensurePatients,
  eventually,
  openPanel,
  signIn as signInAs,
  signOut as signOutOf,
  text,
} from './panel';

// The enrollment checklist, the tracker, the pending pool with its NPI check, and page evidence.
const api = inject('apiOrigin');

let browser: Awaited<ReturnType<typeof launchWithExtension>>;
let context: BrowserContext;
let panel: Page;
const signIn = (email: string, password: string) => signInAs(panel, email, password);
const signOut = () => signOutOf(panel);

beforeAll(async () => {
  ({ browser, context, panel } = await openPanel(api));
  const facilityId = await ensureFacility(api, 'Willow Creek Care');
  await ensurePatients(api, facilityId, [
    { firstName: 'Ada', lastName: 'Stone', dateOfBirth: '1938-05-02' },
    { firstName: 'Bob', lastName: 'Rivers', dateOfBirth: '1940-03-13' },
    { firstName: 'Edith', lastName: 'Walker', dateOfBirth: '1936-09-21' },
  ]);
});
afterAll(() => browser?.close());

describe('patient tracker and pending pool', () => {
  it('completes the required items, sees the patient become active, and assigns the pool to two providers', async () => {
    await signIn('clinic_admin@demo.test', 'sidecar-demo');
    await panel.getByRole('tab', { name: 'Patients' }).click();
    await panel.getByLabel('Facility', { exact: true }).selectOption({ label: 'Willow Creek Care' });
    await panel.getByRole('button', { name: /Stone, Ada/ }).click();
    const checklist = panel.getByTestId('checklist');
    await checklist.waitFor();
    await eventually(() => text(panel.getByTestId('enrollment-status'))).toContain('0 of 4 required done');

    await panel.getByRole('button', { name: 'Mark done: Initial assessment' }).click();
    await eventually(() => text(panel.getByTestId('enrollment-status'))).toContain('In progress');
    await panel.getByRole('button', { name: 'Mark done: Insurance verification' }).click();
    await eventually(() => text(panel.getByTestId('enrollment-status'))).toContain('2 of 4');
    const pdf = (name: string) => ({
      name,
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.7\n%%EOF\n'),
    });
    await panel.getByLabel('Upload Signed consent form').setInputFiles(pdf('consent.pdf'));
    await eventually(() => text(panel.getByTestId('enrollment-status'))).toContain('3 of 4');
    await panel.getByLabel('Upload Current medication list').setInputFiles(pdf('meds.pdf'));
    await eventually(() => text(panel.getByTestId('enrollment-status'))).toContain(
      'Active · 4 of 4 required done (100%)',
    );
    await panel.screenshot({ path: '.tmp/e2e-checklist.png', fullPage: true });

    // A second enrolled patient, made active through the API.
    const login = await fetch(`${api}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: 'super_admin@demo.test', password: 'sidecar-demo' }),
    });
    const { token } = (await login.json()) as { token: string };
    const auth = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' };
    const found = (await (await fetch(`${api}/api/v1/patients?q=rivers`, { headers: auth })).json()) as {
      items: { id: string }[];
    };
    await fetch(`${api}/api/v1/patients/${found.items[0]!.id}/status`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ status: 'active', reason: 'enrolled on paper' }),
    });

    await panel.getByRole('button', { name: '← All patients' }).click();
    await panel.getByRole('button', { name: 'Pending pool' }).click();
    await panel.getByTestId('pending-pool').waitFor();
    for (const name of ['Dr Ada Byron', 'Dr Alan Kay']) {
      await panel.getByLabel('Name', { exact: true }).fill(name);
      await panel.getByRole('button', { name: 'Add provider' }).click();
      await eventually(async () => (await text(panel.getByTestId('provider-places'))) ?? '').toContain(
        `${name} (20 places left)`,
      );
    }
    await eventually(() => panel.getByTestId('pool-row').count()).toBe(2);
    await panel.getByLabel('Provider for Ada Stone').selectOption({ label: 'Dr Ada Byron (20 places left)' });
    // Places left count the choices already made, before anything is assigned.
    await eventually(async () => (await text(panel.getByTestId('provider-places'))) ?? '').toContain(
      'Dr Ada Byron (19 places left)',
    );
    await panel.getByLabel('Provider for Bob Rivers').selectOption({ label: 'Dr Alan Kay (20 places left)' });
    await panel.getByRole('button', { name: 'Review assignment' }).click();
    expect(await text(panel.getByTestId('assign-summary'))).toContain('Assign 2 patients?');
    await panel.getByRole('button', { name: 'Confirm assignment' }).click();
    await eventually(() => text(panel.getByTestId('pool-message'))).toBe('2 patients assigned.');
    await panel.getByTestId('pool-empty').waitFor();
    // The providers' counts follow the assignment without leaving the screen.
    const byron = panel.getByTestId('provider-row').filter({ hasText: 'Dr Ada Byron' });
    await eventually(async () => (await text(byron)) ?? '').toContain('1/20');

    // Retiring a provider shows who returns to the pool before it happens, then reactivating brings them back.
    await panel.getByRole('button', { name: 'Retire Dr Alan Kay' }).click();
    await eventually(async () => (await text(panel.getByTestId('retire-summary'))) ?? '').toContain(
      'Rivers, Bob',
    );
    await panel.getByRole('button', { name: 'Confirm retirement' }).click();
    await eventually(() => text(panel.getByTestId('provider-message'))).toBe(
      'Dr Alan Kay retired; 1 patient back in the pending pool.',
    );
    await eventually(() => panel.getByTestId('pool-row').count()).toBe(1);
    await panel.getByRole('button', { name: 'Reactivate Dr Alan Kay' }).click();
    await eventually(() => text(panel.getByTestId('provider-message'))).toBe('Dr Alan Kay is active again.');
    await panel.getByLabel('Provider for Bob Rivers').selectOption({ label: 'Dr Alan Kay (20 places left)' });
    await panel.getByRole('button', { name: 'Review assignment' }).click();
    await panel.getByRole('button', { name: 'Confirm assignment' }).click();
    await panel.getByTestId('pool-empty').waitFor();
    await panel.getByRole('button', { name: '← Patients' }).click();
    await panel.getByRole('button', { name: /Stone, Ada/ }).click();
    await eventually(() => text(panel.getByTestId('current-provider'))).toContain('Dr Ada Byron, since');
    await signOut();
  });
});

describe('checklist template, tracker edits, NPI check and page evidence', () => {
  it('lets an administrator shape the checklist, edit the grid, check an NPI and attach a page', async () => {
    await signIn('clinic_admin@demo.test', 'sidecar-demo');
    await panel.getByRole('tab', { name: 'Patients' }).click();
    await panel.getByLabel('Facility', { exact: true }).selectOption({ label: 'Willow Creek Care' });

    // The facility gets its own checklist with one more required task.
    await panel.getByRole('button', { name: 'Checklist', exact: true }).click();
    await panel.getByRole('button', { name: 'Give Willow Creek Care its own' }).click();
    await eventually(() => text(panel.getByTestId('template-message'))).toBe(
      'Willow Creek Care now has its own checklist.',
    );
    await panel.getByLabel('Title').fill('Pharmacy consent');
    await panel.getByRole('button', { name: 'Add item' }).click();
    // Who the change reaches is shown before anything is saved.
    await eventually(() => text(panel.getByTestId('template-preview-summary'))).toMatch(
      /^(Reaches \d+ patients? not yet active; no status changes\.|No patient checklist changes\.)/,
    );
    expect(await panel.getByTestId('template-item').count()).toBe(5);
    await panel.getByRole('button', { name: 'Save change' }).click();
    await eventually(() => text(panel.getByTestId('template-message'))).toMatch(/^Pharmacy consent added\./);
    await eventually(() => panel.getByTestId('template-item').count()).toBe(6);
    await panel.getByRole('button', { name: '← Patients' }).click();

    // The tracker shows it as what blocks patients; the grid edits meeting status and overrides a status.
    await panel.getByRole('button', { name: 'Tracker' }).click();
    await eventually(async () => (await text(panel.getByTestId('worklist'))) ?? '').toContain(
      'Pharmacy consent',
    );
    await panel.getByLabel('Meeting status of Edith Walker').selectOption('scheduled');
    await eventually(() => panel.getByLabel('Meeting status of Edith Walker').inputValue()).toBe('scheduled');
    await panel.getByLabel('Status of Edith Walker', { exact: true }).selectOption('active');
    // The reason is asked in the panel, not in a browser prompt.
    const reason = panel.getByRole('dialog', { name: 'Set Edith Walker to Active' });
    await reason.getByLabel('Reason').fill('family asked to start early');
    await reason.getByRole('button', { name: 'Set status' }).click();
    await eventually(
      async () => (await text(panel.getByTestId('tracker-row').filter({ hasText: 'Walker, Edith' }))) ?? '',
    ).toContain('override');
    await panel.getByRole('button', { name: '← Patients' }).click();

    // NPI: the check digit is checked offline, then the registry (a local stand-in here) is asked.
    await panel.getByRole('button', { name: 'Pending pool' }).click();
    await panel.getByLabel('NPI (optional)').fill('1234567890');
    await panel.getByRole('button', { name: 'Look up' }).click();
    await eventually(() => text(panel.getByTestId('pool-message'))).toBe(
      'This NPI fails its check digit; check the 10 digits.',
    );
    await panel.getByLabel('NPI (optional)').fill('1987654328');
    await panel.getByRole('button', { name: 'Look up' }).click();
    await eventually(() => text(panel.getByTestId('pool-message'))).toBe(
      'The NPI registry has no provider with this number.',
    );
    // A listed provider fills in the form; staff still choose the capacity and save.
    await panel.getByLabel('NPI (optional)').fill(REGISTERED_NPI);
    await panel.getByRole('button', { name: 'Look up' }).click();
    await eventually(() => text(panel.getByTestId('pool-message'))).toBe(
      'Found Ruth Okafor in the NPI registry.',
    );
    expect(await panel.getByLabel('Name', { exact: true }).inputValue()).toBe('Ruth Okafor');
    expect(await panel.getByLabel('Credentials').inputValue()).toBe('MD');
    expect(await panel.getByLabel('Specialty').inputValue()).toBe('Geriatric Medicine');
    await panel.getByRole('button', { name: '← Patients' }).click();

    // Attach the page the person is looking at to a checklist item.
    await panel.getByRole('button', { name: /Walker, Edith/ }).click();
    await panel.getByTestId('checklist').waitFor();
    const page = await context.newPage();
    await page.goto(`${api}/dev/mailbox`);
    await page.bringToFront();
    const welcome = panel.getByTestId('checklist-item').filter({ hasText: 'Welcome call' });
    await welcome.getByRole('button', { name: 'Attach page' }).click();
    await eventually(async () => (await text(welcome)) ?? '').toContain(
      'evidence: Dev mailbox · Sidecar CRM',
    );
    await welcome.getByRole('button', { name: 'Note on Welcome call' }).click();
    const note = panel.getByRole('dialog', { name: 'Note on Welcome call' });
    await note.getByLabel('Note').fill('family asked to start early');
    await note.getByRole('button', { name: 'Save note' }).click();
    await eventually(async () => (await text(welcome)) ?? '').toContain('Note: family asked to start early');
    await page.close();
    await signOut();
  });
});
