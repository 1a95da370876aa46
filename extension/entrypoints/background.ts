import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { createBackgroundHandler } from '../utils/background-handler';
import type { Message } from '../utils/messages';
import { authItem, serverUrlItem } from '../utils/storage-items';

export default defineBackground(() => {
  // The toolbar button opens the side panel.
  browser.sidePanel.setPanelBehavior({ openPanelOnActionClick: true }).catch(() => undefined);

  const handle = createBackgroundHandler({
    fetch: (...args) => fetch(...args),
    auth: { get: () => authItem.getValue(), set: (v) => authItem.setValue(v) },
    serverUrl: { get: () => serverUrlItem.getValue(), set: (v) => serverUrlItem.setValue(v) },
    now: () => Date.now(),
  });

  browser.runtime.onMessage.addListener((message: unknown, sender, sendResponse) => {
    // Only the extension's own pages may ask (not content scripts, web pages or other extensions).
    if (sender.id !== browser.runtime.id || !sender.url?.startsWith(browser.runtime.getURL('/')))
      return false;
    handle(message as Message).then(sendResponse);
    return true;
  });
});
