/**
 * Writes the capture accuracy set: tests/fixtures/accuracy/inquiries/*.html,
 * each message as Gmail or Outlook on the web lays it out (the same markup the
 * extractors' own fixtures copy), with a *.json of truth beside it.
 * Run: `npx tsx scripts/accuracy/inquiry-pages.ts`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ALL_INQUIRIES, type Inquiry } from './inquiry-cases';
import { LISTING_INQUIRIES } from './inquiry-listings';
import { WEB_INQUIRIES } from './inquiry-web-pages';

export const INQUIRY_DIR = 'tests/fixtures/accuracy/inquiries';
const MAILBOX = 'frontdesk@brightsmiles.example.com';
const LINT_NOTE =
  "<!-- biome-ignore-all lint/a11y: a copy of the mail app's own markup, roles and labels included, which the extractor must read as it is -->\n";

const esc = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const paragraphs = (list: string[]) =>
  list.map((p) => `<div>${esc(p).replace(/\n/g, '<br>')}</div><div><br></div>`).join('\n');

const headerLines = (lines: string[]) => lines.map(esc).join('<br>');
// Outlook prints a forward's header as "<b>From:</b> Name &lt;address&gt;" lines.
const boldLabels = (lines: string[]) =>
  lines.map((l) => esc(l).replace(/^([A-Za-z]+:)/, '<b>$1</b>')).join('<br>');

function gmail(m: Inquiry): string {
  // Gmail puts a forwarded message, header and all, inside its quote block, without a blockquote.
  const quoted = m.quoted
    ? `<div class="gmail_quote"><div class="gmail_attr">${esc(m.quoted[0]!)}</div><blockquote class="gmail_quote">${paragraphs(m.quoted.slice(1))}</blockquote></div>`
    : m.forwarded
      ? `<br><div class="gmail_quote"><div dir="ltr" class="gmail_attr">---------- Forwarded message ---------<br>${headerLines(m.forwarded.header)}<br></div><br><br>${paragraphs(m.forwarded.body)}</div>`
      : '';
  return `${LINT_NOTE}<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${esc(m.subject)} - ${MAILBOX} - Gmail</title></head>
<body><div role="main" class="nH"><div class="ha"><h2 class="hP">${esc(m.subject)}</h2></div>
<div role="list"><div role="listitem" aria-expanded="true"><div class="gs">
<h3 class="iw"><span class="qu"><span email="${esc(m.from.email)}" name="${esc(m.from.name)}" class="gD"><span>${esc(m.from.name)}</span></span>
<span class="go">&lt;${esc(m.from.email)}&gt;</span></span></h3>
<div class="iw ajw"><span class="hb">to <span email="${MAILBOX}" name="me" class="g2">me</span></span></div>
<div class="a3s aiL"><div dir="ltr">${paragraphs(m.body)}</div>${quoted}</div>
</div></div></div></div></body></html>
`;
}

function outlook(m: Inquiry): string {
  // Outlook heads a forward with the original's header in #divRplyFwdMsg and puts the message after it.
  const quoted = m.quoted
    ? `<div id="divRplyFwdMsg">${paragraphs(m.quoted)}</div>`
    : m.forwarded
      ? `<div id="appendonsend"></div><hr><div id="divRplyFwdMsg" dir="ltr"><font face="Calibri, sans-serif">${boldLabels(m.forwarded.header)}</font><div>&nbsp;</div></div><div dir="ltr">${paragraphs(m.forwarded.body)}</div>`
      : '';
  return `${LINT_NOTE}<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Mail - Front Desk - Outlook</title></head>
<body><div id="ReadingPaneContainerId" role="main" aria-label="Reading Pane">
<div role="heading" aria-level="2"><span id="SubjectLine">${esc(m.subject)}</span></div>
<div aria-label="Email message" tabindex="-1">
<div><span aria-label="From: ${esc(m.from.name)}" role="button" tabindex="0">${esc(m.from.name)}<span>&lt;${esc(m.from.email)}&gt;</span></span></div>
<div aria-label="To: Front Desk">To: <span>Front Desk</span></div>
<div aria-label="Message body" role="document" tabindex="0"><div>${paragraphs(m.body)}</div>${quoted}</div>
</div></div></body></html>
`;
}

export function writeInquiryPages(dir = INQUIRY_DIR) {
  mkdirSync(dir, { recursive: true });
  for (const m of ALL_INQUIRIES) {
    writeFileSync(join(dir, `${m.name}.html`), m.app === 'gmail' ? gmail(m) : outlook(m));
    writeFileSync(
      join(dir, `${m.name}.json`),
      `${JSON.stringify({ app: m.app, url: m.app === 'gmail' ? 'https://mail.google.com/mail/u/0/#inbox/x' : 'https://outlook.office.com/mail/inbox/id/x', truth: m.truth }, null, 2)}\n`,
    );
  }
  for (const w of [...WEB_INQUIRIES, ...LISTING_INQUIRIES]) {
    writeFileSync(join(dir, `${w.name}.html`), `${LINT_NOTE}${w.html}`);
    writeFileSync(
      join(dir, `${w.name}.json`),
      `${JSON.stringify({ app: 'web', url: `https://forms.brightsmiles.example.com/submissions/${w.name}`, truth: w.truth }, null, 2)}\n`,
    );
  }
}

if (import.meta.url === `file://${process.argv[1]}`) writeInquiryPages();
