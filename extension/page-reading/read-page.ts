import type { PageDocument } from '../capture/page-dom';
import { parseText } from '../capture/parse-text';
import {
  type Found,
  fill,
  type IdentifierSources,
  nothingFound,
  type PageIdentifiers,
  readRecordNumber,
  valuesFor,
} from './identifiers';
import { fillPairs, readLabelledValues, textPairs } from './label-values';
import { adapterFor, readWithAdapter, type SiteAdapter } from './site-adapters';
import { readStructuredData } from './structured-data';
import { readWrittenAddress } from './written-address';

/** What one page says about who or what it shows; read in the browser, never stored. */
export type PageReading = {
  identifiers: PageIdentifiers;
  from: IdentifierSources;
  url: string;
  title: string;
  /** The site adapter used, when one fits the host. */
  adapter?: string;
};

const SELECTION = 'selected text';
const RECORD_IN_TEXT =
  /\b(?:MRN|Resident\s*#|Res\s*#|Medical record(?: number)?)\s*[:#]?\s*([A-Za-z0-9-]{2,40})/i;

/** Labelled values in the selection first, then what its free text says. */
function fromSelection(found: Found, selection: string): void {
  fillPairs(found, textPairs(selection), 'in the selected text');
  const parsed = parseText(selection);
  const record = RECORD_IN_TEXT.exec(selection)?.[1];
  fill(
    found,
    {
      ...(parsed.name ? valuesFor('fullName', [parsed.name.lastName, parsed.name.firstName].join(', ')) : {}),
      ...(parsed.dateOfBirth ? { dateOfBirth: parsed.dateOfBirth } : {}),
      ...(parsed.email ? { email: parsed.email } : {}),
      ...(parsed.phone ? { phone: parsed.phone } : {}),
      ...(record && readRecordNumber(record) ? { mrn: readRecordNumber(record) } : {}),
    },
    SELECTION,
  );
}

/**
 * Identifiers on a page: what the person selected first (they pointed at
 * it), then the site's adapter, then what the page declares (JSON-LD,
 * microdata), then labelled values (definition lists, tables, "DOB:" lines),
 * then, on a page about no person, an address written in its text.
 * Each fills only what the ones before left empty.
 */
export function readPage(
  doc: PageDocument,
  url: string,
  options: { selection?: string; adapters?: readonly SiteAdapter[] } = {},
): PageReading {
  const found = nothingFound();
  const selection = options.selection?.trim();
  if (selection) fromSelection(found, selection.slice(0, 5000));
  const adapter = adapterFor(url, options.adapters ?? []);
  if (adapter) readWithAdapter(doc, adapter, found);
  readStructuredData(doc, found);
  readLabelledValues(doc, found);
  readWrittenAddress(doc, found);
  return {
    identifiers: found.values,
    from: found.from,
    url,
    title: doc.title.replace(/\s+/g, ' ').trim().slice(0, 500),
    ...(adapter ? { adapter: adapter.name } : {}),
  };
}
