/**
 * Where a captured value was read, in words staff use: the readers name their
 * sources technically ("JSON-LD Person", "hCard"), which means nothing to
 * someone at a front desk. Origins already in plain words pass through.
 */
import type { CapturedReferrer } from './referrer-types';

const PLAIN_ORIGINS: Record<string, string> = {
  'JSON-LD Person': 'the page’s details of the person',
  'JSON-LD job title': 'the page’s details of the person',
  'JSON-LD Organization': 'the page’s details of the business',
  'JSON-LD practice': 'the page’s details of the practice',
  hCard: 'the contact card on the page',
  'hCard title': 'the contact card on the page',
  'mailto link': 'an email link on the page',
  'tel link': 'a phone link on the page',
  'Gmail message': 'the email',
  'Outlook message': 'the email',
  'Gmail sender': 'the email’s sender',
  'Outlook sender': 'the email’s sender',
  'contact table': 'the page’s contact table',
  heading: 'the page’s heading',
  'address block': 'the address on the page',
  'page title': 'the page’s title',
};

export const plainOrigin = (from: string) => PLAIN_ORIGINS[from] ?? from;

/** "From the page “…” (the page’s heading, the address on the page)": what the person should check. */
export function referrerOrigin(captured: CapturedReferrer): string {
  const sources = [...new Set(Object.values(captured.from).map(plainOrigin))].join(', ');
  return `From the page “${captured.title || captured.url}”${sources ? ` (${sources})` : ''}. Check before saving.`;
}
