import { readText, snippetOf, textOf } from './dom-text';
import { noFields, put, putName } from './found-fields';
import { isForwardSubject, type MailFound, QUOTED_PARTS } from './mail-found';
import { findDateOfBirth, findEmail, findPhone, normaliseEmail } from './parse-text';
import { splitName } from './split-name';

// Outlook's class names are generated and change with every release; its
// accessibility labels and ids are what other tools rely on, so these come first.
const READING_PANE = [
  '#ReadingPaneContainerId',
  '[data-app-section="ConversationContainer"]',
  '[role="region"][aria-label*="Reading" i]',
  '[role="main"]',
];
const MESSAGE = '[aria-label="Email message"], [data-app-section="MailReadCompose"]';
const BODY = '[aria-label="Message body"], [id^="UniqueMessageBody"], [role="document"]';
// In order of preference: the subject's own span before the heading around it, which also holds buttons.
const SUBJECT = ['[id*="SubjectLine" i]', '[data-app-section="ConversationTopic"]', '[role="heading"]'];
const SENDER = [
  'span[aria-label^="From" i]',
  'button[aria-label^="From" i]',
  '[data-testid*="SenderPersona" i]',
  '[class*="senderPersona" i]',
  '[data-app-section="FromLine"] span',
];
const ADDRESS_HINTS = '[title*="@"], [aria-label*="@"], [data-email], a[href^="mailto:" i]';
// "Maria Gonzalez <maria@example.com>" and "Maria Gonzalez<maria@example.com>" as Outlook prints them.
const NAME_AND_ADDRESS = /^\s*"?([^<>"]*?)"?\s*<\s*([^<>\s]+@[^<>\s]+)\s*>/;

const first = <T>(items: Iterable<T>, ok: (item: T) => boolean): T | undefined => {
  for (const item of items) if (ok(item)) return item;
  return undefined;
};

/** The first element that passes `ok`, trying the selectors in order of preference. */
function preferred(root: Element, selectors: string[], ok: (e: Element) => boolean): Element | undefined {
  for (const selector of selectors) {
    const found = first(root.querySelectorAll(selector), ok);
    if (found) return found;
  }
  return undefined;
}

function readingPane(doc: Document): Element {
  for (const selector of READING_PANE) {
    const pane = doc.querySelector(selector);
    if (pane) return pane;
  }
  return doc.body ?? doc.documentElement;
}

/**
 * The message being read: with several in a conversation Outlook renders the
 * body only of expanded ones, so the first message with a body (the newest,
 * in Outlook's default newest-first order).
 */
function openMessage(pane: Element): { message: Element; body: Element | undefined } {
  const messages = [...pane.querySelectorAll(MESSAGE)];
  for (const message of messages) {
    const body = first(message.querySelectorAll(BODY), (b) => textOf(b, 10).length > 0);
    if (body) return { message, body };
  }
  const message = messages[0] ?? pane;
  return { message, body: message.querySelector(BODY) ?? undefined };
}

function addressFromAttributes(element: Element): string | undefined {
  for (const name of ['data-email', 'title', 'aria-label', 'href']) {
    const email = findEmail(element.getAttribute(name) ?? '');
    if (email) return email;
  }
  return undefined;
}

/** The sender's display name and address, from the persona's text, its labels, or the header around it. */
function senderOf(message: Element, body: Element | undefined): { name?: string; email?: string } {
  const outsideBody = (e: Element) => !body?.contains(e);
  const persona = preferred(message, SENDER, outsideBody);
  const text = textOf(persona, 300);
  const printed = NAME_AND_ADDRESS.exec(text);
  const labelName = persona
    ?.getAttribute('aria-label')
    ?.replace(/^from:?\s*/i, '')
    .trim();
  const name = printed?.[1]?.trim() || (labelName && !labelName.includes('@') ? labelName : undefined);
  let email = normaliseEmail(printed?.[2] ?? '') ?? (persona ? addressFromAttributes(persona) : undefined);
  if (!email && persona)
    email = first([...persona.querySelectorAll(ADDRESS_HINTS)].map(addressFromAttributes), Boolean);
  if (!email) {
    const hint = first(message.querySelectorAll(ADDRESS_HINTS), outsideBody);
    email = hint ? addressFromAttributes(hint) : undefined;
  }
  const shownName = name ?? (text && !text.includes('@') ? text : undefined);
  return { name: shownName, email };
}

/** The open message in Outlook on the web (outlook.office.com, outlook.live.com, outlook.office365.com). */
export function extractOutlook(doc: Document): MailFound {
  const found: MailFound = noFields();
  const pane = readingPane(doc);
  const { message, body } = openMessage(pane);

  const subjectElement = preferred(pane, SUBJECT, (e) => !e.closest(MESSAGE) && textOf(e).length > 0);
  const subject = textOf(subjectElement, 500);
  if (subject) found.subject = subject;

  const sender = senderOf(message, body);
  if (sender.name) putName(found, splitName(sender.name), 'Outlook sender');
  put(found, 'email', sender.email, 'Outlook sender');

  const text = readText(body, { skip: QUOTED_PARTS });
  if (text) {
    found.snippet = snippetOf(text);
    found.body = text;
    put(found, 'phone', findPhone(text), 'Outlook message');
    put(found, 'dateOfBirth', findDateOfBirth(text), 'Outlook message');
  }
  // Outlook heads a forward with the original's header (#divRplyFwdMsg) and puts the message after it.
  const header = body?.querySelector('#divRplyFwdMsg');
  if (header && isForwardSubject(subject)) {
    const whole = readText(body, { skip: 'blockquote' });
    const at = whole.indexOf(readText(header).split('\n')[0] ?? '');
    if (at >= 0) found.forwarded = whole.slice(at);
  }
  return found;
}
