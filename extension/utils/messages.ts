import type { Me } from '../../shared/schemas/auth';
import type { DuplicateMatch } from '../../shared/schemas/leads';
import type { CapturedLead } from '../capture/types';
import type { PageReading } from '../page-reading/read-page';

export type { Me };

/**
 * The one message protocol between the side panel (and, later, content
 * scripts) and the background service worker, which is the only network
 * client. The bearer token never crosses it.
 */
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

/** A lead read from a page or an email, stamped with when it was read. */
export type LeadCapture = CapturedLead & { capturedAt: string };

/** Where capture came from when it was not the panel's own button. */
export type CaptureTarget = { tabId?: number; selectionText?: string; linkUrl?: string };

/** A capture kept in the extension until the server can take it (sent once, by its key). */
export type QueuedLead = {
  idempotencyKey: string;
  /** The create-lead request body, exactly as it will be sent. */
  body: Record<string, unknown>;
  name: string;
  queuedAt: number;
  /** Whose it is: it is only ever sent with that person's session in that organisation. */
  userId: string;
  organizationId: string;
  /** Set when the server refused it: it waits for a person to fix it instead of being retried. */
  refused?: string;
};

export type SavedLeadReply =
  | {
      lead: { id: string; firstName: string; lastName: string };
      likelyDuplicates: DuplicateMatch[];
    }
  | { queued: true; name: string };

/** The page in the active tab, read for the card; or why it was not read. */
export type PageReadResult =
  | { reading: PageReading }
  | { skipped: 'not_a_page' }
  | { skipped: 'not_granted'; origin: string }
  | { skipped: 'blocked'; origin: string; site: string };

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
    /** The success status and body; a refusal is the reply's error instead. */
    output: { status: number; body: unknown };
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
    output: { status: number; body: unknown };
  };
  /** A file from the API, as base64, for the panel to save. */
  download: { input: { path: string }; output: { base64: string; contentType: string; fileName: string } };
  /** The page in the active tab (address, title, text), for "attach this page as evidence". */
  capturePage: { input: undefined; output: { url: string; title: string; text: string } };
  /** Reads a lead from the active tab (or the tab a menu or shortcut was used on). */
  captureLead: { input: CaptureTarget | undefined; output: LeadCapture };
  /**
   * Reads who or what the active tab shows. `auto`: only on a site the person
   * granted (optional host permission), else it answers why it did not.
   */
  readPage: { input: { auto: boolean }; output: PageReadResult };
  /** The largest table of the page in front, as CSV for the roster import (only when asked). */
  readPageTable: { input: undefined; output: { csv: string } };
  /**
   * "Teach this site": the person clicks the element on the page in front that
   * holds `what`; its selector and text come back (null when they pressed Esc).
   */
  pickElement: { input: { what: string }; output: { selector: string; text: string } | null };
  /** Creates a lead; when the server cannot be reached it is queued and sent later, once. */
  saveLead: { input: { body: Record<string, unknown>; idempotencyKey: string }; output: SavedLeadReply };
  /** Sends what is queued for the signed-in person. */
  flushLeadOutbox: { input: undefined; output: { sent: number; waiting: QueuedLead[] } };
  /** Drops one queued capture (after it was fixed and saved from the form, or on purpose). */
  discardQueuedLead: { input: { idempotencyKey: string }; output: { waiting: QueuedLead[] } };
  getSettings: { input: undefined; output: { serverUrl: string; captureBlocklist: string[] } };
  /** Sites where capture is never allowed (host names; a name covers its subdomains). */
  setCaptureBlocklist: { input: { sites: string[] }; output: { captureBlocklist: string[] } };
  setServerUrl: { input: { serverUrl: string }; output: { serverUrl: string } };
};

export type MessageName = keyof ProtocolMap;
export type Message<K extends MessageName = MessageName> = { name: K; input: ProtocolMap[K]['input'] };
export type Reply<K extends MessageName> =
  | { ok: true; data: ProtocolMap[K]['output'] }
  | { ok: false; error: ApiFailure };
