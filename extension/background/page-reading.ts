import { ApiError } from '../utils/api-client';
import { blockedBy } from '../utils/capture-blocklist';
import type { BackgroundDeps, Core, Handlers } from './context';

const READ_REFUSED =
  'Sidecar may read this page only after you click its toolbar button on it. Click it, then read the page again.';

/**
 * Reading the page in the active tab for the card: on request, or
 * automatically only where the person granted the site (optional host
 * permission). A site on the never-capture list is never read either way.
 */
export function pageReadingHandlers(deps: BackgroundDeps, _core: Core): Pick<Handlers, 'readPage'> {
  return {
    async readPage({ auto }) {
      if (!deps.captureTab || !deps.pageReading)
        throw new ApiError(400, { code: 'unsupported', message: 'Page reading is not available here' });
      const tab = await deps.captureTab.active();
      if (!tab || !/^https?:/.test(tab.url)) return { skipped: 'not_a_page' };
      const origin = new URL(tab.url).origin;
      const blocked = blockedBy(tab.url, await deps.captureBlocklist.get());
      if (blocked) return { skipped: 'blocked', origin, site: blocked };
      if (auto && !(await deps.pageReading.granted(tab.url))) return { skipped: 'not_granted', origin };
      try {
        return { reading: await deps.pageReading.read(tab.id) };
      } catch {
        if (auto) return { skipped: 'not_granted', origin };
        throw new ApiError(403, { code: 'forbidden', message: READ_REFUSED });
      }
    },
  };
}
