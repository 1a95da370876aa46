import type { BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { currentTotp } from '../../worker/services/auth/two-factor';
import { launchWithExtension, openSidePanel } from './extension-browser';

const api = inject('apiOrigin');

// The page's own `chrome` global, read inside panel.evaluate.
declare const chrome: {
  storage: Record<'local' | 'session', { get(keys: null): Promise<Record<string, unknown>> }>;
};

/** Retries until the UI settles (10 s at most): the panel answers asynchronously. */
const eventually = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 10_000, interval: 100 });
const text = (locator: Locator) => locator.textContent({ timeout: 500 }).catch(() => null);
let browser: Awaited<ReturnType<typeof launchWithExtension>>;
let context: BrowserContext;
let panel: Page;

async function signIn(email: string, password: string) {
  await panel.getByLabel('Email').fill(email);
  await panel.getByLabel('Password').fill(password);
  await panel.getByRole('button', { name: 'Sign in' }).click();
}

async function signOut() {
  await panel.getByRole('button', { name: 'Sign out' }).click();
  await panel.getByRole('button', { name: 'Sign in' }).waitFor();
}

beforeAll(async () => {
  browser = await launchWithExtension();
  context = browser.context;
  panel = await openSidePanel(context, browser.extensionId);
});
afterAll(() => browser?.close());

