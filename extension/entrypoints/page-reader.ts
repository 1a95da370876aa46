import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { largestTable, toCsv } from '../page-reading/page-tables';
import { type PageReading, readPage } from '../page-reading/read-page';
import type { SiteAdapter } from '../page-reading/site-adapters';

type ReaderGlobal = {
  __sidecarReadPage?: (selection?: string, adapters?: SiteAdapter[]) => PageReading;
  __sidecarReadTable?: () => string | null;
};

/**
 * Injected by the background into the page's isolated world when the panel
 * reads the page (on request, or on a site the person granted). It only
 * defines the reader; the background's next call runs it. The page's text
 * stays here: only the identifiers found go back.
 */
export default defineUnlistedScript(() => {
  (globalThis as ReaderGlobal).__sidecarReadPage = (selection, adapters) =>
    readPage(document, location.href, { selection, adapters: adapters ?? [] });
  (globalThis as ReaderGlobal).__sidecarReadTable = () => {
    const rows = largestTable(document);
    return rows ? toCsv(rows) : null;
  };
});
