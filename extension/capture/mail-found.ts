import type { FoundFields } from './types';

/** What a mail extractor found: the sender's fields plus the message's subject and opening. */
export type MailFound = FoundFields & {
  subject?: string;
  snippet?: string;
  body?: string;
  /** A message forwarded inside this one, its header included: who it is about is often there. */
  forwarded?: string;
};

/** "Fwd:", "FW:", "Fw:" at the head of a subject. */
export const isForwardSubject = (subject: string | undefined) => /^\s*(?:fwd?|fw)\s*:/i.test(subject ?? '');

/** Parts of a message body that are not this message: quoted replies, signatures' trimmed tails. */
export const QUOTED_PARTS =
  'blockquote, .gmail_quote, .gmail_extra, .im, .adL, .yj6qo, #divRplyFwdMsg, #appendonsend';

/** Whether `b` comes after `a` in the document. */
export const follows = (a: Node, b: Node): boolean => (a.compareDocumentPosition(b) & 4) !== 0;
