import type { CapturedLead } from '../capture/types';
import { ApiError } from '../utils/api-client';
import { blockedBy } from '../utils/capture-blocklist';
import type { BackgroundDeps, Core, Handlers } from './context';
import { pageAnswer } from './page-answer';

/** Reading the page the person asked to capture, never a blocked site. */
export function captureHandlers(
  deps: BackgroundDeps,
  _core: Core,
): Pick<Handlers, 'capturePage' | 'captureLead'> {
  return {
    async capturePage() {
      if (!deps.capturePage)
        throw new ApiError(400, { code: 'unsupported', message: 'Page capture is not available here' });
      return deps.capturePage();
    },
    async captureLead(target) {
      if (!deps.captureTab)
        throw new ApiError(400, { code: 'unsupported', message: 'Capture is not available here' });
      const tab = target?.tabId ? await deps.captureTab.byId(target.tabId) : await deps.captureTab.active();
      if (!tab || !/^https?:/.test(tab.url))
        throw new ApiError(400, {
          code: 'unsupported',
          message:
            'Sidecar captures from web pages and emails: switch to the tab with the page or email, then capture again.',
        });
      // Checked before the page is read: a blocked site is never read at all.
      const blocked = blockedBy(tab.url, await deps.captureBlocklist.get());
      if (blocked)
        throw new ApiError(403, {
          code: 'capture_blocked',
          message: `Capture is turned off for ${blocked} in Settings.`,
        });
      let captured: CapturedLead;
      try {
        captured = await pageAnswer(deps.captureTab.extract(tab.id, target ?? {}));
      } catch (e) {
        if (e instanceof ApiError) throw e;
        throw new ApiError(403, {
          code: 'forbidden',
          message:
            'Sidecar may read this page only right after you ask: use its toolbar button, the right-click menu or the shortcut on the page, then capture again.',
        });
      }
      return { ...captured, capturedAt: new Date(deps.now()).toISOString() };
    },
  };
}
