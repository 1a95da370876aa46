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

/** The headers of one attempt: the id stays the same on every retry, the timestamp is the attempt's. */
export async function webhookHeaders(secret: string, id: string, nowMs: number, body: string) {
  const timestamp = Math.floor(nowMs / 1000);
  return {
    'content-type': 'application/json',
    'webhook-id': id,
    'webhook-timestamp': String(timestamp),
    'webhook-signature': await webhookSignature(secret, id, timestamp, body),
  };
}
