import { readFileSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchWithExtension, openSidePanel } from './extension-browser';
import { adminToken, connectAndSignIn, ensureFacility, eventually, text } from './panel';

const api = inject('apiOrigin');

// Saved pages served from the local server's address (a host the extension may read by itself).
const LICENSING = `${api}/e2e/licensing/facility/50R0917`;
const WHITAKER = `${api}/e2e/evergreen/residents/88104231/summary`;
const NAKAMURA = `${api}/e2e/evergreen/residents/88104977/summary`;
const HOST = new URL(api).hostname;

let browser: Awaited<ReturnType<typeof launchWithExtension>>;
let context: BrowserContext;
let panel: Page;

async function asAdmin<T = unknown>(
  path: string,
  init: { method?: string; body?: unknown } = {},
): Promise<T> {
  const res = await fetch(`${api}${path}`, {
    method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
    headers: { Authorization: `Bearer ${await adminToken(api)}`, 'Content-Type': 'application/json' },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return (res.status === 204 ? null : await res.json()) as T;
}

async function ensurePatient(facilityId: string, firstName: string, lastName: string, dateOfBirth: string) {
  const found = await asAdmin<{ items: unknown[] }>(
    `/api/v1/patients?facilityId=${facilityId}&q=${lastName}%20${firstName}`,
  );
  if (!found.items.length)
    await asAdmin('/api/v1/patients', { body: { facilityId, firstName, lastName, dateOfBirth } });
}

async function forgetTaughtHost() {
  const { mapping } = await asAdmin<{ mapping: { id: string } | null }>(`/api/v1/site-mappings?host=${HOST}`);
  if (mapping) await asAdmin(`/api/v1/site-mappings/${mapping.id}`, { method: 'DELETE' });
}

async function openPage(url: string) {
  const page = await context.newPage();
  await page.goto(url);
  await page.bringToFront();
  return page;
}

beforeAll(async () => {
  const facilityId = await ensureFacility(api, 'Maple Grove Care Center');
  await ensurePatient(facilityId, 'Harold', 'Whitaker', '1934-05-22');
  await ensurePatient(facilityId, 'Fumiko', 'Nakamura', '1941-12-03');
  await forgetTaughtHost();
  browser = await launchWithExtension();
  context = browser.context;
  for (const [url, file] of [
    [LICENSING, 'state-licensing-entry.html'],
    [WHITAKER, 'evergreen-resident-1.html'],
    [NAKAMURA, 'evergreen-resident-2.html'],
  ] as const) {
    const html = readFileSync(`tests/fixtures/page-reading/${file}`, 'utf8');
    await context.route(url, (route) =>
      route.fulfill({ body: html, contentType: 'text/html; charset=utf-8' }),
    );
  }
  panel = await openSidePanel(context, browser.extensionId);
  await connectAndSignIn(panel, api, 'clinic_admin@demo.test');
  await panel.getByRole('tab', { name: 'Patients' }).waitFor();
});
afterAll(async () => {
  await browser?.close();
  await forgetTaughtHost();
});

describe('acting on the page from the card', () => {
  it('a state licensing entry opens the facility wizard filled in, each field saying where it came from', async () => {
    const page = await openPage(LICENSING);
    const noMatch = panel.getByTestId('page-no-match');
    await noMatch.getByRole('button', { name: 'Start onboarding this facility' }).click();
    await eventually(() =>
      panel
        .getByLabel('Facility name')
        .inputValue()
        .catch(() => ''),
    ).toBe('Parkside Assisted Living Community');
    expect(await text(panel.getByTestId('prefill-note'))).toContain('Facility Details');
    expect(await text(panel.locator('#f-name-hint'))).toBe('From the page’s “Facility Name” label');
    expect(await panel.getByLabel('Phone (optional)').inputValue()).toBe('(503) 555-0177');
    expect(await text(panel.locator('#f-phone-hint'))).toBe('From the page’s “Phone” label');
    expect(await panel.getByLabel('Website (optional)').inputValue()).toBe('');

    await panel.getByRole('button', { name: 'Next' }).click();
    expect(await panel.getByLabel('Administrator name').inputValue()).toBe('Gloria N. Ferreira');
    expect(await text(panel.locator('#a-name-hint'))).toBe('From the page’s “Administrator” label');
    await panel.getByLabel('Administrator name').fill('');
    for (let step = 0; step < 3; step++) await panel.getByRole('button', { name: 'Next' }).click();
    expect(await panel.getByLabel('Street address').inputValue()).toBe('3185 Commercial St SE');
    expect(await text(panel.locator('#ad-line1-hint'))).toBe('From the page’s “Physical Address” label');
    expect(await panel.getByLabel('ZIP code').inputValue()).toBe('97302');
    await page.close();
  });

  it('a face sheet no adapter reads is taught once, and the next resident on the site gets a card', async () => {
    const first = await openPage(WHITAKER);
    await panel.getByRole('button', { name: 'Teach Sidecar this site' }).click();
    const teach = panel.getByTestId('teach-site');
    const steps: [string, string, string][] = [
      ["Point at the resident's name", 'WHITAKER, HAROLD J', 'taught-fullName'],
      ['Point at the date of birth', '05/22/1934', 'taught-dateOfBirth'],
      ['Point at the resident number', 'EV-3307', 'taught-residentNumber'],
    ];
    for (const [button, value, shown] of steps) {
      await teach.getByRole('button', { name: button }).click();
      await first.locator('[data-sidecar-picker]').waitFor();
      await first.getByText(value, { exact: true }).click();
      await eventually(() => text(teach.getByTestId(shown))).toBe(value);
    }
    await teach.getByRole('button', { name: `Save for ${HOST}` }).click();
    // Read again with what was taught: this resident is recognised at once.
    const card = panel.getByTestId('page-match');
    await eventually(() => text(card.getByTestId('match-name'))).toBe('Whitaker, Harold');
    await first.close();

    const next = await openPage(NAKAMURA);
    await eventually(() => text(card.getByTestId('match-name'))).toBe('Nakamura, Fumiko');
    expect(await text(card.getByTestId('match-reasons'))).toContain('same name and date of birth');

    // A note in one step from the card, kept on the patient.
    await card.getByLabel('Note').fill('Daughter asked about the flu shot (from the summary page).');
    await card.getByRole('button', { name: 'Add note' }).click();
    await eventually(() => text(panel.getByTestId('page-card-notice'))).toBe('Note added.');
    const found = await asAdmin<{ items: { id: string }[] }>('/api/v1/patients?q=Nakamura%20Fumiko');
    const patient = await asAdmin<{ notes: string }>(`/api/v1/patients/${found.items[0]!.id}`);
    expect(patient.notes).toMatch(
      /\d{4}-\d{2}-\d{2}: Daughter asked about the flu shot \(from the summary page\)\.$/,
    );
    await next.close();
  });

  it('Settings lists the taught site with what it reads and who taught it, and forgets it', async () => {
    await panel.getByRole('button', { name: 'Settings' }).click();
    const site = panel.getByTestId('taught-site').filter({ hasText: HOST });
    await eventually(() => text(site)).toContain('Reads name, date of birth, resident number');
    await site.getByRole('button', { name: `Forget ${HOST}` }).click();
    await panel.getByRole('button', { name: 'Forget site' }).click();
    await eventually(() => text(panel.getByTestId('taught-sites').getByRole('status'))).toContain(
      `${HOST} forgotten.`,
    );
    await eventually(() => panel.getByTestId('taught-site').filter({ hasText: HOST }).count()).toBe(0);
    const { mapping } = await asAdmin<{ mapping: unknown }>(`/api/v1/site-mappings?host=${HOST}`);
    expect(mapping).toBeNull();
    await panel.getByRole('button', { name: 'Cancel' }).click();
  });
});
