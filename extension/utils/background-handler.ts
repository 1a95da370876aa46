import type { CapturedLead } from '../capture/types';
import { ApiError, callApi, callApiWithStatus } from './api-client';
import { blockedBy, normaliseBlocklist } from './capture-blocklist';
import type {
  ApiFailure,
  CaptureTarget,
  Me,
  Message,
  MessageName,
  ProtocolMap,
  QueuedLead,
  Reply,
  SavedLeadReply,
  SessionView,
} from './messages';
import { parseServerUrl } from './server-url';

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
  leadOutbox: Store<QueuedLead[]>;
  captureBlocklist: Store<string[]>;
};

const SESSION_ENDED = 'Your session ended. Sign in again.';

type SignedIn = { status: 'signed_in'; token: string; me: Me };
type LoginAnswer = SignedIn | { status: 'two_factor_required'; challengeToken: string; expiresAt: string };

const CHALLENGE_EXPIRED = 'This sign-in has expired. Enter your email and password again.';

function view(auth: StoredAuth): SessionView {
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

/**
 * The background's message handler, with storage, clock and network injected
 * so it can be tested without a browser. Every API call goes through here.
 */
export function createBackgroundHandler(deps: BackgroundDeps) {
  async function signOut(reason?: string): Promise<SessionView> {
    const next: StoredAuth = { kind: 'signed_out', ...(reason ? { reason } : {}) };
    await deps.auth.set(next);
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

  /** An authenticated call; a 401 means the server ended the session. */
  async function authed<T>(
    path: string,
    init: { method?: string; body?: unknown; headers?: Record<string, string> } = {},
  ): Promise<T> {
    return (await authedWithStatus<T>(path, init)).body;
  }

  async function authedWithStatus<T>(
    path: string,
    init: { method?: string; body?: unknown; headers?: Record<string, string> } = {},
  ): Promise<{ status: number; body: T }> {
    const auth = await deps.auth.get();
    if (auth.kind !== 'session')
      throw new ApiError(401, { code: 'unauthenticated', message: 'Sign in to continue.' });
    try {
      const result = await callApiWithStatus<T>(deps.fetch, await deps.serverUrl.get(), path, {
        ...init,
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

  /** The queued captures of whoever is signed in now (none when signed out). */
  async function mine(queue: QueuedLead[]) {
    const auth = await deps.auth.get();
    if (auth.kind !== 'session') return [];
    return queue.filter((q) => q.userId === auth.me.user.id && q.organizationId === auth.me.organization.id);
  }

  /**
   * Sends queued captures in order, each with the key it was queued under, so
   * the server creates each lead once however often this runs (two runs at
   * once included). Stops at the first network failure; a refusal is kept for
   * a person to fix instead of being retried.
   */
  async function flushOutbox(): Promise<{ sent: number; waiting: QueuedLead[] }> {
    let sent = 0;
    for (const item of await mine(await deps.leadOutbox.get())) {
      if (item.refused) continue;
      try {
        await authed('/api/v1/leads', {
          method: 'POST',
          body: item.body,
          headers: { 'Idempotency-Key': item.idempotencyKey },
        });
        sent++;
        await deps.leadOutbox.set(
          (await deps.leadOutbox.get()).filter((q) => q.idempotencyKey !== item.idempotencyKey),
        );
      } catch (e) {
        if (!(e instanceof ApiError) || e.status === 0 || e.status === 401 || e.status >= 500) break;
        // A 409 with Retry-After is another run sending this one right now.
        if (e.status === 409 && e.failure.retryAfterSeconds) continue;
        await deps.leadOutbox.set(
          (await deps.leadOutbox.get()).map((q) =>
            q.idempotencyKey === item.idempotencyKey ? { ...q, refused: e.failure.message } : q,
          ),
        );
      }
    }
    return { sent, waiting: await mine(await deps.leadOutbox.get()) };
  }

  const handlers: {
    [K in MessageName]: (input: ProtocolMap[K]['input']) => Promise<ProtocolMap[K]['output']>;
  } = {
    async getSession() {
      const auth = await deps.auth.get();
      if (auth.kind === 'challenge' && challengeLapsed(auth, deps.now())) return signOut(CHALLENGE_EXPIRED);
      if (auth.kind !== 'session') return view(auth);
      if (sessionLapsed(auth, deps.now())) return signOut(SESSION_ENDED);
      try {
        const me = await authed<Me>('/api/v1/me');
        const fresh = await deps.auth.get();
        if (fresh.kind === 'session') await deps.auth.set({ ...fresh, me });
        return view(await deps.auth.get());
      } catch (e) {
        if (e instanceof ApiError && e.status === 401) return view(await deps.auth.get());
        throw e;
      }
    },
    async login({ email, password }) {
      const answer = await callApi<LoginAnswer>(
        deps.fetch,
        await deps.serverUrl.get(),
        '/api/v1/auth/login',
        {
          body: { email, password },
        },
      );
      if (answer.status === 'signed_in') return signedIn(answer);
      const next: StoredAuth = {
        kind: 'challenge',
        challengeToken: answer.challengeToken,
        email,
        expiresAt: answer.expiresAt,
      };
      await deps.auth.set(next);
      return view(next);
    },
    async loginTwoFactor({ code }) {
      const auth = await deps.auth.get();
      if (auth.kind !== 'challenge') return signOut('Start again with your email and password.');
      if (challengeLapsed(auth, deps.now())) return signOut(CHALLENGE_EXPIRED);
      try {
        const answer = await callApi<SignedIn>(
          deps.fetch,
          await deps.serverUrl.get(),
          '/api/v1/auth/login/two-factor',
          {
            body: { challengeToken: auth.challengeToken, code },
          },
        );
        return signedIn(answer);
      } catch (e) {
        if (e instanceof ApiError && e.status === 401 && e.failure.message.includes('expired'))
          await signOut(e.failure.message);
        throw e;
      }
    },
    async logout() {
      const auth = await deps.auth.get();
      if (auth.kind === 'session') {
        // Signing out locally must never wait on, or fail with, the server.
        await callApi(deps.fetch, await deps.serverUrl.get(), '/api/v1/auth/logout', {
          method: 'POST',
          token: auth.token,
        }).catch(() => undefined);
      }
      return signOut();
    },
    async expire() {
      // The panel's timer only knows the activity it has seen; calls made since
      // then moved the stored clock on, and that one decides.
      const auth = await deps.auth.get();
      if (auth.kind === 'session' && !sessionLapsed(auth, deps.now())) return view(auth);
      if (auth.kind === 'session') return signOut(SESSION_ENDED);
      return view(auth);
    },
    async api({ method, path, body, idempotencyKey }) {
      if (!path.startsWith('/api/v1/') || path.includes('..')) {
        throw new ApiError(400, {
          code: 'validation_failed',
          message: 'Only Sidecar API paths can be called',
        });
      }
      const result = await authedWithStatus<unknown>(path, {
        method,
        body,
        ...(idempotencyKey ? { headers: { 'Idempotency-Key': idempotencyKey } } : {}),
      });
      // Two-factor and role changes show in /me: keep the panel's copy current.
      if (path.startsWith('/api/v1/me/')) {
        const me = await authed<Me>('/api/v1/me');
        const fresh = await deps.auth.get();
        if (fresh.kind === 'session') await deps.auth.set({ ...fresh, me });
      }
      return result;
    },
    async upload({ path, fileName, contentType, base64, fields }) {
      if (!/^\/api\/v1\/[\w/-]+\/documents$/.test(path) && path !== '/api/v1/patients/import/preview') {
        throw new ApiError(400, {
          code: 'validation_failed',
          message: 'Files can only be sent to a documents or roster address',
        });
      }
      const bytes = Uint8Array.from(atob(base64), (ch) => ch.charCodeAt(0));
      const form = new FormData();
      for (const [key, value] of Object.entries(fields)) form.append(key, value);
      form.append('file', new File([bytes], fileName, { type: contentType || 'application/octet-stream' }));
      return authedWithStatus<unknown>(path, { method: 'POST', body: form });
    },
    async download({ path }) {
      if (!/^\/api\/v1\/[\w/-]+\/download$/.test(path)) {
        throw new ApiError(400, {
          code: 'validation_failed',
          message: 'Only document downloads can be fetched',
        });
      }
      const auth = await deps.auth.get();
      if (auth.kind !== 'session')
        throw new ApiError(401, { code: 'unauthenticated', message: 'Sign in to continue.' });
      const res = await deps.fetch(`${await deps.serverUrl.get()}${path}`, {
        headers: { Authorization: `Bearer ${auth.token}` },
      });
      if (!res.ok) {
        if (res.status === 401) await signOut(SESSION_ENDED);
        const body = (await res.json().catch(() => null)) as { error?: ApiFailure } | null;
        throw new ApiError(
          res.status,
          body?.error ?? { code: 'internal_error', message: `The server answered ${res.status}` },
        );
      }
      const bytes = new Uint8Array(await res.arrayBuffer());
      let binary = '';
      for (let i = 0; i < bytes.length; i += 0x8000)
        binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
      const disposition = res.headers.get('Content-Disposition') ?? '';
      return {
        base64: btoa(binary),
        contentType: res.headers.get('Content-Type') ?? 'application/octet-stream',
        fileName: /filename="([^"]+)"/.exec(disposition)?.[1] ?? 'document',
      };
    },
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
          message: 'Open the web page or email you want to capture, then try again.',
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
        captured = await deps.captureTab.extract(tab.id, target ?? {});
      } catch {
        throw new ApiError(403, {
          code: 'forbidden',
          message:
            'Sidecar may read this page only right after you ask: use its toolbar button, the right-click menu or the shortcut on the page, then capture again.',
        });
      }
      return { ...captured, capturedAt: new Date(deps.now()).toISOString() };
    },
    async saveLead({ body, idempotencyKey }) {
      const auth = await deps.auth.get();
      if (auth.kind !== 'session')
        throw new ApiError(401, { code: 'unauthenticated', message: 'Sign in to continue.' });
      try {
        return await authed<Exclude<SavedLeadReply, { queued: true }>>('/api/v1/leads', {
          method: 'POST',
          body,
          headers: { 'Idempotency-Key': idempotencyKey },
        });
      } catch (e) {
        // Only an unreachable server queues: a refusal must be seen and fixed now.
        if (!(e instanceof ApiError) || (e.status !== 0 && e.status < 500)) throw e;
        const name = `${String(body.firstName ?? '')} ${String(body.lastName ?? '')}`.trim();
        const queue = await deps.leadOutbox.get();
        if (!queue.some((q) => q.idempotencyKey === idempotencyKey))
          await deps.leadOutbox.set([
            ...queue,
            {
              idempotencyKey,
              body,
              name,
              queuedAt: deps.now(),
              userId: auth.me.user.id,
              organizationId: auth.me.organization.id,
            },
          ]);
        return { queued: true as const, name };
      }
    },
    async flushLeadOutbox() {
      return flushOutbox();
    },
    async discardQueuedLead({ idempotencyKey }) {
      const waiting = (await deps.leadOutbox.get()).filter((q) => q.idempotencyKey !== idempotencyKey);
      await deps.leadOutbox.set(waiting);
      return { waiting: await mine(waiting) };
    },
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

  return async function handle<K extends MessageName>(message: Message<K>): Promise<Reply<K>> {
    const handler = handlers[message.name] as
      | ((input: unknown) => Promise<ProtocolMap[K]['output']>)
      | undefined;
    if (!handler)
      return {
        ok: false,
        error: { code: 'unknown_message', message: `Unknown message ${String(message.name)}` },
      };
    try {
      return { ok: true, data: await handler(message.input) };
    } catch (e) {
      if (e instanceof ApiError) return { ok: false, error: e.failure };
      return {
        ok: false,
        error: { code: 'internal_error', message: 'Something went wrong in the extension. Try again.' },
      };
    }
  };
}
