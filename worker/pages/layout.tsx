/** @jsxImportSource hono/jsx */

import { raw } from 'hono/html';
import type { Child } from 'hono/jsx';

const css = `
:root{color-scheme:light;font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;line-height:1.5;color:#1b2430;background:#f5f7fa}
body{margin:0;padding:24px 16px}
main{max-width:440px;margin:0 auto;background:#fff;border:1px solid #dde3ea;border-radius:10px;padding:24px}
h1{font-size:1.35rem;margin:0 0 8px}h2{font-size:1.05rem;margin:0 0 4px}
label{display:block;font-weight:600;margin:16px 0 4px}
input{box-sizing:border-box;width:100%;padding:10px;border:1px solid #8a96a3;border-radius:6px;font-size:1rem}
input:focus{outline:3px solid #8cb8ff;outline-offset:1px}
button{margin-top:20px;width:100%;padding:12px;border:0;border-radius:6px;background:#1f5fbf;color:#fff;font-size:1rem;font-weight:600;cursor:pointer}
.muted{color:#4f5b67;font-size:.92rem}.error{color:#a3121c;font-weight:600}.hint{color:#4f5b67;font-size:.88rem;margin:4px 0 0}
.card{border:1px solid #dde3ea;border-radius:8px;padding:12px;margin:12px 0}pre{white-space:pre-wrap;font-size:.85rem}
`;

export function Layout(props: { title: string; nonce?: string; children: Child }) {
  return (
    <>
      {raw('<!DOCTYPE html>')}
      <html lang="en">
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <meta name="robots" content="noindex" />
          <title>{`${props.title} · Sidecar CRM`}</title>
          <style nonce={props.nonce}>{raw(css)}</style>
        </head>
        <body>
          <main>{props.children}</main>
        </body>
      </html>
    </>
  );
}
