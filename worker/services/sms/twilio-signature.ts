import { timingSafeEqual, toBase64 } from '../../lib/crypto';

/**
 * Twilio's request signature: HMAC-SHA1, keyed with the account's auth token,
 * over the full URL Twilio called followed by every POST parameter's name and
 * value, sorted by name; base64. Sent as `X-Twilio-Signature`.
 */
export async function twilioSignature(authToken: string, url: string, params: Record<string, string>) {
  const data = Object.keys(params)
    .sort()
    .reduce((text, name) => text + name + params[name], url);
  const key = await crypto.subtle.importKey(
    'raw',
    new TextEncoder().encode(authToken),
    { name: 'HMAC', hash: 'SHA-1' },
    false,
    ['sign'],
  );
  return toBase64(new Uint8Array(await crypto.subtle.sign('HMAC', key, new TextEncoder().encode(data))));
}

export async function isTwilioSignatureValid(
  authToken: string,
  url: string,
  params: Record<string, string>,
  signature: string | undefined,
) {
  if (!signature) return false;
  return timingSafeEqual(await twilioSignature(authToken, url, params), signature);
}
