import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CapturedReferrer } from '../../extension/capture/referrer-types';
import { LISTING_INQUIRIES } from '../../scripts/accuracy/inquiry-listings';
import { findChromium } from '../../scripts/chromium-path.mjs';

// The referrer extractor as it ships (the built capture-page.js) in real
// Chromium, on saved practice pages served at their own addresses.
const BUILT_SCRIPT = resolve('.output/chrome-mv3/capture-page.js');
const fixture = (name: string) => readFileSync(resolve('tests/fixtures/capture', name), 'utf8');
const accuracyPage = (name: string) =>
  readFileSync(resolve('tests/fixtures/accuracy/inquiries', `${name}.html`), 'utf8');
/** The provider a dentist's page of the accuracy set is scored against (one truth for the bench and this test). */
function providerTruth(name: string) {
  const truth = LISTING_INQUIRIES.find((i) => i.name === name)?.truth;
  if (!truth || !('provider' in truth))
    throw new Error(`${name} is not a dentist's page of the accuracy set`);
  return truth.provider;
}
type CaptureGlobal = { __sidecarExtractReferrer: () => CapturedReferrer | null };

let browser: Browser;

beforeAll(async () => {
  if (!existsSync(BUILT_SCRIPT)) throw new Error(`${BUILT_SCRIPT} is missing: run \`npx wxt build\`.`);
  const executablePath = findChromium();
  if (!executablePath) throw new Error('Chromium not found: run `node scripts/ensure-chromium.mjs`.');
  browser = await chromium.launch({ executablePath, args: ['--headless=new', '--no-sandbox'] });
});
afterAll(() => browser?.close());

async function referrerAt(url: string, html: string) {
  const page = await browser.newPage();
  try {
    await page.route('**/*', (route) =>
      route.request().url() === url
        ? route.fulfill({ body: html, contentType: 'text/html; charset=utf-8' })
        : route.abort(),
    );
    await page.goto(url);
    await page.addScriptTag({ path: BUILT_SCRIPT });
    return await page.evaluate(() => (globalThis as unknown as CaptureGlobal).__sidecarExtractReferrer());
  } finally {
    await page.close();
  }
}

describe('capturing a referring provider from a practice page', () => {
  it('reads a Dentist with its clinician employee, the practice address, phone and fax', async () => {
    const found = await referrerAt('https://maplestreetdental.example.com/', fixture('dentist-page.html'));
    expect(found?.fields).toEqual({
      firstName: 'Marcus',
      lastName: 'Bell',
      credentials: 'DMD',
      email: 'mbell@maplestreetdental.example.com',
      specialty: 'general_dentist',
      practiceName: 'Maple Street Dental',
      line1: '410 Maple Street',
      city: 'Austin',
      state: 'TX',
      postalCode: '78704',
      phone: '(512) 555-0177',
      fax: '(512) 555-0178',
      website: 'https://maplestreetdental.example.com',
    });
    expect(found?.from).toMatchObject({ firstName: 'JSON-LD Person', line1: 'JSON-LD practice' });
  });

  it('prefers the person the page is about over the practice staff list', async () => {
    const found = await referrerAt(
      'https://lakeside-dental.example.com/team/priya-raman',
      fixture('practice-page-jsonld.html'),
    );
    expect(found?.fields).toMatchObject({
      firstName: 'Priya',
      lastName: 'Raman',
      specialty: 'pediatric_dentist',
      practiceName: 'Lakeside Family Dental',
      city: 'Springfield',
      postalCode: '62701',
    });
  });

  it('reads an hCard with an organisation and fills gaps from mailto and tel links', async () => {
    const html = `<!doctype html><title>Dr Lee</title><div class="h-card">
      <span class="p-name">Dr. Hana Lee, DDS</span> <span class="p-job-title">Periodontist</span>
      <span class="p-org">Cedar Perio</span>
      <span class="p-street-address">9 Cedar Ave</span> <span class="p-locality">Denver</span>
      <span class="p-region">CO</span> <span class="p-postal-code">80202</span></div>
      <a href="mailto:hana@cedarperio.example?subject=Referral">Email</a> <a href="tel:+13035550100">303-555-0100</a>`;
    const found = await referrerAt('https://cedarperio.example/', html);
    expect(found?.fields).toMatchObject({
      firstName: 'Hana',
      lastName: 'Lee',
      credentials: 'DDS',
      specialty: 'periodontist',
      practiceName: 'Cedar Perio',
      line1: '9 Cedar Ave',
      email: 'hana@cedarperio.example',
      phone: '303-555-0100',
    });
    expect(found?.from.email).toBe('mailto link');
  });

  it('offers nothing on a page that is not a practice', async () => {
    expect(
      await referrerAt('https://brightsmiles.example.com/blog/first-visit', fixture('plain-page.html')),
    ).toBeNull();
  });

  it("reads a directory's listing of one dentist declared as the practice, without its reviewers or the directory's own contacts", async () => {
    const found = await referrerAt(
      'https://smilefinder.example.com/dentists/hannah-okafor',
      accuracyPage('directory-listing-dentist'),
    );
    expect(found?.fields).toEqual({
      firstName: 'Hannah',
      lastName: 'Okafor',
      credentials: 'DDS',
      specialty: 'general_dentist',
      line1: '410 Cedar Ave, Suite 2',
      city: 'Millbrook',
      state: 'OH',
      postalCode: '43001',
      phone: '(555) 010-6120',
    });
  });

  it("takes a vcard's typed phone by its value, not the directory's number in the page header", async () => {
    const found = await referrerAt(
      'https://dentaldirectory.example.com/me/harborview-kids-dental',
      accuracyPage('directory-listing-practice-vcard'),
    );
    expect(found?.fields).toMatchObject({
      practiceName: 'Harborview Kids Dental',
      specialty: 'pediatric_dentist',
      phone: '(555) 010-6140',
      email: 'hello@harborviewkids.example.com',
    });
    expect(found?.from.phone).toBe('hCard');
  });

  it('reads a profile page without structured data from its heading and its address block', async () => {
    const found = await referrerAt(
      'https://carrowperio.example.com/team/elise-carrow',
      accuracyPage('dentist-profile-page'),
    );
    expect(found?.fields).toEqual(providerTruth('dentist-profile-page'));
    expect(found?.from).toMatchObject({ lastName: 'heading', city: 'address block', email: 'mailto link' });
  });
});
