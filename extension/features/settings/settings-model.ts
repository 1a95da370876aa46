import { action, createModel, signal } from '@preact/signals';
import { browser } from 'wxt/browser';
import type { Notice } from '../../ui/notice';
import { sendMessage } from '../../utils/send-message';
import { DEFAULT_SERVER_URL, originPattern, parseServerUrl } from '../../utils/server-url';

/** The server address and the sites capture never reads, as the background stores them. */
export const SettingsModel = createModel(() => {
  // null until loaded: an address typed before the stored one arrives would be overwritten by it.
  const serverUrl = signal<string | null>(null);
  const error = signal<string | null>(null);
  const saving = signal(false);
  // null until loaded: typing into the list before it arrives would be overwritten.
  const blocklist = signal<string | null>(null);
  const blockMessage = signal<Notice | null>(null);

  sendMessage('getSettings', undefined).then(
    (s) => {
      serverUrl.value = s.serverUrl;
      blocklist.value = s.captureBlocklist.join('\n');
    },
    () => {
      serverUrl.value = DEFAULT_SERVER_URL;
      blocklist.value = '';
    },
  );

  /** Stores the address once its host may be reached; true when saved. */
  async function storeServerUrl(typed: string): Promise<boolean> {
    const parsed = parseServerUrl(typed);
    if (!parsed.ok) {
      error.value = parsed.error;
      return false;
    }
    const origins = [originPattern(parsed.origin)];
    // permissions.request needs this click; the local worker is granted at install.
    if (
      !(await browser.permissions.contains({ origins })) &&
      !(await browser.permissions.request({ origins }))
    ) {
      error.value = 'Sidecar needs permission to talk to that server. Save again and allow it.';
      return false;
    }
    const before = await sendMessage('getSettings', undefined);
    await sendMessage('setServerUrl', { serverUrl: parsed.origin });
    const old = originPattern(before.serverUrl);
    // Least privilege: give back a server granted at run time once it is no
    // longer used (Chrome refuses to remove the manifest's own host, which is fine).
    if (old !== origins[0] && old !== originPattern(DEFAULT_SERVER_URL))
      await browser.permissions.remove({ origins: [old] }).catch(() => false);
    return true;
  }

  return {
    serverUrl,
    error,
    saving,
    blocklist,
    blockMessage,
    typeServerUrl: action((value: string) => {
      serverUrl.value = value;
    }),
    typeBlocklist: action((value: string) => {
      blocklist.value = value;
    }),
    saveBlocklist: action(async () => {
      try {
        const sites = (blocklist.peek() ?? '').split('\n');
        const { captureBlocklist } = await sendMessage('setCaptureBlocklist', { sites });
        blocklist.value = captureBlocklist.join('\n');
        blockMessage.value = {
          text: captureBlocklist.length
            ? `Capture is off on ${captureBlocklist.length} site(s).`
            : 'Capture is allowed on every site.',
          error: false,
        };
      } catch (err) {
        blockMessage.value = { text: (err as Error).message, error: true };
      }
    }),
    /** True once the new address is stored (the session ends with it). */
    saveServerUrl: action(async () => {
      const typed = serverUrl.peek();
      if (typed === null) return false;
      saving.value = true;
      error.value = null;
      try {
        return await storeServerUrl(typed);
      } catch (err) {
        error.value = (err as Error).message;
        return false;
      } finally {
        saving.value = false;
      }
    }),
  };
});
