import type { Context } from 'hono';
import { html } from 'hono/html';
import type { AppEnv } from '../env';

/** For a practice website's plain HTML inquiry form with no script: a page the visitor can read, with nothing active in it. */
export function inquiryThankYouPage(c: Context<AppEnv>, practice: string) {
  c.header(
    'Content-Security-Policy',
    "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  );
  return c.html(
    html`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>Thank you</title>
<style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:3rem auto;padding:0 1rem;line-height:1.5;color:#1b2430}</style>
</head>
<body>
<main>
<h1>Thank you</h1>
<p>We have your inquiry. ${practice} will contact you soon.</p>
</main>
</body>
</html>`,
    200,
  );
}
