import type { Bindings } from '../../env';

/** A file sent with an email; `content` is base64. */
export type EmailAttachment = { fileName: string; contentType: string; content: string };
export type OutgoingEmail = {
  to: string;
  subject: string;
  text: string;
  html?: string | null;
  attachments?: EmailAttachment[];
  /** Extra headers, such as List-Unsubscribe on automation emails. */
  headers?: Record<string, string> | null;
};
export type DeliveryResult = { ok: true; providerMessageId: string | null } | { ok: false; error: string };

/** One small port: everything that sends email goes through `EmailAdapter.send`. */
export type EmailAdapter = { name: string; send(email: OutgoingEmail): Promise<DeliveryResult> };

/**
 * Local delivery: the outbox row itself is the mailbox (GET /dev/mailbox), so
 * "sending" only marks it delivered. Used in development and tests.
 */
export const outboxAdapter: EmailAdapter = {
  name: 'outbox',
  async send() {
    return { ok: true, providerMessageId: null };
  },
};

/** Resend's public HTTP API; the key is a wrangler secret (RESEND_API_KEY). */
export function resendAdapter(apiKey: string, from: string, fetcher: typeof fetch = fetch): EmailAdapter {
  return {
    name: 'resend',
    async send(email) {
      try {
        const res = await fetcher('https://api.resend.com/emails', {
          method: 'POST',
          headers: { Authorization: `Bearer ${apiKey}`, 'Content-Type': 'application/json' },
          body: JSON.stringify({
            from,
            to: [email.to],
            subject: email.subject,
            text: email.text,
            html: email.html ?? undefined,
            headers: email.headers ?? undefined,
            attachments: email.attachments?.map((a) => ({
              filename: a.fileName,
              content: a.content,
              content_type: a.contentType,
            })),
          }),
        });
        if (!res.ok) return { ok: false, error: `resend answered ${res.status}` };
        const body = (await res.json()) as { id?: string };
        return { ok: true, providerMessageId: body.id ?? null };
      } catch (e) {
        return { ok: false, error: e instanceof Error ? e.message : 'network error' };
      }
    },
  };
}

export function emailAdapterFor(env: Bindings): EmailAdapter {
  if (env.EMAIL_PROVIDER === 'resend') {
    if (!env.RESEND_API_KEY) throw new Error('EMAIL_PROVIDER=resend needs the RESEND_API_KEY secret');
    return resendAdapter(env.RESEND_API_KEY, env.EMAIL_FROM);
  }
  if (env.ENVIRONMENT === 'production')
    throw new Error(`EMAIL_PROVIDER "${env.EMAIL_PROVIDER}" cannot deliver in production`);
  return outboxAdapter;
}
