import { aboutSomeone } from './about-someone';
import { extractGeneric, extractLinks, mailtoAddress, telAddress } from './extract-generic';
import { extractGmail } from './extract-gmail';
import { channelHeard, extractLabelled, labelledLines } from './extract-labelled';
import { extractOutlook } from './extract-outlook';
import { mergeFound, put, putName } from './found-fields';
import { withinLimits } from './limits';
import type { MailFound } from './mail-found';
import { findDateOfBirth, findPhone, parseText } from './parse-text';
import type { CapturedLead } from './types';

export type CaptureContext = {
  url: string;
  selectionText?: string | undefined;
  linkUrl?: string | undefined;
};

type MailApp = { label: string; extract: (doc: Document) => MailFound };

const GMAIL: MailApp = { label: 'Gmail', extract: extractGmail };
const OUTLOOK: MailApp = { label: 'Outlook', extract: extractOutlook };
const MAIL_APPS: Record<string, MailApp> = {
  'mail.google.com': GMAIL,
  'outlook.office.com': OUTLOOK,
  'outlook.office365.com': OUTLOOK,
  'outlook.live.com': OUTLOOK,
  'outlook.cloud.microsoft': OUTLOOK,
};
// Selections are parsed line by line; a whole page selected is cut to this.
const MAX_SELECTION = 20_000;

/**
 * The mail app by its address; failing that, an open Gmail message by its
 * markup (the subject heading and a sender with an address), as on a saved
 * copy of a message or the local page the end-to-end test serves.
 */
