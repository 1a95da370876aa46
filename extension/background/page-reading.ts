import type { SiteMapping } from '../../shared/schemas/site-mappings';
import { type SiteAdapter, taughtAdapter } from '../page-reading/site-adapters';
import { ApiError } from '../utils/api-client';
import { blockedBy } from '../utils/capture-blocklist';
import type { PageReadResult } from '../utils/messages';
import type { BackgroundDeps, Core, Handlers } from './context';
import { pageAnswer } from './page-answer';

const READ_REFUSED =
  'Sidecar may read this page only after you click its toolbar button on it. Click it, then read the page again.';

/**
 * Reading the page in the active tab for the card: on request, or
 * automatically only where the person granted the site (optional host
 * permission). A site on the never-capture list is never read either way.
 */
export function pageReadingHandlers(
  deps: BackgroundDeps,
  core: Core,
): Pick<Handlers, 'readPage' | 'readPageTable' | 'pickElement'> {
  function reader() {
    if (!deps.captureTab || !deps.pageReading)
      throw new ApiError(400, { code: 'unsupported', message: 'Page reading is not available here' });
    return { tabs: deps.captureTab, pages: deps.pageReading };
  }

  /** The tab in front when it may be read (its id), or why not. */
  async function front(
    auto: boolean,
  ): Promise<{ tabId: number; origin: string } | Extract<PageReadResult, { skipped: string }>> {
    const { tabs, pages } = reader();
    const tab = await tabs.active();
    if (!tab || !/^https?:/.test(tab.url)) return { skipped: 'not_a_page' };
    const origin = new URL(tab.url).origin;
    const blocked = blockedBy(tab.url, await deps.captureBlocklist.get());
    if (blocked) return { skipped: 'blocked', origin, site: blocked };
    if (auto && !(await pages.granted(tab.url))) return { skipped: 'not_granted', origin };
    return { tabId: tab.id, origin };
  }

  /**
   * What the organisation taught for the tab's host. Only the host leaves the
   * browser; a failed lookup reads the page with the generic readers alone.
   */
  async function taught(origin: string): Promise<SiteAdapter[]> {
    const host = new URL(origin).hostname;
    try {
      const { mapping } = await core.authed<{ mapping: SiteMapping | null }>(
        `/api/v1/site-mappings?host=${encodeURIComponent(host)}`,
      );
      return mapping ? [taughtAdapter(mapping)] : [];
    } catch {
      return [];
    }
  }

  return {
    async readPage({ auto }) {
      const tab = await front(auto);
      if (!('tabId' in tab)) return tab;
      const adapters = await taught(tab.origin);
      try {
        return { reading: await pageAnswer(reader().pages.read(tab.tabId, adapters)) };
      } catch (e) {
        if (e instanceof ApiError) throw e;
        if (auto) return { skipped: 'not_granted', origin: tab.origin };
        throw new ApiError(403, { code: 'forbidden', message: READ_REFUSED });
      }
    },
    async pickElement({ what }) {
      const tab = await front(false);
      if (!('tabId' in tab))
        throw new ApiError(400, { code: 'unsupported', message: 'Open the page to teach, then try again.' });
      try {
        return await reader().pages.pick(tab.tabId, what);
      } catch {
        throw new ApiError(403, { code: 'forbidden', message: READ_REFUSED });
      }
    },
    async readPageTable() {
      const tab = await front(false);
      if (!('tabId' in tab))
        throw new ApiError(400, {
          code: 'unsupported',
          message:
            tab.skipped === 'blocked'
              ? `Reading is turned off for ${tab.site} in Settings.`
              : 'Open the page with the table, then try again.',
        });
      let csv: string | null;
      try {
        csv = await pageAnswer(reader().pages.readTable(tab.tabId));
      } catch (e) {
        if (e instanceof ApiError) throw e;
        throw new ApiError(403, { code: 'forbidden', message: READ_REFUSED });
      }
      if (!csv)
        throw new ApiError(400, { code: 'unsupported', message: 'There is no table of rows on this page.' });
      return { csv };
    },
  };
}
