import { readText, snippetOf, textOf } from './dom-text';
import { noFields, put, putName } from './found-fields';
import { follows, isForwardSubject, type MailFound, QUOTED_PARTS } from './mail-found';
import { findDateOfBirth, findEmail, findPhone, normaliseEmail } from './parse-text';
import { splitName } from './split-name';

// Gmail's own class names; they have been stable for years, unlike most of its markup.
const SUBJECT = 'h2.hP';
const SENDER = 'span.gD[email]';
const SENDER_FALLBACK = '.gE span[email], .iw span[email]';
const BODY = 'div.a3s';

type Message = { sender: Element; email: string | undefined; body: Element | undefined };

/**
 * Whose mailbox this is, so their own replies are not taken for the lead.
 * Gmail's title reads "Subject - me@example.com - Gmail"; the account button's
 * label also carries the address.
 */
function accountAddress(doc: Document): string | undefined {
  const fromTitle = / - ([^\s]+@[^\s]+) - Gmail$/.exec(doc.title)?.[1];
  const account = doc.querySelector('a[aria-label^="Google Account"]')?.getAttribute('aria-label');
  return normaliseEmail(fromTitle ?? '') ?? findEmail(account ?? '');
}

/** Each message's sender with its body: the first body after the sender and before the next one. */
function messagesOf(doc: Document): Message[] {
  let senders = [...doc.querySelectorAll(SENDER)];
  if (!senders.length) senders = [...doc.querySelectorAll(SENDER_FALLBACK)];
  const bodies = [...doc.querySelectorAll(BODY)];
  return senders.map((sender, i) => {
    const next = senders[i + 1];
    const body = bodies.find((b) => follows(sender, b) && (!next || follows(b, next)));
    return { sender, email: normaliseEmail(sender.getAttribute('email') ?? ''), body };
  });
}

/**
 * The open message in Gmail: the last expanded message of the thread that the
 * mailbox owner did not write (collapsed messages have no body in the DOM).
 */
export function extractGmail(doc: Document): MailFound {
  const found: MailFound = noFields();
  const subject = textOf(doc.querySelector(SUBJECT), 500);
  if (subject) found.subject = subject;

  const self = accountAddress(doc);
  const messages = messagesOf(doc);
  const others = messages.filter((m) => !self || m.email !== self);
  // None left means the owner wrote every message: their own name is not a lead.
  const chosen = others.findLast((m) => m.body) ?? others.at(-1);
  if (!chosen) return found;

  const displayName = chosen.sender.getAttribute('name') || textOf(chosen.sender, 200);
  if (!displayName.includes('@')) putName(found, splitName(displayName), 'Gmail sender');
  put(found, 'email', chosen.email, 'Gmail sender');

  const body = readText(chosen.body, { skip: QUOTED_PARTS });
  if (body) {
    found.snippet = snippetOf(body);
    found.body = body;
    put(found, 'phone', findPhone(body), 'Gmail message');
    put(found, 'dateOfBirth', findDateOfBirth(body), 'Gmail message');
  }
  const forward = forwardOf(chosen.body, subject);
  if (forward) found.forwarded = forward;
  return found;
}

/** Gmail keeps a forwarded message, header and all, in the quote block its "Forwarded message" line opens. */
function forwardOf(body: Element | undefined, subject: string): string | undefined {
  for (const quote of body?.querySelectorAll('.gmail_quote') ?? []) {
    const attr = textOf(quote.querySelector('.gmail_attr'), 200);
    if (/forwarded message/i.test(attr) || (isForwardSubject(subject) && /^-+|^from:/i.test(attr)))
      return readText(quote, { skip: 'blockquote' }) || undefined;
  }
  return undefined;
}
