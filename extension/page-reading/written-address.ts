import { readText } from '../capture/dom-text';
import type { PageDocument } from '../capture/page-dom';
import { type Found, fill } from './identifiers';

// "1420 Willow Creek Dr NE, Suite 2, Salem, OR 97302", also with "·" or "|" between street and city.
const WRITTEN_ADDRESS =
  /\b(\d{1,6}\s+[A-Za-z0-9.'# -]{2,60}?)\s*(?:,|\s[·|•]\s)\s*(?:((?:Suite|Ste\.?|Unit|Bldg\.?|#)\s*[\w-]+)\s*,\s*)?([A-Za-z][A-Za-z .'-]{1,40}),\s*([A-Z]{2})\s+(\d{5})(?:-\d{4})?\b/;
const MAX_TEXT = 100_000;

/**
 * An address only written in the page's text (a website's footer, a
 * directory entry): read when nothing labelled or declared gave one, and
 * never on a page about a person, whose text may name other places.
 */
export function readWrittenAddress(doc: PageDocument, found: Found): void {
  const v = found.values;
  if (v.addressLine1 || v.firstName || v.lastName || v.dateOfBirth) return;
  const match = WRITTEN_ADDRESS.exec(readText(doc.body, { maxChars: MAX_TEXT }));
  if (!match) return;
  const [, line1, , city, state, postalCode] = match;
  fill(
    found,
    { addressLine1: line1!.trim(), city: city!.trim(), state: state!, postalCode: postalCode! },
    'address in the text',
  );
  if (!v.facilityName) {
    const siteName = doc.querySelector('meta[property="og:site_name"]')?.getAttribute('content')?.trim();
    if (siteName && siteName.length <= 120) fill(found, { facilityName: siteName }, 'site name');
  }
}
