import { storage } from 'wxt/utils/storage';
import type { StoredAuth } from './background-handler';
import { DEFAULT_SERVER_URL } from './server-url';

/** Settings persist across browser restarts. */
export const serverUrlItem = storage.defineItem<string>('local:serverUrl', { fallback: DEFAULT_SERVER_URL });

/**
 * The session lives in `storage.session`: in memory, gone when the browser
 * closes, and (Chrome's default access level) unreadable by content scripts.
 */
export const authItem = storage.defineItem<StoredAuth>('session:auth', { fallback: { kind: 'signed_out' } });
