import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseHTML } from 'linkedom';
import type { PageDocument } from '../../extension/capture/page-dom';

/** A saved page from tests/fixtures/page-reading, parsed as the browser would hand it to the readers. */
export function savedPage(name: string): PageDocument {
  return pageOf(readFileSync(resolve('tests/fixtures/page-reading', name), 'utf8'));
}

/** A page from markup; a fragment is put in a body, as a browser would. */
export function pageOf(html: string): PageDocument {
  return parseHTML(/<body/i.test(html) ? html : `<!doctype html><html><body>${html}</body></html>`).document;
}
