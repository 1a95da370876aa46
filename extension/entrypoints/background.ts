import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { ApiError } from '../utils/api-client';
import { createBackgroundHandler } from '../utils/background-handler';
import type { Message } from '../utils/messages';
import { authItem, serverUrlItem } from '../utils/storage-items';

/**
 * Reads the page the person is looking at. `activeTab` grants this for the tab
 * where they clicked the Sidecar button; anywhere else the browser refuses and
 * the message says what to do.
 */
async function captureActivePage() {
  const [tab] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
  if (!tab?.id || !tab.url || !/^https?:/.test(tab.url)) {
    throw new ApiError(400, {
      code: 'unsupported',
      message: 'Open the web page you want to attach, then try again.',
    });
  }
  try {
    const [result] = await browser.scripting.executeScript({
      target: { tabId: tab.id },
      func: () => ({
        url: location.href,
        title: document.title,
        // biome-ignore lint/performance/useDomNodeTextContent: the text as the person sees it is the evidence, not hidden markup
        text: document.body?.innerText.slice(0, 500_000) ?? '',
      }),
    });
    return result!.result as { url: string; title: string; text: string };
  } catch {
    throw new ApiError(403, {
      code: 'forbidden',
      message:
        'Sidecar may read this page only after you click its toolbar button on it. Click it, then attach again.',
    });
  }
}

export default defineBackground(() => {
  // The toolbar button opens the side panel.
  browser.sidePanel.setPanelBehavior({ openPanelOnActionClick: true }).catch(() => undefined);

  const handle = createBackgroundHandler({
    fetch: (...args) => fetch(...args),
    auth: { get: () => authItem.getValue(), set: (v) => authItem.setValue(v) },
    serverUrl: { get: () => serverUrlItem.getValue(), set: (v) => serverUrlItem.setValue(v) },
    now: () => Date.now(),
    capturePage: captureActivePage,
  });

  browser.runtime.onMessage.addListener((message: unknown, sender, sendResponse) => {
    // Only the extension's own pages may ask (not content scripts, web pages or other extensions).
    if (sender.id !== browser.runtime.id || !sender.url?.startsWith(browser.runtime.getURL('/')))
      return false;
    handle(message as Message).then(sendResponse);
    return true;
  });
});
