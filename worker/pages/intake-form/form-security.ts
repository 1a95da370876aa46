import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import { NONCE, secureHeaders } from 'hono/secure-headers';
import type { AppEnv } from '../../env';

/**
 * The public form's policy. Like pages/page-security.ts (nonces, no framing,
 * same-origin referrer), plus what the form's script needs and nothing more:
 * `connect-src 'self'` for draft saves and `img-src data:` to show a drawn
 * signature again. No 'unsafe-inline', no 'unsafe-eval'.
 */
const headers = secureHeaders({
  contentSecurityPolicy: {
    defaultSrc: ["'none'"],
    scriptSrc: [NONCE],
    styleSrc: [NONCE],
    imgSrc: ['data:'],
    connectSrc: ["'self'"],
    formAction: ["'self'"],
    baseUri: ["'none'"],
    frameAncestors: ["'none'"],
  },
  // same-origin, not no-referrer: with no-referrer browsers send `Origin: null` on form posts and the
  // CSRF check would rest on Sec-Fetch-Site alone. The token in the URL never leaves the site either way.
  referrerPolicy: 'same-origin',
  permissionsPolicy: { camera: [], microphone: [], geolocation: [] },
});

/**
 * A post is accepted only from the form's own pages: the browser says so with
 * `Sec-Fetch-Site: same-origin` or an `Origin` equal to ours. This covers the
 * form posts and the script's JSON draft saves alike (hono's csrf() looks
 * only at form content types).
 */
export function isSameOriginPost(c: Context<AppEnv>): boolean {
  if (c.req.method === 'GET' || c.req.method === 'HEAD') return true;
  if (c.req.header('Sec-Fetch-Site') === 'same-origin') return true;
  return c.req.header('Origin') === new URL(c.req.url).origin;
}

/** Headers for every response of the public form: never cached, never indexed. */
export const formSecurity = createMiddleware<AppEnv>(async (c, next) => {
  await headers(c, async () => {
    await next();
    c.header('Cache-Control', 'no-store');
    c.header('X-Robots-Tag', 'noindex, nofollow');
  });
});
