import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CapturedLead } from '../../extension/capture/types';
import { findChromium } from '../../scripts/chromium-path.mjs';

// The lead extractors as they ship: the built capture-page.js, loaded into
// real Chromium on saved pages served at the addresses they come from, then
// called the way the background calls it.
const BUILT_SCRIPT = resolve('.output/chrome-mv3/capture-page.js');
const fixture = (name: string) => readFileSync(resolve('tests/fixtures/capture', name), 'utf8');
const accuracyPage = (name: string) =>
  readFileSync(resolve('tests/fixtures/accuracy/inquiries', `${name}.html`), 'utf8');

const GMAIL_URL = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJWbdNpqHCdRgzmLPfhVxkLtB';
const OUTLOOK_URL = 'https://outlook.office.com/mail/inbox/id/AAQkAGI0ZTcxMDk2LTBlODktNGQ3Yy1hAAA%3D';
const PRACTICE_URL = 'https://lakeside-dental.example.com/team/priya-raman';
const HCARD_URL = 'https://riverbend-soccer.example.com/coaches/jordan';
const CONTACT_URL = 'https://brightsmiles.example.com/contact';
const PLAIN_URL = 'https://brightsmiles.example.com/blog/first-visit';

// The page's DOM, used inside page.evaluate (this project's types have no DOM library).
type PageElement = {
  insertAdjacentHTML(where: 'afterbegin' | 'beforeend', html: string): void;
  replaceChildren(): void;
};
declare const document: { querySelector(selector: string): PageElement | null };

type Pointed = { selectionText?: string; linkUrl?: string };
type CaptureGlobal = { __sidecarExtractLead: (selectionText?: string, linkUrl?: string) => CapturedLead };

let browser: Browser;

beforeAll(async () => {
  if (!existsSync(BUILT_SCRIPT)) {
    throw new Error(`${BUILT_SCRIPT} is missing: run \`npx wxt build\` (npm run test:e2e does it for you).`);
  }
  const executablePath = findChromium();
  if (!executablePath) throw new Error('Chromium not found: run `node scripts/ensure-chromium.mjs`.');
  browser = await chromium.launch({ executablePath, args: ['--headless=new', '--no-sandbox'] });
});
afterAll(() => browser?.close());

/** Serves `html` at `url` (nothing else loads), injects the built script, returns the page. */
async function openAt(url: string, html: string): Promise<Page> {
  const page = await browser.newPage();
  const address = url.split('#')[0];
  await page.route('**/*', (route) =>
    route.request().url() === address
      ? route.fulfill({ body: html, contentType: 'text/html; charset=utf-8' })
      : route.abort(),
  );
  await page.goto(url);
  await page.addScriptTag({ path: BUILT_SCRIPT });
  return page;
}

async function extract(page: Page, pointed: Pointed = {}): Promise<CapturedLead> {
  return page.evaluate(
    ([selectionText, linkUrl]) =>
      (globalThis as unknown as CaptureGlobal).__sidecarExtractLead(selectionText, linkUrl),
    [pointed.selectionText, pointed.linkUrl] as const,
  );
}

async function captureAt(url: string, html: string, pointed: Pointed = {}): Promise<CapturedLead> {
  const page = await openAt(url, html);
  try {
    return await extract(page, pointed);
  } finally {
    await page.close();
  }
}

