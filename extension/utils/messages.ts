/**
 * The one message protocol between the side panel (and, later, content
 * scripts) and the background service worker, which is the only network
 * client. The bearer token never crosses it.
 */
export type Me = {
  user: { id: string; email: string; name: string; twoFactorEnabled: boolean };
  organization: { id: string; name: string; requireTwoFactor: boolean };
  role: string;
  permissions: string[];
  session: { expiresAt: string; idleTimeoutSeconds: number };
  twoFactorSetupRequired: boolean;
};

/** What the panel needs to know to draw itself. */
export type SessionView =
  | { status: 'signed_out'; reason?: string }
  | { status: 'two_factor_required'; email: string }
  | { status: 'signed_in'; me: Me; lastActivityAt: number };

export type ApiFailure = {
  code: string;
  message: string;
  details?: { path: string; issue: string }[];
  retryAfterSeconds?: number;
};

export type ProtocolMap = {
  getSession: { input: undefined; output: SessionView };
  login: { input: { email: string; password: string }; output: SessionView };
  loginTwoFactor: { input: { code: string }; output: SessionView };
  logout: { input: undefined; output: SessionView };
  /** Ends the session on this side when the idle or absolute limit has passed. */
  expire: { input: undefined; output: SessionView };
  /** Any signed-in API call, made by the background with the token the panel never sees. */
  api: {
    input: {
      method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
      path: string;
      body?: unknown;
      /** Makes a create or commit safe to retry (api.md, "Idempotency"). */
      idempotencyKey?: string;
    };
    output: unknown;
  };
  /**
   * A file for the API, as base64 (runtime messages carry JSON only). The
   * background turns it back into bytes and sends it as multipart form data.
   */
  upload: {
    input: {
      path: string;
      fileName: string;
      contentType: string;
      base64: string;
      fields: Record<string, string>;
    };
    output: unknown;
  };
  /** A file from the API, as base64, for the panel to save. */
  download: { input: { path: string }; output: { base64: string; contentType: string; fileName: string } };
  /** The page in the active tab (address, title, text), for "attach this page as evidence". */
  capturePage: { input: undefined; output: { url: string; title: string; text: string } };
  getSettings: { input: undefined; output: { serverUrl: string } };
  setServerUrl: { input: { serverUrl: string }; output: { serverUrl: string } };
};

export type MessageName = keyof ProtocolMap;
export type Message<K extends MessageName = MessageName> = { name: K; input: ProtocolMap[K]['input'] };
export type Reply<K extends MessageName> =
  | { ok: true; data: ProtocolMap[K]['output'] }
  | { ok: false; error: ApiFailure };
