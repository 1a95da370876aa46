import { api, BASE, mailbox, workerFetch } from './helpers';
import { createRequest } from './records-helpers';

export const PDF = new TextEncoder().encode('%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
export const PNG = new Uint8Array([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82,
]);
export const RECIPIENT_IP = '198.51.100.23';

/** A file added to a request from the panel. */
export async function uploadFile(
  token: string,
  requestId: string,
  kind: string,
  bytes: Uint8Array = PDF,
  fileName = 'Visit notes.pdf',
) {
  const form = new FormData();
  form.append('file', new File([bytes], fileName));
  form.append('kind', kind);
  const res = await workerFetch(`${BASE}/api/v1/records-requests/${requestId}/documents`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'CF-Connecting-IP': '203.0.113.5' },
    body: form,
  });
  // biome-ignore lint/suspicious/noExplicitAny: tests assert on whatever the API answered
  return { status: res.status, json: (await res.json()) as any };
}

/** A patient's own request, identity checked, approved and with one release file: ready to send. */
export async function preparedRequest(
  staff: string,
  approver: string,
  body: Record<string, unknown>,
): Promise<{ id: string; fileId: string }> {
  const { id } = (await createRequest(body, staff)).json;
  await api(`/api/v1/records-requests/${id}/authorization`, {
    token: staff,
    body: { kind: 'identity', method: 'photo_id_copy' },
  });
  const approved = await api(`/api/v1/records-requests/${id}/status`, {
    token: approver,
    body: { to: 'approved' },
  });
  if (approved.status !== 200) throw new Error(`approval failed: ${approved.text}`);
  const file = await uploadFile(staff, id, 'release');
  if (file.status !== 201) throw new Error(`upload failed: ${JSON.stringify(file.json)}`);
  return { id, fileId: file.json.id };
}

export const sendLink = (token: string, id: string, body: Record<string, unknown> = {}) =>
  api(`/api/v1/records-requests/${id}/secure-link`, { token, body });

export const pathOf = (url: string) => url.replace(/^https?:\/\/[^/]+/, '');

/** The newest one-time code emailed to `to`. */
export async function codeFor(to: string): Promise<string> {
  const message = (await mailbox()).find((m) => m.recipient === to && /code/.test(m.subject));
  const code = message?.bodyText.match(/one-time code is (\d+)/)?.[1];
  if (!code) throw new Error(`no code emailed to ${to}`);
  return code;
}

/** The public page, as the recipient's browser asks for it. */
export function visit(path: string, init: { method?: string; body?: BodyInit; cookie?: string } = {}) {
  const headers: Record<string, string> = {
    'CF-Connecting-IP': RECIPIENT_IP,
    'User-Agent': 'RecipientBrowser/1.0',
    'Sec-Fetch-Site': 'same-origin',
  };
  if (init.cookie) headers.Cookie = init.cookie;
  return workerFetch(`${BASE}${path}`, {
    method: init.method ?? 'GET',
    headers,
    body: init.body,
    redirect: 'manual',
  });
}

/** Enters the code on the page; answers the grant cookie when it was accepted. */
export async function enterCode(path: string, code: string) {
  const form = new URLSearchParams({ code });
  const res = await workerFetch(`${BASE}${path}/code`, {
    method: 'POST',
    headers: {
      'CF-Connecting-IP': RECIPIENT_IP,
      'Sec-Fetch-Site': 'same-origin',
      'Content-Type': 'application/x-www-form-urlencoded',
    },
    body: form.toString(),
    redirect: 'manual',
  });
  const cookie = res.headers.get('Set-Cookie')?.split(';')[0];
  return { status: res.status, cookie, text: await res.text() };
}
