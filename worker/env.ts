import type { Db } from '../db/client';
import type { AuditLog } from './lib/audit-log';
import type { TenantDb } from './lib/tenant-db';
import type { AuthContext } from './services/auth/session-context';
import type { AutomationSend } from './services/automations/send-queue';

export type Bindings = {
  DB: D1Database;
  FILES: R2Bucket;
  /** `development` turns on the dev mailbox; anything else hides it. */
  ENVIRONMENT: string;
  /** `outbox` (local, visible at /dev/mailbox) or `resend`. */
  EMAIL_PROVIDER: string;
  EMAIL_FROM: string;
  /** Where links in emails point (invitation and password-reset pages). */
  PUBLIC_BASE_URL: string;
  RESEND_API_KEY?: string;
  /** `offline` (built in, default) or `smarty`. */
  ADDRESS_VERIFIER?: string;
  SMARTY_AUTH_ID?: string;
  SMARTY_AUTH_TOKEN?: string;
  /** The NPPES registry API; tests point it at a closed local port or a local stand-in. */
  NPPES_API_URL?: string;
  /** `dev-phone` (local, visible at /dev/phone) or `twilio`. */
  SMS_PROVIDER?: string;
  /** The practice's sending number (E.164) for Twilio. */
  SMS_FROM?: string;
  TWILIO_ACCOUNT_SID?: string;
  /** Signs Twilio's webhooks and authorises its API (a wrangler secret in production). */
  TWILIO_AUTH_TOKEN?: string;
  /** Automation sends: the cron enqueues, the `queue` handler delivers (wrangler.toml). */
  AUTOMATION_SENDS: Queue<AutomationSend>;
};

export type Variables = {
  db: Db;
  requestId: string;
  audit: AuditLog;
  auth: AuthContext;
  tenant: TenantDb;
  /** Set by the auth middleware: the session's `last_seen_at` needs a refresh. */
  touchSessionId?: string;
};

export type AppEnv = { Bindings: Bindings; Variables: Variables };
