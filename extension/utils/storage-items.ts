import { storage } from 'wxt/utils/storage';
import type { StoredAuth } from '../background/context';
import type { CapturedReferrer } from '../capture/referrer-types';
import type { LeadCapture, QueuedLead } from './messages';
import { DEFAULT_SERVER_URL } from './server-url';

/** Settings persist across browser restarts. */
export const serverUrlItem = storage.defineItem<string>('local:serverUrl', { fallback: DEFAULT_SERVER_URL });

/** Sites where capture is never allowed: a setting, so it persists (it holds no patient data). */
export const captureBlocklistItem = storage.defineItem<string[]>('local:captureBlocklist', { fallback: [] });

/**
 * The session lives in `storage.session`: in memory, gone when the browser
 * closes, and (Chrome's default access level) unreadable by content scripts.
 */
export const authItem = storage.defineItem<StoredAuth>('session:auth', { fallback: { kind: 'signed_out' } });

/**
 * Captures waiting for the server. They hold patient details, so they live in
 * memory like the session, never on disk: they outlive the panel, the
 * background's restarts and a network outage, and the panel says they go when
 * the browser closes.
 */
export const leadOutboxItem = storage.defineItem<QueuedLead[]>('session:leadOutbox', { fallback: [] });

/** A capture from the right-click menu or the shortcut, for the panel to open as a form. */
export type PendingCapture = { capture: LeadCapture } | { error: string };
export const pendingCaptureItem = storage.defineItem<PendingCapture | null>('session:pendingCapture', {
  fallback: null,
});

/** A referring provider read from a page, for the Referrals area to open as a prefilled form. */
export const pendingReferrerItem = storage.defineItem<CapturedReferrer | null>('session:pendingReferrer', {
  fallback: null,
});
