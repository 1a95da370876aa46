import { ApiError } from '../utils/api-client';
import { normaliseBlocklist } from '../utils/capture-blocklist';
import { parseServerUrl } from '../utils/server-url';
import type { BackgroundDeps, Core, Handlers } from './context';

/** The server address and the capture blocklist. */
export function settingsHandlers(
  deps: BackgroundDeps,
  core: Core,
): Pick<Handlers, 'getSettings' | 'setCaptureBlocklist' | 'setServerUrl'> {
  const { signOut } = core;
  return {
    async getSettings() {
      return { serverUrl: await deps.serverUrl.get(), captureBlocklist: await deps.captureBlocklist.get() };
    },
    async setCaptureBlocklist({ sites }) {
      const { sites: clean, invalid } = normaliseBlocklist(sites);
      if (invalid.length)
        throw new ApiError(400, {
          code: 'validation_failed',
          message: `Not a site name: ${invalid.join(', ')}. Use names like portal.example.org.`,
          details: invalid.map((issue) => ({ path: 'sites', issue })),
        });
      await deps.captureBlocklist.set(clean);
      return { captureBlocklist: clean };
    },
    async setServerUrl({ serverUrl }) {
      const parsed = parseServerUrl(serverUrl);
      if (!parsed.ok) throw new ApiError(400, { code: 'validation_failed', message: parsed.error });
      if (parsed.origin !== (await deps.serverUrl.get())) {
        // A token belongs to the server that issued it.
        await deps.serverUrl.set(parsed.origin);
        await signOut();
      }
      return { serverUrl: parsed.origin };
    },
  };
}
