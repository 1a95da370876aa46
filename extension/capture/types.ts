import type { CapturedReferrer } from './referrer-types';

/** The lead-form fields a capture can prefill. */
export type CapturedField =
  | 'firstName'
  | 'lastName'
  | 'email'
  | 'phone'
  | 'dateOfBirth'
  | 'notes'
  | 'guardianName'
  | 'guardianRelationship'
  | 'guardianEmail'
  | 'referrer';

/** The lead channels a "How did you hear about us?" answer can name. */
export type HeardChannel = 'referral' | 'web_page' | 'walk_in';

/**
 * What the extractors read from a page or an open email. `from` names, in
 * words the side panel shows, where each prefilled value came from, so the
 * person can judge it before saving.
 */
export type CapturedLead = {
  fields: Partial<Record<CapturedField, string>>;
  /** e.g. 'Gmail sender', 'JSON-LD Person', 'hCard', 'mailto link', 'tel link', 'selected text'. */
  from: Partial<Record<CapturedField, string>>;
  channel: 'email' | 'web_page';
  url: string;
  title: string;
  subject?: string;
  snippet?: string;
  /** The page's answer to "How did you hear about us?", as written. */
  heard?: string;
  /** The channel that answer names, proposed as the lead's source. */
  sourceChannel?: HeardChannel;
  /** Set when the page is a dentist's or practice's: offered as "Save as referring provider". */
  referrer?: CapturedReferrer;
};

/** What one extractor found: field values and their origins, merged by extractLead. */
export type FoundFields = Pick<CapturedLead, 'fields' | 'from'>;