describe('the side panel against a running worker', () => {
  it('points the panel at the test server through Settings', async () => {
    await eventually(() => text(panel.getByTestId('server-url'))).toBe('http://127.0.0.1:8787');
    await panel.getByRole('button', { name: 'Change' }).click();
    const field = panel.getByLabel('Server address');
    await field.fill('ftp://nope');
    await panel.getByRole('button', { name: 'Save', exact: true }).click();
    await eventually(() => text(panel.getByRole('alert'))).toBe(
      'The address must start with https:// or http://',
    );
    await field.fill(api);
    await panel.getByRole('button', { name: 'Save', exact: true }).click();
    await eventually(() => text(panel.getByTestId('server-url'))).toBe(api);
  });

  it('shows the server’s message for a wrong password', async () => {
    await signIn('clinic_admin@demo.test', 'not-the-password');
    await eventually(() => text(panel.getByTestId('sign-in-message'))).toBe('Email or password is incorrect');
  });

  it('signs in and shows who, which organisation and which role', async () => {
    await signIn('clinic_admin@demo.test', 'sidecar-demo');
    const header = panel.getByTestId('signed-in-header');
    await header.waitFor({ state: 'visible' });
    await eventually(() => text(panel.getByTestId('user-name'))).toBe('Clinic Admin (Demo)');
    await eventually(() => text(panel.getByTestId('organization-name'))).toBe('Demo Care Operations');
    await eventually(() => text(panel.getByTestId('role-label'))).toBe('Clinic admin');
    const tabs = await panel.getByRole('tab').allTextContents();
    expect(tabs).toEqual([
      'Facilities',
      'Patients',
      'Leads',
      'Intake',
      'Referrals',
      'Records',
      'Automations',
      'Members',
      'Audit',
    ]);
    // An area not built yet says what will arrive there.
    await panel.getByRole('tab', { name: 'Referrals' }).click();
    await eventually(() => text(panel.getByTestId('empty-state'))).toContain('Referrals arrive here');
    await panel.screenshot({ path: '.tmp/e2e-signed-in.png' });
  });

  it('keeps the token out of persistent storage', async () => {
    const local = await panel.evaluate(() => chrome.storage.local.get(null));
    expect(JSON.stringify(local)).not.toContain('token');
    const session = await panel.evaluate(() => chrome.storage.session.get(null));
    expect(JSON.stringify(session)).toContain('"kind":"session"');
  });

  it('signs out', async () => {
    await signOut();
    await eventually(() => panel.getByTestId('signed-in-header').count()).toBe(0);
  });

  it('hides what a role may not see', async () => {
    await signIn('read_only@demo.test', 'sidecar-demo');
    await eventually(() => text(panel.getByTestId('role-label'))).toBe('Read only');
    const tabs = await panel.getByRole('tab').allTextContents();
    expect(tabs).not.toContain('Members');
    expect(tabs).not.toContain('Audit');
    expect(tabs).not.toContain('Automations');
    await signOut();
  });

  it('returns to sign-in with a message when the server ends the session', async () => {
    await signIn('billing@demo.test', 'sidecar-demo');
    await eventually(() => text(panel.getByTestId('role-label'))).toBe('Billing');
    // An administrator deactivates the member elsewhere.
    const login = await fetch(`${api}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: 'clinic_admin@demo.test', password: 'sidecar-demo' }),
    });
    const { token } = (await login.json()) as { token: string };
    const res = await fetch(`${api}/api/v1/members/mem_demo_billing`, {
      method: 'PATCH',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: JSON.stringify({ status: 'deactivated' }),
    });
    expect(res.status).toBe(200);
    await panel.reload();
    await eventually(() => text(panel.getByTestId('sign-in-message'))).toBe(
      'Your session ended. Sign in again.',
    );
  });
});

describe('two-factor sign-in from the side panel', () => {
  it('turns it on with an authenticator code, shows backup codes, then asks for a code at sign-in', async () => {
    await signIn('doctor@demo.test', 'sidecar-demo');
    await panel.getByRole('button', { name: 'Account' }).click();
    await eventually(() => text(panel.getByTestId('two-factor-status'))).toBe('Off');
    await panel.getByRole('button', { name: 'Start' }).click();
    const secret = (await panel.getByTestId('two-factor-secret').textContent())!.replace(/\s/g, '');
    await panel.getByLabel('6-digit code from the app').fill(currentTotp(secret));
    await panel.getByRole('button', { name: 'Turn on' }).click();
    await eventually(() => panel.getByTestId('backup-codes').locator('li').count()).toBe(10);
    await panel.getByRole('button', { name: 'I have saved them' }).click();
    await panel.getByRole('button', { name: 'Account' }).click();
    await eventually(() => text(panel.getByTestId('two-factor-status'))).toBe('On');

    await signOut();
    await signIn('doctor@demo.test', 'sidecar-demo');
    await panel.getByLabel('Authentication code').fill('000000');
    await panel.getByRole('button', { name: 'Verify' }).click();
    await eventually(() => text(panel.getByTestId('sign-in-message'))).toContain('That code is not right');
    // The setup code's 30-second step is spent; the next step's code is what the app shows next.
    await panel.getByLabel('Authentication code').fill(currentTotp(secret, Date.now() + 30_000));
    await panel.getByRole('button', { name: 'Verify' }).click();
    await eventually(() => text(panel.getByTestId('role-label'))).toBe('Doctor');
    await panel.screenshot({ path: '.tmp/e2e-two-factor.png' });
    await signOut();
  });
});

describe('members and audit for administrators', () => {
  it('invites, changes a role and reads the audit trail from the panel', async () => {
    panel.on('dialog', (dialog) => dialog.accept());
    await signIn('super_admin@demo.test', 'sidecar-demo');
    await panel.getByRole('tab', { name: 'Members' }).click();
    await eventually(() => panel.getByTestId('member-row').count()).toBe(10);

    await panel.getByLabel('Email').fill('new.coordinator@example.test');
    await panel.getByLabel('Role', { exact: true }).selectOption('treatment_coordinator');
    await panel.getByRole('button', { name: 'Send invitation' }).click();
    await eventually(() => text(panel.getByTestId('members-message'))).toBe(
      'Invitation sent to new.coordinator@example.test.',
    );
    await eventually(() => text(panel.getByTestId('invitation-row').first())).toContain(
      'Treatment coordinator · Sent',
    );

    await panel.getByLabel('Role of Facility Admin (Demo)').selectOption('provider');
    await eventually(() => text(panel.getByTestId('members-message'))).toBe(
      'Facility Admin (Demo) is now Provider.',
    );

    await panel.getByRole('tab', { name: 'Audit' }).click();
    await eventually(async () =>
      (await panel.getByTestId('audit-row').allTextContents()).join('\n'),
    ).toContain('invite invitation');
    await panel.screenshot({ path: '.tmp/e2e-audit.png' });
    await signOut();
  });
});

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
    await signOut();
  });
});

describe('roster import from the side panel', () => {
  it('imports a spreadsheet, fixes the flagged cell, commits, and finds the patients in the list', async () => {
    await signIn('clinic_admin@demo.test', 'sidecar-demo');
    await panel.getByRole('tab', { name: 'Patients' }).click();
    await panel.getByLabel('Facility', { exact: true }).selectOption({ label: 'Willow Creek Care' });
    await panel.getByRole('button', { name: 'Import roster' }).click();
    await panel
      .getByLabel('Choose roster file')
      .setInputFiles('tests/fixtures/rosters/roster-with-bad-date.xlsx');

    await eventually(() => panel.getByTestId('review-row').count()).toBe(3);
    expect(await text(panel.getByTestId('import-summary'))).toBe('3 rows · 3 to import · 1 need attention');
    const badCell = panel.getByLabel('Date of birth, row 2');
    expect(await badCell.getAttribute('aria-invalid')).toBe('true');
    expect(await panel.getByRole('button', { name: 'Import 3 patients' }).isDisabled()).toBe(true);

    await badCell.fill('3/13/1940');
    await badCell.blur();
    await eventually(() => text(panel.getByTestId('import-summary'))).toBe(
      '3 rows · 3 to import · 0 need attention',
    );
    await panel.getByRole('button', { name: 'Import 3 patients' }).click();
    await eventually(() => text(panel.getByTestId('patients-message'))).toBe('3 patients imported.');
    // The list reloads after the import: wait for it rather than read it mid-way.
    const listed = () =>
      panel
        .getByTestId('patient-row')
        .allTextContents()
        .then((rows) => rows.join('|'));
    await eventually(listed).toContain('Rivers, Bob');
    expect(await listed()).toContain('Born 1940-03-13');
    expect(await listed()).toContain('Hill, Cy');
    await panel.screenshot({ path: '.tmp/e2e-patients.png', fullPage: true });

    // Services for several patients at once.
    await panel.getByLabel('Select Bob Rivers').check();
    await panel.getByLabel('Select Cy Hill').check();
    await panel.getByRole('button', { name: 'Services for 2 selected' }).click();
    await panel.getByLabel(/All healthcare services/).check();
    await panel.getByRole('button', { name: 'Save services' }).click();
    await eventually(() => text(panel.getByTestId('patients-message'))).toBe(
      'Services saved for 2 patients.',
    );
    await signOut();
  });
});

describe('roster photo from the side panel', () => {
  it('reads a photographed roster with the shipped OCR and imports it after review', async () => {
    await signIn('clinic_admin@demo.test', 'sidecar-demo');
    await panel.getByRole('tab', { name: 'Patients' }).click();
    await panel.getByLabel('Facility', { exact: true }).selectOption({ label: 'Willow Creek Care' });
    await panel.getByRole('button', { name: 'Import roster' }).click();
    await panel.getByLabel('Choose roster file').setInputFiles('tests/fixtures/rosters/printed-roster.png');
    await expect
      .poll(() => panel.getByTestId('review-row').count(), { timeout: 60_000, interval: 250 })
      .toBe(4);
    expect(await panel.getByLabel('Last name, row 1').inputValue()).toBe('Walker');
    expect(await panel.getByLabel('Date of birth, row 2').inputValue()).toBe('1932-12-31');
    await panel.getByRole('button', { name: 'Import 4 patients' }).click();
    await eventually(() => text(panel.getByTestId('patients-message'))).toBe('4 patients imported.');
    await signOut();
  }, 90_000);
});

describe('one patient at a time', () => {
  it('offers to open the existing patient on a likely duplicate, then edits them', async () => {
    await signIn('clinic_admin@demo.test', 'sidecar-demo');
    await panel.getByRole('tab', { name: 'Patients' }).click();
    await panel.getByLabel('Facility', { exact: true }).selectOption({ label: 'Willow Creek Care' });
    await panel.getByRole('button', { name: 'Add patient' }).click();
    await panel.getByLabel('First name').fill('cy');
    await panel.getByLabel('Last name').fill('HILL');
    await panel.getByLabel('Date of birth').fill('1944-06-19');
    await panel.getByRole('button', { name: 'Save patient' }).click();
    await eventually(() => text(panel.getByTestId('duplicate-warning'))).toContain(
      'is already a patient at this facility',
    );
    await panel.getByRole('button', { name: 'Open existing' }).click();
    await panel.getByTestId('patient-detail').waitFor();
    await panel.getByRole('button', { name: 'Edit' }).click();
    await panel.getByLabel('Room').fill('9');
    await panel.getByRole('button', { name: 'Save patient' }).click();
    await eventually(() => text(panel.getByTestId('patient-message'))).toBe('Changes saved.');
    expect(await text(panel.getByTestId('patient-detail'))).toContain('Room 9');
    await signOut();
  });
});

describe('patient tracker and pending pool', () => {
  it('completes the required items, sees the patient become active, and assigns the pool to two providers', async () => {
    await signIn('clinic_admin@demo.test', 'sidecar-demo');
    await panel.getByRole('tab', { name: 'Patients' }).click();
    await panel.getByLabel('Facility', { exact: true }).selectOption({ label: 'Willow Creek Care' });
    await panel.getByRole('button', { name: /Stone, Ada/ }).click();
    const checklist = panel.getByTestId('checklist');
    await checklist.waitFor();
    await eventually(() => text(panel.getByTestId('enrollment-status'))).toContain('0 of 4 required done');

    await panel.getByRole('button', { name: 'Mark Initial assessment done' }).click();
    await eventually(() => text(panel.getByTestId('enrollment-status'))).toContain('In progress');
    await panel.getByRole('button', { name: 'Mark Insurance verification done' }).click();
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
      await eventually(async () => (await text(panel.getByTestId('pending-pool'))) ?? '').toContain(
        `${name} (0/20)`,
      );
    }
    await eventually(() => panel.getByTestId('pool-row').count()).toBe(2);
    await panel.getByLabel('Provider for Ada Stone').selectOption({ label: 'Dr Ada Byron' });
    await panel.getByLabel('Provider for Bob Rivers').selectOption({ label: 'Dr Alan Kay' });
    await panel.getByRole('button', { name: 'Review assignment' }).click();
    expect(await text(panel.getByTestId('assign-summary'))).toContain('Assign 2 patients?');
    await panel.getByRole('button', { name: 'Confirm assignment' }).click();
    await eventually(() => text(panel.getByTestId('pool-message'))).toBe('2 patients assigned.');
    await panel.getByTestId('pool-empty').waitFor();
    await panel.getByRole('button', { name: '← Patients' }).click();
    await panel.getByRole('button', { name: /Stone, Ada/ }).click();
    await eventually(() => text(panel.getByTestId('current-provider'))).toContain('Dr Ada Byron, since');
    await signOut();
  });
});

describe('checklist template, tracker edits, NPI check and page evidence', () => {
  it('lets an administrator shape the checklist, edit the grid, check an NPI and attach a page', async () => {
    panel.removeAllListeners('dialog');
    panel.on('dialog', (dialog) =>
      dialog.accept(dialog.type() === 'prompt' ? 'family asked to start early' : undefined),
    );
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
    await eventually(
      async () => (await text(panel.getByTestId('tracker-row').filter({ hasText: 'Walker, Edith' }))) ?? '',
    ).toContain('override');
    await panel.getByRole('button', { name: '← Patients' }).click();

    // NPI: the check digit is checked offline; the registry is out of reach here, and the panel says so.
    await panel.getByRole('button', { name: 'Pending pool' }).click();
    await panel.getByLabel('NPI (optional)').fill('1234567890');
    await panel.getByRole('button', { name: 'Look up' }).click();
    await eventually(() => text(panel.getByTestId('pool-message'))).toBe(
      'This NPI fails its check digit; check the 10 digits.',
    );
    await panel.getByLabel('NPI (optional)').fill('1245319599');
    await panel.getByRole('button', { name: 'Look up' }).click();
    await eventually(() => text(panel.getByTestId('pool-message'))).toContain('enter the details by hand');
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
    await eventually(async () => (await text(welcome)) ?? '').toContain('Note: family asked to start early');
    await page.close();
    await signOut();
  });
});
