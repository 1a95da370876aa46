import { fromBase64Url, randomBytes, toBase64 } from '../../lib/crypto';

/**
 * Standard Webhooks (standardwebhooks.com): the secret is `whsec_` and
 * base64 of its key bytes; each request carries `webhook-id`,
 * `webhook-timestamp` (Unix seconds) and `webhook-signature`, `v1,` and the
 * base64 HMAC-SHA256 of `id.timestamp.body` under the key.
 */
export const SECRET_PREFIX = 'whsec_';

/** A new signing secret: 32 random bytes. */
export const newWebhookSecret = () => `${SECRET_PREFIX}${toBase64(randomBytes(32))}`;

const keyBytes = (secret: string) =>
  fromBase64Url(secret.startsWith(SECRET_PREFIX) ? secret.slice(SECRET_PREFIX.length) : secret);

export async function webhookSignature(secret: string, id: string, timestamp: number, body: string) {
  const key = await crypto.subtle.importKey(
    'raw',
    keyBytes(secret),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  );
  const mac = await crypto.subtle.sign('HMAC', key, new TextEncoder().encode(`${id}.${timestamp}.${body}`));
  return `v1,${toBase64(new Uint8Array(mac))}`;
}

/**
 * The headers of one attempt: the id stays the same on every retry, the
 * timestamp is the attempt's. Each secret signs (space-separated, the current
 * one first): a receiver that knows any of them accepts it.
 */
export async function webhookHeaders(secrets: readonly string[], id: string, nowMs: number, body: string) {
  const timestamp = Math.floor(nowMs / 1000);
  const signatures = await Promise.all(secrets.map((s) => webhookSignature(s, id, timestamp, body)));
  return {
    'content-type': 'application/json',
    'webhook-id': id,
    'webhook-timestamp': String(timestamp),
    'webhook-signature': signatures.join(' '),
  };
}

/** The secrets signing now: the current one, and the one it replaced while its overlap lasts. */
export const signingSecrets = (
  endpoint: { secret: string; previousSecret: string | null; previousSecretUntil: string | null },
  now: string,
) =>
  endpoint.previousSecret && endpoint.previousSecretUntil && endpoint.previousSecretUntil > now
    ? [endpoint.secret, endpoint.previousSecret]
    : [endpoint.secret];
