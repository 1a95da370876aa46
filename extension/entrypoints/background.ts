import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { createBackgroundHandler } from '../background/handler';
import { describeRequest, inFlight, tracked } from '../background/in-flight';
import type { CapturedLead } from '../capture/types';
import type { PageReading } from '../page-reading/read-page';
import type { SiteAdapter } from '../page-reading/site-adapters';
import { ApiError } from '../utils/api-client';
import { currentFacilityItem } from '../utils/current-facility';
import type { CaptureTarget, Message } from '../utils/messages';
import {
  authItem,
  captureBlocklistItem,
  leadOutboxItem,
  pendingCaptureItem,
  serverUrlItem,
} from '../utils/storage-items';

const CAPTURE_MENU = 'capture-lead';
const CAPTURE_COMMAND = 'capture-lead';
const OUTBOX_ALARM = 'lead-outbox';

/**
 * Runs the extractors in the tab: first the shipped script (it defines the
 * function in the extension's isolated world, out of the page's reach), then
 * a call that returns what it found. Only the text the person pointed at or
 * the page's own markup is read, and only now.
 */
async function extractFromTab(tabId: number, target: CaptureTarget): Promise<CapturedLead> {
  await browser.scripting.executeScript({ target: { tabId }, files: ['/capture-page.js'] });
  const [result] = await browser.scripting.executeScript({
    target: { tabId },
    func: (selectionText: string | null, linkUrl: string | null) => {
      const page = globalThis as {
        __sidecarExtractLead?: (s?: string, l?: string) => object;
        __sidecarExtractReferrer?: () => object | null;
      };
      const extract = page.__sidecarExtractLead;
      const selection = selectionText ?? globalThis.getSelection?.()?.toString() ?? '';
      if (!extract) return null;
      const lead = extract(selection || undefined, linkUrl ?? undefined);
      // A dentist's page is also offered as a referring provider (only when nothing was pointed at).
      const referrer = selection || linkUrl ? null : (page.__sidecarExtractReferrer?.() ?? null);
      return referrer ? { ...lead, referrer } : lead;
    },
    args: [target.selectionText ?? null, target.linkUrl ?? null],
  });
  if (!result?.result) throw new Error('The capture script did not run');
  return result.result as CapturedLead;
}

/** The page readers in the tab; only the identifiers they found come back. */
async function readTab(tabId: number, adapters: SiteAdapter[]): Promise<PageReading> {
  await browser.scripting.executeScript({ target: { tabId }, files: ['/page-reader.js'] });
  const [result] = await browser.scripting.executeScript({
    target: { tabId },
    func: (taught: SiteAdapter[]) => {
      const read = (globalThis as { __sidecarReadPage?: (s?: string, a?: SiteAdapter[]) => unknown })
        .__sidecarReadPage;
      return read ? read(globalThis.getSelection?.()?.toString() || undefined, taught) : null;
    },
    args: [adapters],
  });
  if (!result?.result) throw new Error('The page reader did not run');
  return result.result as PageReading;
}

/** Waits for the person to click the element holding `what` on the page; null when they press Esc. */
async function pickInTab(tabId: number, what: string): Promise<{ selector: string; text: string } | null> {
  await browser.scripting.executeScript({ target: { tabId }, files: ['/page-picker.js'] });
  const [result] = await browser.scripting.executeScript({
    target: { tabId },
    func: (label: string) => {
      const pick = (globalThis as { __sidecarPick?: (w: string) => Promise<unknown> }).__sidecarPick;
      return pick ? pick(label) : null;
    },
    args: [what],
  });
  return (result?.result ?? null) as { selector: string; text: string } | null;
}

/** The page's largest table as CSV, for the roster import; null when it has none. */
async function readTableInTab(tabId: number): Promise<string | null> {
  await browser.scripting.executeScript({ target: { tabId }, files: ['/page-reader.js'] });
  const [result] = await browser.scripting.executeScript({
    target: { tabId },
    func: () => {
      const read = (globalThis as { __sidecarReadTable?: () => string | null }).__sidecarReadTable;
      return read ? read() : null;
    },
  });
  return (result?.result as string | null | undefined) ?? null;
}

