import { readFileSync } from 'node:fs';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { findChromium } from '../../scripts/chromium-path.mjs';
import type { FormDefinition } from '../../shared/intake/definition';

const origin = inject('apiOrigin');
const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };
const AXE = readFileSync('node_modules/axe-core/axe.min.js', 'utf8');

/** Two steps: who the patient is (with a follow-up question), then consent and a signature. */
const definition: FormDefinition = {
  title: 'New patient form',
  sections: [
    {
      id: 'about',
      title: 'About the patient',
      fields: [
        { id: 'first_name', type: 'short_text', label: 'First name', required: true, prefill: 'firstName' },
        { id: 'last_name', type: 'short_text', label: 'Last name', required: true, prefill: 'lastName' },
        { id: 'dob', type: 'date', label: 'Date of birth', required: true, prefill: 'dateOfBirth' },
        { id: 'takes_meds', type: 'yes_no', label: 'Do you take any medicines?', required: true },
        {
          id: 'meds',
          type: 'long_text',
          label: 'Which medicines?',
          required: true,
          showWhen: [{ field: 'takes_meds', op: 'equals', value: true }],
        },
      ],
    },
    {
      id: 'consent',
      title: 'Consent',
      fields: [
        {
          id: 'agree',
          type: 'consent',
          label: 'I have read and agree to the consent above',
          text: 'I consent to orthodontic examination and treatment.',
          required: true,
        },
        { id: 'signature', type: 'signature', label: 'Signature', required: true, guardianIfMinor: true },
      ],
    },
  ],
};

let browser: Browser;
let staffToken: string;
let templateId: string;

