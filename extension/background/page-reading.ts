import { ApiError } from '../utils/api-client';
import { blockedBy } from '../utils/capture-blocklist';
import type { PageReadResult } from '../utils/messages';
import type { BackgroundDeps, Core, Handlers } from './context';

const READ_REFUSED =
  'Sidecar may read this page only after you click its toolbar button on it. Click it, then read the page again.';

/**
 * Reading the page in the active tab for the card: on request, or
 * automatically only where the person granted the site (optional host
 * permission). A site on the never-capture list is never read either way.
 */
export function pageReadingHandlers(
  deps: BackgroundDeps,
  _core: Core,
): Pick<Handlers, 'readPage' | 'readPageTable'> {
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

  return {
    async readPage({ auto }) {
      const tab = await front(auto);
      if (!('tabId' in tab)) return tab;
      try {
        return { reading: await reader().pages.read(tab.tabId) };
      } catch {
        if (auto) return { skipped: 'not_granted', origin: tab.origin };
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
        csv = await reader().pages.readTable(tab.tabId);
      } catch {
        throw new ApiError(403, { code: 'forbidden', message: READ_REFUSED });
      }
      if (!csv)
        throw new ApiError(400, { code: 'unsupported', message: 'There is no table of rows on this page.' });
      return { csv };
    },
  };
}