describe('capturing an open email', () => {
  it('reads the last message of a Gmail thread: the daughter it is about, her mother as guardian, the referring dentist, subject, snippet, phone and date of birth', async () => {
    const lead = await captureAt(GMAIL_URL, fixture('gmail-message.html'));
    expect(lead).toEqual({
      fields: {
        firstName: 'Sofia',
        lastName: 'Gonzalez',
        email: 'maria.gonzalez@example.com',
        phone: '(555) 010-1234',
        dateOfBirth: '2011-03-14',
        guardianName: 'Maria Gonzalez',
        guardianRelationship: 'Parent',
        guardianEmail: 'maria.gonzalez@example.com',
        referrer: 'Dr. Raman',
      },
      from: {
        firstName: 'the person the Gmail message is about',
        lastName: 'the person the Gmail message is about',
        email: 'Gmail sender',
        phone: 'Gmail message',
        dateOfBirth: 'Gmail message',
        guardianName: "the Gmail message's writer",
        guardianRelationship: 'what the Gmail message says',
        guardianEmail: "the Gmail message's writer",
        referrer: 'the dentist the Gmail message names',
      },
      channel: 'email',
      url: GMAIL_URL,
      title: 'Braces for my daughter Sofia',
      subject: 'Braces for my daughter Sofia',
      // The quoted earlier message (and its work number) is not part of this one.
      snippet:
        "Hello, Following up on my note from last week. My daughter Sofia needs braces and her dentist, Dr. Raman, referred us to you. Sofia's date of birth is 03/14/2011. You can reach me at (555) 010-1234 after 3pm, or reply here. Is there a consultation opening on Thursday, December 3, 2026? Thank you,…",
    });
  });

  it('knows a Gmail message by its markup at another address, such as a saved copy', async () => {
    const saved = 'http://127.0.0.1:8787/saved/message.html';
    const lead = await captureAt(saved, fixture('gmail-message.html'));
    expect(lead).toMatchObject({
      channel: 'email',
      url: saved,
      subject: 'Braces for my daughter Sofia',
      fields: { email: 'maria.gonzalez@example.com', dateOfBirth: '2011-03-14' },
      from: { email: 'Gmail sender' },
    });
    // Another page at that address is still read as a web page.
    expect((await captureAt(saved, fixture('contact-links.html'))).channel).toBe('web_page');
  });

  it("skips the mailbox owner's own reply at the end of a Gmail thread", async () => {
    const page = await openAt(GMAIL_URL, fixture('gmail-message.html'));
    await page.evaluate(() => {
      document.querySelector('[role="list"]')?.insertAdjacentHTML(
        'beforeend',
        `<div role="listitem" class="h7" aria-expanded="true"><div class="adn ads"><div class="gs">
          <div class="gE iv gt"><h3 class="iw"><span email="frontdesk@brightsmiles.example.com" name="Front Desk" class="gD">Front Desk</span></h3></div>
          <div class="a3s aiL"><div>Thanks Maria! Call us at (555) 010-1200 to book.</div></div>
        </div></div></div>`,
      );
    });
    const lead = await extract(page);
    await page.close();
    expect(lead.fields).toMatchObject({
      firstName: 'Sofia',
      guardianName: 'Maria Gonzalez',
      email: 'maria.gonzalez@example.com',
      phone: '(555) 010-1234',
    });
  });

  it('leaves quoted replies out of the snippet, the phone and the date of birth', async () => {
    const page = await openAt(GMAIL_URL, fixture('gmail-message.html'));
    await page.evaluate(() => {
      const body = document.querySelector('.adn .a3s');
      if (!body) throw new Error('The fixture has no open message body');
      body.replaceChildren();
      body.insertAdjacentHTML(
        'afterbegin',
        `<div dir="ltr">Please call me on my cell.</div><div class="gmail_quote"><blockquote class="gmail_quote">
          <div>Phone: (555) 010-1999</div><div>DOB: 01/01/1980</div></blockquote></div>`,
      );
    });
    const lead = await extract(page);
    await page.close();
    expect(lead.snippet).toBe('Please call me on my cell.');
    expect(lead.fields.phone).toBeUndefined();
    expect(lead.fields.dateOfBirth).toBeUndefined();
  });

  it('reads the expanded message of an Outlook conversation', async () => {
    const lead = await captureAt(OUTLOOK_URL, fixture('outlook-message.html'));
    expect(lead).toEqual({
      // A father writing about his son: Eli is the lead, Daniel his parent.
      fields: {
        firstName: 'Eli',
        lastName: 'Okafor',
        email: 'd.okafor@example.com',
        phone: '555.010.1278',
        dateOfBirth: '2012-06-02',
        guardianName: 'Daniel Okafor',
        guardianRelationship: 'Parent',
        guardianEmail: 'd.okafor@example.com',
      },
      from: {
        firstName: 'the person the Outlook message is about',
        lastName: 'the person the Outlook message is about',
        email: 'Outlook sender',
        phone: 'Outlook message',
        dateOfBirth: 'Outlook message',
        guardianName: "the Outlook message's writer",
        guardianRelationship: 'what the Outlook message says',
        guardianEmail: "the Outlook message's writer",
      },
      channel: 'email',
      url: OUTLOOK_URL,
      title: 'Re: Back-to-school smile checks',
      subject: 'Re: Back-to-school smile checks',
      snippet:
        'Hi there, I got your newsletter. My son Eli (DOB 2 Jun 2012) was told he might need Invisalign, and we would like a consultation. Best number for me is 555.010.1278. Thanks, Daniel',
    });
  });

  it('lets the selected text override what the message suggested', async () => {
    const lead = await captureAt(GMAIL_URL, fixture('gmail-message.html'), {
      selectionText: 'Patient: Sofia Gonzalez\nDOB: 03/15/2011',
    });
    expect(lead.fields).toEqual({
      firstName: 'Sofia',
      lastName: 'Gonzalez',
      email: 'maria.gonzalez@example.com',
      phone: '(555) 010-1234',
      dateOfBirth: '2011-03-15',
      guardianName: 'Maria Gonzalez',
      guardianRelationship: 'Parent',
      guardianEmail: 'maria.gonzalez@example.com',
      referrer: 'Dr. Raman',
    });
    expect(lead.from).toMatchObject({
      firstName: 'selected text',
      lastName: 'selected text',
      email: 'Gmail sender',
      phone: 'Gmail message',
      dateOfBirth: 'selected text',
    });
  });

  it('takes a tel: link the person right-clicked over the number in the message', async () => {
    const lead = await captureAt(GMAIL_URL, fixture('gmail-message.html'), {
      linkUrl: 'tel:+1-555-010-1288',
    });
    expect(lead.fields.phone).toBe('+1-555-010-1288');
    expect(lead.from.phone).toBe('tel link');
  });
});

