import type { FoundFields } from './types';

/** What a mail extractor found: the sender's fields plus the message's subject and opening. */
export type MailFound = FoundFields & { subject?: string; snippet?: string; body?: string };

/** Parts of a message body that are not this message: quoted replies, signatures' trimmed tails. */
export const QUOTED_PARTS =
  'blockquote, .gmail_quote, .gmail_extra, .im, .adL, .yj6qo, #divRplyFwdMsg, #appendonsend';

/** Whether `b` comes after `a` in the document. */
export const follows = (a: Node, b: Node): boolean => (a.compareDocumentPosition(b) & 4) !== 0;
