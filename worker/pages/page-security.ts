import { csrf } from 'hono/csrf';
import { createMiddleware } from 'hono/factory';
import { NONCE, secureHeaders } from 'hono/secure-headers';
import type { AppEnv } from '../env';

const csrfCheck = csrf();
const headers = secureHeaders({
  contentSecurityPolicy: {
    defaultSrc: ["'none'"],
    styleSrc: [NONCE],
    scriptSrc: [NONCE],
    imgSrc: ["'self'", 'data:'],
    formAction: ["'self'"],
    baseUri: ["'none'"],
    frameAncestors: ["'none'"],
  },
  // same-origin, not no-referrer: with no-referrer browsers send `Origin: null` on form posts and
  // the CSRF check would rest on Sec-Fetch-Site alone. Nothing leaves the site either way.
  referrerPolicy: 'same-origin',
});

/**
 * Server-rendered pages: a strict content security policy with per-response
 * nonces, no referrer (the URL carries a secret token), no framing, and CSRF
 * protection (Origin must match) on form posts.
 */
export const pageSecurity = createMiddleware<AppEnv>(async (c, next) => {
  c.header('Cache-Control', 'no-store');
  await headers(c, async () => {
    await csrfCheck(c, next);
  });
});

/**
 * The same headers for a page whose posts come from elsewhere by design: a
 * mail client's one-click unsubscribe (RFC 8058) posts from the mail
 * provider's servers, with no Origin of ours. The link's secret token is what
 * authorises the post, and all it can do is stop messages.
 */
export const crossOriginPostPageSecurity = createMiddleware<AppEnv>(async (c, next) => {
  c.header('Cache-Control', 'no-store');
  await headers(c, next);
});