/** A site the person granted (Settings or the card's "Read this site automatically"), or one the extension always has. */
async function siteGranted(url: string): Promise<boolean> {
  return browser.permissions.contains({ origins: [`${new URL(url).origin}/*`] }).catch(() => false);
}

const tabInfo = (tab: { id?: number; url?: string } | undefined) =>
  tab?.id && tab.url ? { id: tab.id, url: tab.url } : null;

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
    fetch: (input, init) => tracked('fetch', describeRequest(input, init), () => fetch(input, init)),
    auth: {
      get: () => tracked('storage', 'read session', () => authItem.getValue()),
      set: (v) => tracked('storage', 'write session', () => authItem.setValue(v)),
    },
    serverUrl: {
      get: () => tracked('storage', 'read server address', () => serverUrlItem.getValue()),
      set: (v) => serverUrlItem.setValue(v),
    },
    now: () => Date.now(),
    forgetUser: async () => {
      await Promise.all([currentFacilityItem.removeValue(), pendingCaptureItem.removeValue()]);
    },
    capturePage: captureActivePage,
    captureTab: {
      active: async () => tabInfo((await browser.tabs.query({ active: true, lastFocusedWindow: true }))[0]),
      byId: async (tabId) => tabInfo(await browser.tabs.get(tabId).catch(() => undefined)),
      extract: extractFromTab,
    },
    pageReading: { granted: siteGranted, read: readTab, readTable: readTableInTab, pick: pickInTab },
    leadOutbox: {
      get: () => leadOutboxItem.getValue(),
      set: async (v) => {
        await leadOutboxItem.setValue(v);
        // Retry every minute while something waits; no timer when nothing does.
        if (v.length) browser.alarms.create(OUTBOX_ALARM, { periodInMinutes: 1 });
        else await browser.alarms.clear(OUTBOX_ALARM);
      },
    },
    captureBlocklist: {
      get: () => captureBlocklistItem.getValue(),
      set: (v) => captureBlocklistItem.setValue(v),
    },
  });

  /**
   * The right-click menu and the shortcut: open the panel at once (the browser
   * allows it only inside the gesture), then read the tab and hand the result
   * to the panel, which opens it as a prefilled form.
   */
  function captureFrom(tab: { id?: number; windowId?: number } | undefined, target: CaptureTarget) {
    if (!tab?.id) return;
    browser.sidePanel.open({ tabId: tab.id }).catch(() => undefined);
    handle({ name: 'captureLead', input: { ...target, tabId: tab.id } }).then((reply) =>
      pendingCaptureItem.setValue(
        reply.ok ? { capture: reply.data as never } : { error: reply.error.message },
      ),
    );
  }

  browser.runtime.onInstalled.addListener(() => {
    browser.contextMenus.create({
      id: CAPTURE_MENU,
      title: 'Capture lead',
      contexts: ['page', 'selection', 'link'],
    });
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId !== CAPTURE_MENU) return;
    captureFrom(tab, {
      ...(info.selectionText ? { selectionText: info.selectionText } : {}),
      ...(info.linkUrl ? { linkUrl: info.linkUrl } : {}),
    });
  });
  browser.commands.onCommand.addListener((command, tab) => {
    if (command === CAPTURE_COMMAND) captureFrom(tab, {});
  });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === OUTBOX_ALARM) handle({ name: 'flushLeadOutbox', input: undefined });
  });

  browser.runtime.onMessage.addListener((message: unknown, sender, sendResponse) => {
    // Only the extension's own pages may ask (not content scripts, web pages or other extensions).
    if (sender.id !== browser.runtime.id || !sender.url?.startsWith(browser.runtime.getURL('/')))
      return false;
    tracked('message', messageLabel(message as Message), () => handle(message as Message)).then(sendResponse);
    return true;
  });

  // For diagnosis from the service worker's console (and the end-to-end tests'
  // failure reports): `sidecarInFlight()` lists what has not finished.
  Object.assign(globalThis, { sidecarInFlight: inFlight });
});

/** A message's name, and for an API call its method and path without the query string. */
function messageLabel(message: Message): string {
  if (message.name !== 'api') return String(message.name);
  const { method, path } = message.input as { method: string; path: string };
  return `api ${method} ${path.split('?')[0]}`;
}
