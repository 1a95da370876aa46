import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { currentTotp } from '../../worker/services/auth/two-factor';
import { launchWithExtension, openSidePanel } from './extension-browser';
import { eventually, signIn as signInAs, signOut as signOutOf, text } from './panel';

const api = inject('apiOrigin');

// The page's own `chrome` global, read inside panel.evaluate.
declare const chrome: {
  storage: Record<'local' | 'session', { get(keys: null): Promise<Record<string, unknown>> }>;
};

let browser: Awaited<ReturnType<typeof launchWithExtension>>;
let context: BrowserContext;
let panel: Page;

const signIn = (email: string, password: string) => signInAs(panel, email, password);
const signOut = () => signOutOf(panel);

beforeAll(async () => {
  browser = await launchWithExtension();
  context = browser.context;
  panel = await openSidePanel(context, browser.extensionId);
});
afterAll(() => browser?.close());

describe('the side panel against a running worker', () => {
  it('points the panel at the test server through Settings', async () => {
    await eventually(() => text(panel.getByTestId('server-url'))).toBe('http://127.0.0.1:8787');
    await panel.getByLabel('Email').fill('typed-before@demo.test');
    await panel.getByLabel('Password').fill('typed-secret');
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
    // What was typed before changing the server address is still there.
    expect(await panel.getByLabel('Email').inputValue()).toBe('typed-before@demo.test');
    expect(await panel.getByLabel('Password').inputValue()).toBe('typed-secret');
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
    // Areas not built yet are not offered as tabs of placeholder text.
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
    // The next person at this browser does not find the last one's email or password.
    expect(await panel.getByLabel('Email').inputValue()).toBe('');
    expect(await panel.getByLabel('Password').inputValue()).toBe('');
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

    // Deactivating asks inside the panel; Escape keeps the member active.
    const readOnly = panel.getByTestId('member-row').filter({ hasText: 'Read Only (Demo)' });
    await readOnly.getByRole('button', { name: 'Deactivate' }).click();
    const sure = panel.getByRole('dialog', { name: 'Deactivate Read Only (Demo)?' });
    await eventually(() => sure.isVisible()).toBe(true);
    await panel.keyboard.press('Escape');
    await eventually(() => sure.count()).toBe(0);
    await eventually(() => readOnly.getByRole('button', { name: 'Deactivate' }).isVisible()).toBe(true);
    await readOnly.getByRole('button', { name: 'Deactivate' }).click();
    await sure.getByRole('button', { name: 'Deactivate' }).click();
    await eventually(() => readOnly.getByRole('button', { name: 'Reactivate' }).isVisible()).toBe(true);
    await readOnly.getByRole('button', { name: 'Reactivate' }).click();
    await eventually(() => readOnly.getByRole('button', { name: 'Deactivate' }).isVisible()).toBe(true);

    await panel.getByRole('tab', { name: 'Audit' }).click();
    await eventually(async () =>
      (await panel.getByTestId('audit-row').allTextContents()).join('\n'),
    ).toContain('invite invitation');
    // Who did it is a name, not an account id.
    const invited = panel.getByTestId('audit-row').filter({ hasText: 'invite invitation' }).first();
    expect(await text(invited)).toContain('Super Admin (Demo)');
    expect(await text(invited)).not.toContain('usr_');
    await panel.screenshot({ path: '.tmp/e2e-audit.png' });
    await signOut();
  });
});