describe('capturing a web page', () => {
  it('reads a JSON-LD Person and the Organization in its @graph, before the page links', async () => {
    const lead = await captureAt(PRACTICE_URL, fixture('practice-page-jsonld.html'));
    expect(lead).toEqual({
      fields: {
        firstName: 'Priya',
        lastName: 'Raman',
        email: 'priya.raman@example.com',
        phone: '+1-555-010-1150',
        dateOfBirth: '1984-07-09',
        notes: 'Organization: Lakeside Family Dental',
      },
      from: {
        firstName: 'JSON-LD Person',
        lastName: 'JSON-LD Person',
        email: 'JSON-LD Person',
        phone: 'JSON-LD Person',
        dateOfBirth: 'JSON-LD Person',
        notes: 'JSON-LD Organization',
      },
      channel: 'web_page',
      url: PRACTICE_URL,
      title: 'Dr. Priya Raman | Lakeside Family Dental',
    });
  });

  it("reads an h-card, not the nested organisation's card", async () => {
    const lead = await captureAt(HCARD_URL, fixture('hcard.html'));
    expect(lead.fields).toEqual({
      firstName: 'Jordan',
      lastName: 'Lee-Whitaker',
      email: 'jordan.lw@example.com',
      phone: '555-010-1166',
      dateOfBirth: '1990-11-05',
    });
    expect(new Set(Object.values(lead.from))).toEqual(new Set(['hCard']));
    expect(lead.title).toBe('Jordan Lee-Whitaker – Coach profile');
  });

  it('reads a legacy vcard with a "Last, First" name', async () => {
    const html = `<!doctype html><title>Roster</title><div class="vcard">
      <span class="fn">Okafor, Grace</span> <a class="email" href="mailto:grace.okafor@example.com">email</a>
      <span class="tel"><span class="type">cell</span> <span class="value">555-010-1500</span></span>
      <abbr class="bday" title="2009-02-28">Feb 28</abbr></div>`;
    const lead = await captureAt(HCARD_URL, html);
    expect(lead.fields).toEqual({
      firstName: 'Grace',
      lastName: 'Okafor',
      email: 'grace.okafor@example.com',
      phone: '555-010-1500',
      dateOfBirth: '2009-02-28',
    });
    expect(lead.from.lastName).toBe('hCard');
  });

  it('reads the first mailto: and tel: links, decoded, without the subject, as printed', async () => {
    const lead = await captureAt(CONTACT_URL, fixture('contact-links.html'));
    expect(lead.fields).toEqual({ email: 'hello+kids@brightsmiles.example.com', phone: '(555) 010-1200' });
    expect(lead.from).toEqual({ email: 'mailto link', phone: 'tel link' });
  });

  it('takes the mailto: link the person right-clicked over the first one on the page', async () => {
    const lead = await captureAt(CONTACT_URL, fixture('contact-links.html'), {
      linkUrl: 'mailto:Billing.Team@BrightSmiles.example.com?subject=Invoice',
    });
    expect(lead.fields.email).toBe('billing.team@brightsmiles.example.com');
    expect(lead.from.email).toBe('mailto link');
    expect(lead.fields.phone).toBe('(555) 010-1200');
  });

  it('fills a name, email and birth date from the selection on a page that has none', async () => {
    const lead = await captureAt(CONTACT_URL, fixture('contact-links.html'), {
      selectionText: '  Ava Thompson\n  ava.t@example.com\n  Born 22 April 2015  ',
    });
    expect(lead.fields).toEqual({
      firstName: 'Ava',
      lastName: 'Thompson',
      email: 'ava.t@example.com',
      phone: '(555) 010-1200',
      dateOfBirth: '2015-04-22',
    });
    expect(lead.from).toEqual({
      firstName: 'selected text',
      lastName: 'selected text',
      email: 'selected text',
      phone: 'tel link',
      dateOfBirth: 'selected text',
    });
  });

  it('finds nothing on a page without structured data rather than guessing from its text', async () => {
    const lead = await captureAt(PLAIN_URL, fixture('plain-page.html'));
    expect(lead).toEqual({
      fields: {},
      from: {},
      channel: 'web_page',
      url: PLAIN_URL,
      title: 'When should children first see an orthodontist?',
    });
  });
});

