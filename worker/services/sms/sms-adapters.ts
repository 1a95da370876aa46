import type { Bindings } from '../../env';
import type { DeliveryResult } from '../email/email-adapters';

export type OutgoingSms = { to: string; body: string };

/** The SMS port, like `EmailAdapter`: everything that sends a text message goes through `send`. */
export type SmsAdapter = { name: string; send(sms: OutgoingSms): Promise<DeliveryResult> };

/**
 * Local delivery: the outbox row is the message, shown on the dev phone page
 * (/dev/phone) beside the dev mailbox. Used in development and tests.
 */
export const devPhoneAdapter: SmsAdapter = {
  name: 'dev-phone',
  async send() {
    return { ok: true, providerMessageId: null };
  },
};

/** Twilio's public Messages API; the account SID and auth token are wrangler secrets. */
export function twilioAdapter(
  accountSid: string,
  authToken: string,
  from: string,
  fetcher: typeof fetch = fetch,
): SmsAdapter {
  return {
    name: 'twilio',
    async send(sms) {
      try {
        const res = await fetcher(
          `https://api.twilio.com/2010-04-01/Accounts/${encodeURIComponent(accountSid)}/Messages.json`,
          {
            method: 'POST',
            headers: {
              Authorization: `Basic ${btoa(`${accountSid}:${authToken}`)}`,
              'Content-Type': 'application/x-www-form-urlencoded',
            },
            body: new URLSearchParams({ To: sms.to, From: from, Body: sms.body }),
          },
        );
        if (!res.ok) return { ok: false, error: `twilio answered ${res.status}` };
        const body = (await res.json()) as { sid?: string };
        return { ok: true, providerMessageId: body.sid ?? null };
      } catch (e) {
        return { ok: false, error: e instanceof Error ? e.message : 'network error' };
      }
    },
  };
}

export function smsAdapterFor(env: Bindings): SmsAdapter {
  if (env.SMS_PROVIDER === 'twilio') {
    if (!env.TWILIO_ACCOUNT_SID || !env.TWILIO_AUTH_TOKEN || !env.SMS_FROM)
      throw new Error('SMS_PROVIDER=twilio needs TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN and SMS_FROM');
    return twilioAdapter(env.TWILIO_ACCOUNT_SID, env.TWILIO_AUTH_TOKEN, env.SMS_FROM);
  }
  if (env.ENVIRONMENT === 'production')
    throw new Error(`SMS_PROVIDER "${env.SMS_PROVIDER ?? ''}" cannot deliver in production`);
  return devPhoneAdapter;
}