function mailAppAt(url: string, doc: Document): MailApp | undefined {
  try {
    const byHost = MAIL_APPS[new URL(url).hostname];
    if (byHost) return byHost;
  } catch {
    // Not an address: try the markup.
  }
  try {
    return doc.querySelector('h2.hP') && doc.querySelector('span.gD[email]') ? GMAIL : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A message about someone else: the lead becomes the child or patient, the
 * writer their responsible party, and a named dentist the referrer.
 */
function whoItIsAbout(lead: CapturedLead, body: string, label: string): void {
  const sender = [lead.fields.firstName, lead.fields.lastName].filter(Boolean).join(' ');
  const about = aboutSomeone(body, { name: sender || undefined, email: lead.fields.email });
  put(lead, 'referrer', about.referrer, `the dentist the ${label} message names`);
  if (!about.person) return;
  putName(lead, about.person, `the person the ${label} message is about`, true);
  if (about.writerIsReferrer && lead.from.email?.endsWith('sender')) {
    delete lead.fields.email;
    delete lead.from.email;
  }
  if (!about.guardian) return;
  put(lead, 'guardianName', about.guardian.name, `the ${label} message's writer`);
  put(lead, 'guardianRelationship', about.guardian.relationship, `what the ${label} message says`);
  put(lead, 'guardianEmail', about.guardian.email, `the ${label} message's writer`);
  // A forwarded message: the family's address, not the forwarding office's, is how to reach them.
  if (about.guardian.email !== lead.fields.email)
    put(lead, 'email', about.guardian.email, `the ${label} message's writer`, true);
}

// Form services and website builders send submissions from an address nobody reads.
const AUTOMATED_SENDER =
  /^(?:no-?reply|do-?not-?reply|donotreply|form-?submissions?|forms?|notifications?|notify|mailer|wordpress|website|webmaster)[@+._-]/i;

/**
 * A form submission a service mailed on the visitor's behalf: the visitor in
 * its "Name:"/"Email:" lines is the writer, not the service that sent it.
 */
function formInMail(lead: CapturedLead, body: string, label: string): void {
  if (!AUTOMATED_SENDER.test(lead.fields.email ?? '')) return;
  const form = labelledLines(body);
  if (!form.fields.firstName && !form.fields.email) return;
  const where = `the form in the ${label} message`;
  putName(lead, { firstName: form.fields.firstName, lastName: form.fields.lastName }, where, true);
  if (!form.fields.firstName) {
    delete lead.fields.firstName;
    delete lead.fields.lastName;
  }
  put(lead, 'email', form.fields.email, where, true);
  put(lead, 'phone', form.fields.phone, where, true);
  put(lead, 'dateOfBirth', form.fields.dateOfBirth, where, true);
}

/** Runs one step; a page that breaks it loses that step's findings, never the capture. */
function attempt(step: () => void): void {
  try {
    step();
  } catch {
    // Keep what the other steps found.
  }
}

/**
 * A lead from the page the person is on. Gmail and Outlook are read as an
 * open message; any other page by its structured data. Then what the person
 * pointed at wins over what the page suggests: the text they selected, and a
 * mailto: or tel: link they right-clicked. Never throws, and every value fits
 * the leads API's limits.
 */
export function extractLead(doc: Document, ctx: CaptureContext): CapturedLead {
  const url = String(ctx.url ?? '');
  const app = mailAppAt(url, doc);
  const lead: CapturedLead = {
    fields: {},
    from: {},
    channel: app ? 'email' : 'web_page',
    url,
    title: '',
  };
  attempt(() => {
    lead.title = String(doc.title ?? '');
  });

  attempt(() => {
    if (!app) {
      // Markup that names a person (JSON-LD, h-card) first, then the inquiry's
      // own table, and the page's mailto and tel links last: they are most
      // often the practice's.
      const labelled = extractLabelled(doc);
      mergeFound(lead, extractGeneric(doc, { links: false }));
      mergeFound(lead, labelled);
      mergeFound(lead, extractLinks(doc));
      put(lead, 'referrer', labelled.fields.referrer, 'contact table');
      put(lead, 'guardianName', labelled.fields.guardianName, 'contact table');
      // A message about a child ("I'd like to book for my son Liam") makes the writer the guardian.
      const message = labelled.fields.notes;
      if (message && !labelled.fields.guardianName) whoItIsAbout(lead, message, 'form');
      if (labelled.heard) {
        lead.heard = labelled.heard;
        const line = `How they heard about us: ${labelled.heard}`;
        lead.fields.notes = lead.fields.notes ? `${lead.fields.notes}\n${line}` : line;
        lead.from.notes ??= 'contact table';
        const channel = channelHeard(labelled.heard);
        if (channel) lead.sourceChannel = channel;
      }
      return;
    }
    const mail = app.extract(doc);
    mergeFound(lead, mail);
    if (mail.subject) lead.subject = mail.subject;
    if (mail.snippet) lead.snippet = mail.snippet;
    // The subject names the capture better than "Inbox - me@example.com - Gmail", and keeps the mailbox owner's address out.
    lead.title = mail.subject ?? `${app.label} message`;
    if (mail.body) formInMail(lead, mail.body, app.label);
    if (mail.forwarded) {
      put(lead, 'phone', findPhone(mail.forwarded), `the message forwarded in the ${app.label} message`);
      put(
        lead,
        'dateOfBirth',
        findDateOfBirth(mail.forwarded),
        `the message forwarded in the ${app.label} message`,
      );
    }
    const text = [mail.body, mail.forwarded].filter(Boolean).join('\n\n');
    if (text) whoItIsAbout(lead, text, app.label);
  });

  attempt(() => {
    if (!ctx.selectionText) return;
    const selected = parseText(String(ctx.selectionText).slice(0, MAX_SELECTION));
    putName(lead, selected.name, 'selected text', true);
    put(lead, 'email', selected.email, 'selected text', true);
    put(lead, 'phone', selected.phone, 'selected text', true);
    put(lead, 'dateOfBirth', selected.dateOfBirth, 'selected text', true);
  });

  attempt(() => {
    const link = String(ctx.linkUrl ?? '');
    put(lead, 'email', /^mailto:/i.test(link) ? mailtoAddress(link) : undefined, 'mailto link', true);
    put(lead, 'phone', telAddress(link), 'tel link', true);
  });

  return withinLimits(lead);
}