describe('a hostile page', () => {
  it('survives huge text, broken JSON-LD and deep nesting, and keeps every value within the API limits', async () => {
    const longUrl = `${PLAIN_URL}?q=${'x'.repeat(2100)}`;
    const html = `<!doctype html><title>${'T'.repeat(600)}</title>
      <script type="application/ld+json">{"@type": "Person", "name": </script>
      <script type="application/ld+json">${'['.repeat(3000)}${']'.repeat(3000)}</script>
      <script type="application/ld+json">[null, 7, {"@type": 42, "@graph": null}, {"@type": ["Organization"], "name": "${'O'.repeat(5000)}"}]</script>
      <script type="application/ld+json">{"@type": "schema:Person", "givenName": {"@value": "Noor"}, "familyName": ["Haddad"], "email": "noor@example.com", "birthDate": "2011-02-31"}</script>
      <div class="h-card"><span class="p-name">${'<b>'.repeat(200)}</span></div>
      <a href="mailto:%E0%A4%A">broken</a><a href="tel:">empty</a>
      <p>${'a'.repeat(1_000_000)}@${'b'.repeat(200_000)}</p>`;
    const page = await openAt(longUrl, html);
    const started = Date.now();
    const lead = await extract(page, { selectionText: `${'9'.repeat(100_000)} ${'a@'.repeat(50_000)}` });
    const elapsed = Date.now() - started;
    await page.close();

    // The valid blocks still count; the impossible birth date does not.
    expect(lead.fields).toMatchObject({ firstName: 'Noor', lastName: 'Haddad', email: 'noor@example.com' });
    expect(lead.fields.dateOfBirth).toBeUndefined();
    expect(lead.fields.notes).toHaveLength(4000);
    expect(lead.title).toHaveLength(500);
    expect(lead.url).toHaveLength(2000);
    expect(elapsed).toBeLessThan(5000);
  });

  it('survives a Gmail page with a huge, deeply nested message and no sender', async () => {
    const deep = `${'<div>'.repeat(20_000)}DOB: 01/02/2010${'</div>'.repeat(20_000)}`;
    const html = `<!doctype html><title>x</title><h2 class="hP">${'S'.repeat(800)}</h2>
      <span class="gD" email="not an address" name="">?</span>
      <div class="a3s">${deep}<p>${'5'.repeat(300_000)}</p></div>`;
    const lead = await captureAt(GMAIL_URL, html);
    expect(lead.channel).toBe('email');
    expect(lead.subject).toHaveLength(500);
    expect(lead.fields.firstName).toBeUndefined();
    expect(lead.fields.email).toBeUndefined();
    expect(lead.fields.phone).toBeUndefined();
  });
});

describe('capturing a message or page about someone else', () => {
  it('reads a referral letter forwarded from Outlook: the patient, the mother and her address, the dentist who wrote it', async () => {
    const lead = await captureAt(OUTLOOK_URL, accuracyPage('forwarded-referral-outlook'));
    expect(lead.fields).toMatchObject({
      firstName: 'Ethan',
      lastName: 'Ruiz',
      dateOfBirth: '2013-09-30',
      email: 'rosa.ruiz@example.com',
      phone: '(555) 010-6271',
      guardianName: 'Rosa Ruiz',
      guardianRelationship: 'Mother',
      referrer: 'Dr. Amelia Whitcombe',
    });
  });

  it("reads a form service's mail by its Name and Email lines, and the son its message books for", async () => {
    const lead = await captureAt(GMAIL_URL, accuracyPage('web-form-mail-son-liam'));
    expect(lead.fields).toMatchObject({
      firstName: 'Liam',
      lastName: 'Walsh',
      email: 'karen.walsh@example.com',
      phone: '(555) 010-6410',
      guardianName: 'Karen Walsh',
      guardianRelationship: 'Parent',
    });
  });

  it("makes the writer of a practice form's message about a child the guardian", async () => {
    const lead = await captureAt(CONTACT_URL, accuracyPage('web-form-message-son'));
    expect(lead.fields).toMatchObject({
      firstName: 'Liam',
      lastName: 'Nowak',
      email: 't.nowak@example.com',
      guardianName: 'Tomasz Nowak',
      guardianRelationship: 'Parent',
      referrer: 'Dr. Priya Shah',
    });
    expect(lead.from.firstName).toBe('the person the form message is about');
    expect(lead.sourceChannel).toBe('referral');
  });
});
