export const DEFAULT_SERVER_URL = 'http://127.0.0.1:8787';

/**
 * A server address is an http(s) origin: no path, query or credentials.
 * Answers the normalised origin, or an error written for the person typing it.
 */
export function parseServerUrl(input: string): { ok: true; origin: string } | { ok: false; error: string } {
  const text = input.trim();
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { ok: false, error: 'Enter a full address, such as https://crm.example.com' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    return { ok: false, error: 'The address must start with https:// or http://' };
  if (url.username || url.password)
    return { ok: false, error: 'The address must not contain a user name or password' };
  if ((url.pathname !== '/' && url.pathname !== '') || url.search || url.hash) {
    return { ok: false, error: 'Enter only the server address, without a path' };
  }
  const local = url.hostname === '127.0.0.1' || url.hostname === 'localhost';
  if (url.protocol === 'http:' && !local)
    return { ok: false, error: 'Use https:// for a server that is not on this computer' };
  return { ok: true, origin: url.origin };
}

/** The host-permission pattern for an origin. Chrome match patterns carry no port. */
export function originPattern(origin: string): string {
  const url = new URL(origin);
  return `${url.protocol}//${url.hostname}/*`;
}