async function staff(path: string, body?: unknown, method = body === undefined ? 'GET' : 'POST') {
  const res = await fetch(`${origin}/api/v1${path}`, {
    method,
    headers: { Authorization: `Bearer ${staffToken}`, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  // biome-ignore lint/suspicious/noExplicitAny: the test reads whatever the API answered and asserts on it
  const json: any = await res.json();
  if (!res.ok) throw new Error(`${path}: ${res.status} ${JSON.stringify(json)}`);
  return json;
}

/** A lead and a form link for it, on this test's worker (the link's own host is the configured public one). */
async function formLinkFor(lead: Record<string, unknown>): Promise<string> {
  const created = await staff('/leads', { phone: '512-555-0142', ...lead });
  const sent = await staff('/intake-requests', { templateId, leadId: created.lead.id, delivery: 'link' });
  return `${origin}${new URL(sent.link).pathname}`;
}

/** axe-core's serious and critical findings on the page as it is. */
async function axeProblems(page: Page) {
  // Evaluated over the DevTools protocol, which the page's CSP does not govern (an injected <script> would be blocked).
  await page.evaluate(AXE);
  const results = await page.evaluate(() =>
    (globalThis as unknown as { axe: { run: () => Promise<{ violations: unknown[] }> } }).axe.run(),
  );
  return (results.violations as { id: string; impact: string; nodes: { target: string[] }[] }[])
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** Script errors and CSP refusals on the page (the 400 of a step sent with errors on purpose is expected). */
function watchConsole(page: Page) {
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error' && !m.text().includes('status of 400')) problems.push(m.text());
  });
  return problems;
}

beforeAll(async () => {
  const executablePath = findChromium();
  if (!executablePath) throw new Error('Chromium not found: run `node scripts/ensure-chromium.mjs`.');
  browser = await chromium.launch({
    executablePath,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
    ],
  });
  const login = await fetch(`${origin}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: 'clinic_admin@demo.test', password: 'sidecar-demo' }),
  });
  staffToken = ((await login.json()) as { token: string }).token;
  const template = await staff('/intake-templates', { name: 'E2E new patient form', definition });
  await staff(`/intake-templates/${template.id}/publish`, undefined, 'POST');
  templateId = template.id;
});
afterAll(async () => {
  await Promise.race([browser?.close(), new Promise((resolve) => setTimeout(resolve, 10_000))]);
});

describe('the public intake form on a phone', () => {
  it('with JavaScript: live conditions, autosave, a drawn signature and a guardian for a minor', async () => {
    const link = await formLinkFor({
      firstName: 'Mia',
      lastName: 'Minor',
      dateOfBirth: '2014-04-04',
      responsibleParty: { name: 'Rosa Minor', relationship: 'Mother' },
    });
    const context = await browser.newContext(PHONE);
    context.setDefaultTimeout(15_000);
    const page = await context.newPage();
    const problems = watchConsole(page);
    await page.goto(link);

    expect(await page.getByLabel('First name').inputValue()).toBe('Mia');
    expect(await page.getByText('We filled this in from our records — please check').count()).toBe(3);
    // The server's own error state (a post the script did not stop), checked by axe too.
    await page.getByLabel('First name').fill('');
    await page.locator('form').evaluate((form: { submit(): void }) => form.submit());
    await page.locator('#f-first_name-error').waitFor();
    expect(await page.locator('#f-first_name').getAttribute('aria-invalid')).toBe('true');
    expect(await axeProblems(page)).toEqual([]);
    await page.getByLabel('First name').fill('Mia');
    // The follow-up question appears only once "Yes" is chosen.
    const meds = page.getByLabel('Which medicines?');
    expect(await meds.isVisible()).toBe(false);
    await page.getByRole('radio', { name: 'Yes' }).check();
    await meds.waitFor({ state: 'visible' });
    await meds.fill('Fluoride rinse');
    // Draft autosave after two quiet seconds, announced in the status region.
    await page
      .getByRole('status')
      .getByText(/Draft saved at/)
      .waitFor({ timeout: 10_000 });
    expect(await axeProblems(page)).toEqual([]);

    // An adult's date of birth: no guardian part on the signing step.
    await page.getByLabel('Date of birth').fill('1990-01-01');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByText('Step 2 of 2').waitFor();
    const guardian = page.getByRole('group', {
      name: 'If the patient is under 18, a parent or guardian signs here',
    });
    expect(await guardian.isVisible()).toBe(false);
    await page.getByRole('button', { name: 'Back' }).click();
    await page.getByLabel('Date of birth').fill('2014-04-04');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByText('Step 2 of 2').waitFor();
    await guardian.waitFor({ state: 'visible' });

    // Sending without a guardian is stopped in the page, with the engine's message beside the signature.
    await page.getByLabel('I have read and agree to the consent above').check();
    await page.getByLabel('Full name of the person signing').fill('Rosa Minor');
    const canvas = page.locator('canvas');
    await canvas.scrollIntoViewIfNeeded();
    const box = (await canvas.boundingBox())!;
    await page.mouse.move(box.x + 20, box.y + box.height / 2);
    await page.mouse.down();
    for (let i = 1; i <= 24; i++)
      await page.mouse.move(box.x + 20 + i * 10, box.y + box.height / 2 + Math.sin(i / 2) * 30, { steps: 2 });
    await page.mouse.up();
    await page.getByRole('button', { name: 'Sign and send' }).click();
    const summary = page.getByRole('alert');
    await summary.getByText('A parent or guardian must sign for a patient under 18').waitFor();
    expect(page.url()).toBe(`${link}?step=2`);
    const error = page.locator('#f-signature-error');
    expect(await error.textContent()).toContain('A parent or guardian must sign');
    expect(await page.locator('#f-signature-wrap').getAttribute('aria-describedby')).toContain(
      'f-signature-error',
    );
    expect(await axeProblems(page)).toEqual([]);

    await guardian.getByLabel("Parent or guardian's full name").fill('Rosa Minor');
    await guardian.getByLabel('Relationship to the patient').fill('Mother');
    await page.getByRole('button', { name: 'Sign and send' }).click();
    await page.getByRole('heading', { name: 'Thank you' }).waitFor();
    expect(page.url()).toBe(`${link}/done`);
    expect(problems).toEqual([]);

    const submissions = await staff(`/intake-submissions?templateId=${templateId}`);
    const detail = await staff(`/intake-submissions/${submissions.items[0].id}`);
    expect(detail.signatures[0]).toMatchObject({
      kind: 'drawn',
      signerName: 'Rosa Minor',
      guardian: { name: 'Rosa Minor', relationship: 'Mother' },
    });
    expect(detail.signatures[0].userAgent).toContain('Chrome');
    expect(detail.answers.find((a: { fieldId: string }) => a.fieldId === 'meds').value).toBe(
      'Fluoride rinse',
    );
    await context.close();
  });

  it('without JavaScript: the server steps through a simple form signed by typing', async () => {
    const link = await formLinkFor({ firstName: 'Noah', lastName: 'Noscript', dateOfBirth: '1985-07-07' });
    const context = await browser.newContext({ ...PHONE, javaScriptEnabled: false });
    context.setDefaultTimeout(15_000);
    const page = await context.newPage();
    await page.goto(link);

    // Without the script the follow-up question is shown, with when to answer it.
    expect(await page.getByLabel('Which medicines?').isVisible()).toBe(true);
    await page.getByText('Answer this only if you answered “Yes”').waitFor();
    await page.getByRole('button', { name: 'Continue' }).click();
    // The server's answer: the missing choice named beside its question.
    await page.getByText('There is a problem').waitFor();
    expect(await page.locator('#f-takes_meds-error').textContent()).toBe('Choose yes or no');
    await page.getByRole('radio', { name: 'No' }).check();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByText('Step 2 of 2').waitFor();

    // No canvas without the script: the signature is typed.
    expect(await page.locator('canvas').isVisible()).toBe(false);
    await page.getByLabel('I have read and agree to the consent above').check();
    await page.getByLabel('Full name of the person signing').fill('Noah Noscript');
    await page.getByLabel('Type your full name to sign').fill('Noah Noscript');
    await page.getByRole('button', { name: 'Sign and send' }).click();
    await page.getByRole('heading', { name: 'Thank you' }).waitFor();
    expect(await page.getByText('You can close this page').isVisible()).toBe(true);
    await context.close();
  });
});
