import { parseResponse } from 'hono/client';
import type { LoginResponse } from '../../shared/schemas/auth';
import type { CapturedLead } from '../capture/types';
import type { PageReading } from '../page-reading/read-page';
import type { SiteAdapter } from '../page-reading/site-adapters';
import { ApiError, callApiWithStatus } from '../utils/api-client';
import type { CaptureTarget, Me, MessageName, ProtocolMap, QueuedLead, SessionView } from '../utils/messages';
import { followBookmarks } from './bookmark';
import { type Connection, meApi } from './server-api';

/** What the background keeps in extension session storage (never readable by content scripts). */
export type StoredAuth =
  | { kind: 'session'; token: string; me: Me; lastActivityAt: number }
  | { kind: 'challenge'; challengeToken: string; email: string; expiresAt: string }
  | { kind: 'signed_out'; reason?: string };

export type Store<T> = { get(): Promise<T>; set(value: T): Promise<void> };

export type BackgroundDeps = {
  fetch: typeof fetch;
  auth: Store<StoredAuth>;
  serverUrl: Store<string>;
  now: () => number;
  /** Reads the active tab (only with the user's gesture: activeTab). */
  capturePage?: () => Promise<{ url: string; title: string; text: string }>;
  /** Lead capture: which tab, then the extractors run in it (only with the user's gesture). */
  captureTab?: {
    active: () => Promise<{ id: number; url: string } | null>;
    byId: (tabId: number) => Promise<{ id: number; url: string } | null>;
    extract: (tabId: number, target: CaptureTarget) => Promise<CapturedLead>;
  };
  /** Page reading for the card: whether a site is granted, and the readers run in a tab. */
  pageReading?: {
    granted: (url: string) => Promise<boolean>;
    read: (tabId: number, adapters: SiteAdapter[]) => Promise<PageReading>;
    readTable: (tabId: number) => Promise<string | null>;
    pick: (tabId: number, what: string) => Promise<{ selector: string; text: string } | null>;
  };
  leadOutbox: Store<QueuedLead[]>;
  captureBlocklist: Store<string[]>;
  /**
   * Forgets what one person chose or left behind in the panel (the facility
   * they work on, a capture waiting to be saved), so the next person to sign
   * in on this browser starts clean.
   */
  forgetUser: () => Promise<void>;
};

export const SESSION_ENDED = 'Your session ended. Sign in again.';

export type SignedIn = Extract<LoginResponse, { status: 'signed_in' }>;

export const CHALLENGE_EXPIRED = 'This sign-in has expired. Enter your email and password again.';

export function view(auth: StoredAuth): SessionView {
  if (auth.kind === 'session')
    return { status: 'signed_in', me: auth.me, lastActivityAt: auth.lastActivityAt };
  if (auth.kind === 'challenge') return { status: 'two_factor_required', email: auth.email };
  return { status: 'signed_out', ...(auth.reason ? { reason: auth.reason } : {}) };
}

/** True when the session has passed its idle or absolute limit by our own clock. */
export function sessionLapsed(auth: Extract<StoredAuth, { kind: 'session' }>, now: number): boolean {
  const idleMs = auth.me.session.idleTimeoutSeconds * 1000;
  return now >= auth.lastActivityAt + idleMs || now >= Date.parse(auth.me.session.expiresAt);
}

/** True when the two-factor step has run out of time (the server would refuse the code anyway). */
export function challengeLapsed(auth: Extract<StoredAuth, { kind: 'challenge' }>, now: number): boolean {
  return now >= Date.parse(auth.expiresAt);
}

export type Handlers = {
  [K in MessageName]: (input: ProtocolMap[K]['input']) => Promise<ProtocolMap[K]['output']>;
};

/** What every concern shares: the stored session and the authenticated call that keeps it current. */
export function createCore(deps: BackgroundDeps) {
  async function signOut(reason?: string): Promise<SessionView> {
    const next: StoredAuth = { kind: 'signed_out', ...(reason ? { reason } : {}) };
    await deps.auth.set(next);
    await deps.forgetUser();
    return view(next);
  }

  async function signedIn(answer: SignedIn): Promise<SessionView> {
    const next: StoredAuth = {
      kind: 'session',
      token: answer.token,
      me: answer.me,
      lastActivityAt: deps.now(),
    };
    await deps.auth.set(next);
    return view(next);
  }

  /**
   * Runs one call with the stored session's token, moving the activity clock
   * on when it answers; a 401 means the server ended the session.
   */
  const fetcher = followBookmarks(deps.fetch);

  async function withSession<T>(work: (c: Connection) => Promise<T>): Promise<T> {
    const auth = await deps.auth.get();
    if (auth.kind !== 'session')
      throw new ApiError(401, { code: 'unauthenticated', message: 'Sign in to continue.' });
    try {
      const result = await work({
        fetch: fetcher,
        serverUrl: await deps.serverUrl.get(),
        token: auth.token,
      });
      // Only touch the session this call was made with: a sign-out or a server
      // change during the call must not bring the old token back.
      const fresh = await deps.auth.get();
      if (fresh.kind === 'session' && fresh.token === auth.token)
        await deps.auth.set({ ...fresh, lastActivityAt: deps.now() });
      return result;
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) {
        const fresh = await deps.auth.get();
        if (fresh.kind === 'session' && fresh.token === auth.token) await signOut(SESSION_ENDED);
      }
      throw e;
    }
  }

  type CallInit = { method?: string; body?: unknown; headers?: Record<string, string> };

  /** An authenticated call by path, for requests the panel built (the `api` message) and queued leads. */
  async function authed<T>(path: string, init: CallInit = {}): Promise<T> {
    return (await authedWithStatus<T>(path, init)).body;
  }

  function authedWithStatus<T>(path: string, init: CallInit = {}): Promise<{ status: number; body: T }> {
    return withSession((c) => callApiWithStatus<T>(c.fetch, c.serverUrl, path, { ...init, token: c.token }));
  }

  /** Reads the signed-in person again: two-factor and role changes show there. */
  async function refreshMe() {
    const me: Me = await withSession((c) => parseResponse(meApi(c).index.$get()));
    const fresh = await deps.auth.get();
    if (fresh.kind === 'session') await deps.auth.set({ ...fresh, me });
  }

  /** The queued captures of whoever is signed in now (none when signed out). */
  async function mine(queue: QueuedLead[]) {
    const auth = await deps.auth.get();
    if (auth.kind !== 'session') return [];
    return queue.filter((q) => q.userId === auth.me.user.id && q.organizationId === auth.me.organization.id);
  }

  return { signOut, signedIn, authed, authedWithStatus, refreshMe, mine };
}

export type Core = ReturnType<typeof createCore>;
