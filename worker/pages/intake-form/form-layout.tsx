/** @jsxImportSource hono/jsx */
import { raw } from 'hono/html';
import type { Child } from 'hono/jsx';

/**
 * Mobile first: one column, 16 px text (phones do not zoom into inputs), tap
 * targets of at least 44 px, visible focus, and colours at AA contrast or
 * better on white. `.js` is set by the page's script; `.cond-off` hides, only
 * when the script runs, a field whose condition does not hold yet (without
 * JavaScript it stays visible with its "Answer this only if" hint).
 */
const css = `
:root{color-scheme:light;font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;line-height:1.5;color:#1b2430;background:#f5f7fa;font-size:16px}
body{margin:0;padding:12px}
main{max-width:640px;margin:0 auto;background:#fff;border:1px solid #dde3ea;border-radius:10px;padding:20px 16px}
h1{font-size:1.4rem;line-height:1.25;margin:0 0 6px}h2{font-size:1.15rem;margin:16px 0 4px}
p{margin:6px 0}.muted,.hint{color:#4f5b67}.hint{font-size:.93rem}
a{color:#1a56b0}
.field{margin:22px 0 0;padding:0;border:0;min-width:0}
label,legend{display:block;font-weight:600;padding:0;margin:0 0 4px}
.req{font-weight:400;color:#4f5b67;font-size:.9rem;margin-left:6px}
input,textarea{box-sizing:border-box;width:100%;min-height:44px;padding:10px;border:1px solid #6b7785;border-radius:6px;font:inherit;color:inherit;background:#fff}
textarea{min-height:96px;resize:vertical}
input[type=radio],input[type=checkbox]{width:22px;height:22px;min-height:0;margin:0;flex:none;accent-color:#1f5fbf}
input:focus,textarea:focus,button:focus,a:focus,canvas:focus,.consent-text:focus,.error-summary:focus{outline:3px solid #1f5fbf;outline-offset:2px}
.choice{display:flex;gap:10px;align-items:center;min-height:44px}
.choice label{font-weight:400;margin:0}
.inline{display:flex;flex-wrap:wrap;gap:0 24px}
.error{color:#a3121c;font-weight:600;margin:4px 0}
[aria-invalid=true]{border-color:#a3121c;border-width:2px}
.invalid{border-left:4px solid #a3121c;padding-left:12px}
.error-summary{border:3px solid #a3121c;border-radius:8px;padding:8px 16px;margin:12px 0}
.error-summary h2{margin-top:4px}.error-summary a{color:#a3121c;font-weight:600}
.prefilled{font-size:.9rem;color:#3d4a57;background:#eef4fb;border-radius:4px;padding:2px 6px;display:inline-block}
.consent-text{max-height:14rem;overflow:auto;white-space:pre-wrap;border:1px solid #b7c0ca;border-radius:6px;padding:10px;margin:6px 0 10px;font-size:.93rem;background:#fafbfc}
.sig-pad canvas{display:block;width:100%;height:150px;border:1px dashed #6b7785;border-radius:6px;touch-action:none;background:#fff}
.guardian{margin:16px 0 0;padding:12px;border:1px solid #b7c0ca;border-radius:8px}
.guardian input{margin-bottom:10px}
.actions{margin-top:28px;display:flex;flex-direction:column;gap:10px}
button{min-height:48px;padding:12px;border:0;border-radius:6px;background:#1f5fbf;color:#fff;font:inherit;font-weight:600;cursor:pointer;width:100%}
button.secondary{background:#fff;color:#1f5fbf;border:2px solid #1f5fbf}
.sig-pad button{width:auto;min-height:44px;padding:8px 16px;margin-top:8px}
.status{min-height:1.5em;font-size:.9rem;color:#4f5b67;margin-top:12px}
.file-current{font-size:.93rem;margin:4px 0 8px}
.js .cond-off,.js .cond-hint{display:none}
[hidden]{display:none!important}
.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
@media (min-width:600px){body{padding:32px 16px}main{padding:28px 32px}.actions{flex-direction:row}.actions button{width:auto;min-width:160px}}
`;

export function FormLayout(props: { title: string; nonce?: string; children: Child }) {
  return (
    <>
      {raw('<!DOCTYPE html>')}
      <html lang="en">
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <meta name="robots" content="noindex, nofollow" />
          <title>{props.title}</title>
          {/* No favicon request: the page loads nothing but itself. */}
          <link rel="icon" href="data:," />
          <style nonce={props.nonce}>{raw(css)}</style>
        </head>
        <body>
          <main>{props.children}</main>
        </body>
      </html>
    </>
  );
}
