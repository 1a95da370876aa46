import { env } from 'cloudflare:test';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { intakeRequests, intakeSubmissions, loginThrottles } from '../../db/schema';
import { GUARDIAN_REQUIRED_MESSAGE } from '../../shared/intake/answer-checks';
import type { FormDefinition } from '../../shared/intake/definition';
import { formTokenHash } from '../../worker/services/intake/form-token';
import { PUBLIC_FORM_LIMITS } from '../../worker/services/intake/public-form';
import { api, BASE, db, loginAs, settleBackgroundWork, workerFetch } from './helpers';
import { auditOf, createLead, publishedTemplate, runCron, sendForm, tokenOf } from './intake-helpers';
import { pdfText } from './pdf-text';

let admin: string;
let templateId: string;

beforeAll(async () => {
  admin = await loginAs('clinic_admin');
  ({ templateId } = await publishedTemplate(admin, 'Page form'));
});

const PNG_BYTES = Uint8Array.from(
  atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=='),
  (ch) => ch.charCodeAt(0),
);
const DRAWN = `data:image/png;base64,${btoa(String.fromCharCode(...PNG_BYTES))}`;

/** A lead and a form link for it; answers the token and the request and lead ids. */
async function formFor(
  lead: Record<string, unknown> = {},
  template = templateId,
): Promise<{ token: string; requestId: string; leadId: string }> {
  const leadId = await createLead(admin, {
    firstName: 'Ann',
    lastName: 'Adult',
    phone: '512-555-0199',
    dateOfBirth: '1980-05-05',
    ...lead,
  });
  const sent = await sendForm(admin, { templateId: template, leadId, delivery: 'link' });
  if (sent.status !== 201) throw new Error(`sending: ${sent.status} ${sent.text}`);
  return { token: tokenOf(sent.json.link), requestId: sent.json.id, leadId };
}

type Fields = [string, string][] | Record<string, string>;

/**
 * Posts a step the way a browser without JavaScript does: urlencoded (or
 * multipart with files), with its Origin; redirects are not followed, so the
 * test sees the 303 and where it points.
 */
async function post(
  path: string,
  fields: Fields,
  init: { origin?: string | null; files?: [string, File][] } = {},
) {
  const entries = Array.isArray(fields) ? fields : Object.entries(fields);
  const headers: Record<string, string> = { 'CF-Connecting-IP': '203.0.113.10' };
  if (init.origin !== null) headers.Origin = init.origin ?? BASE;
  let body: string | ArrayBuffer;
  if (init.files) {
    const form = new FormData();
    for (const [k, v] of entries) form.append(k, v);
    for (const [k, f] of init.files) form.append(k, f);
    // Serialised first: the multipart boundary must survive the trip into the worker.
    const encoded = new Response(form);
    headers['Content-Type'] = encoded.headers.get('Content-Type')!;
    body = await encoded.arrayBuffer();
  } else {
    headers['Content-Type'] = 'application/x-www-form-urlencoded';
    body = new URLSearchParams(entries).toString();
  }
  const res = await workerFetch(`${BASE}${path}`, { method: 'POST', headers, body, redirect: 'manual' });
  return { status: res.status, headers: res.headers, text: await res.text() };
}

const about = (over: Record<string, string> = {}) => ({
  _section: 'about',
  action: 'next',
  first_name: 'Ann',
  last_name: 'Adult',
  dob: '1980-05-05',
  ...over,
});
const signed = (over: Record<string, string> = {}) => ({
  _section: 'consent',
  action: 'submit',
  agree: 'yes',
  'signature.signerName': 'Ann Adult',
  'signature.value': 'Ann Adult',
  ...over,
});

/** Fills the short form's first two steps without JavaScript. */
async function throughHealth(token: string, dob = '1980-05-05') {
  expect((await post(`/f/${token}`, about({ dob }))).status).toBe(303);
  expect((await post(`/f/${token}`, { _section: 'health', action: 'next', takes_meds: 'no' })).status).toBe(
    303,
  );
}

/** The PDF of a submission once the after-response job has stored it (it runs in waitUntil). */
async function storedPdf(prefix: string): Promise<Uint8Array> {
  // Waiting for that work, not polling for a key: a listed key says nothing of the render's end.
  await settleBackgroundWork();
  const listed = await env.FILES.list({ prefix });
  const pdf = listed.objects.find((o) => o.key.endsWith('.pdf'));
  if (!pdf) throw new Error(`no PDF under ${prefix}`);
  return new Uint8Array(await (await env.FILES.get(pdf.key))!.arrayBuffer());
}

describe('links that cannot be filled in', () => {
  it('answers unknown and malformed links with the same plain page', async () => {
    const unknown = await api(`/f/${'A'.repeat(43)}`);
    const malformed = await api('/f/not-a-token');
    expect(unknown.status).toBe(404);
    expect(malformed.status).toBe(404);
    const strip = (html: string) => html.replace(/nonce="[^"]+"/g, '');
    expect(strip(unknown.text)).toBe(strip(malformed.text));
    expect(unknown.text).toContain('We could not find a form at this address');
    expect(unknown.text).toContain('contact the practice');
    expect(unknown.headers.get('Content-Type')).toContain('text/html');
  });

  it('says when a link has expired, and when the form was already sent', async () => {
    const { token, requestId } = await formFor();
    await db()
      .update(intakeRequests)
      .set({ expiresAt: new Date(Date.now() - 1000).toISOString() })
      .where(eq(intakeRequests.id, requestId));
    const expired = await api(`/f/${token}`);
    expect(expired.status).toBe(410);
    expect(expired.text).toContain('This link has expired');
    expect(expired.text).toContain('Demo Care Operations');
    expect((await post(`/f/${token}`, about())).status).toBe(410);

    const other = await formFor();
    await throughHealth(other.token);
    expect((await post(`/f/${other.token}`, signed())).headers.get('Location')).toBe(
      `/f/${other.token}/done`,
    );
    const again = await api(`/f/${other.token}`);
    expect(again.status).toBe(200);
    expect(again.text).toContain('This form has already been sent');
    // A second "send" (a double tap) meets the same page, not an error.
    const twice = await post(`/f/${other.token}`, signed());
    expect(twice.status).toBe(200);
    expect(twice.text).toContain('already been sent');
  });
});

describe('the form without JavaScript', () => {
  it('shows pre-filled values to confirm, and moves between steps by posts', async () => {
    const { token } = await formFor();
    const first = await api(`/f/${token}`);
    expect(first.status).toBe(200);
    expect(first.text).toContain('Step 1 of 3');
    expect(first.text).toMatch(/<label for="f-first_name">First name/);
    expect(first.text).toMatch(/id="f-first_name"[^>]*value="Ann"/);
    expect(first.text).toContain('We filled this in from our records — please check');
    expect(first.text).toMatch(/aria-describedby="f-first_name-prefilled"/);

    const next = await post(`/f/${token}`, about({ first_name: 'Annie' }));
    expect(next.status).toBe(303);
    expect(next.headers.get('Location')).toBe(`/f/${token}?step=2`);
    const second = await api(`/f/${token}?step=2`);
    expect(second.text).toContain('Step 2 of 3');
    expect(second.text).toMatch(/<legend>Do you take any medicines\?/);
    // Without JavaScript the conditional question is there, with when to answer it.
    expect(second.text).toContain('Answer this only if you answered “Yes” to “Do you take any medicines”');

    const back = await post(`/f/${token}`, { _section: 'health', action: 'back', takes_meds: 'yes' });
    expect(back.headers.get('Location')).toBe(`/f/${token}`);
    const again = await api(`/f/${token}`);
    expect(again.text).toMatch(/id="f-first_name"[^>]*value="Annie"/);
    // Corrected by the person: no longer "from our records".
    expect(again.text).not.toContain('id="f-first_name-prefilled"');
    // What was chosen before going back is kept.
    expect((await api(`/f/${token}?step=2`)).text).toMatch(/value="yes" checked/);
  });

  it('puts each error beside its field, tied to it, with a summary that links to it', async () => {
    const { token } = await formFor();
    const res = await post(`/f/${token}`, about({ first_name: '', dob: '2999-01-01' }));
    expect(res.status).toBe(400);
    expect(res.text).toContain('<title>Error: ');
    expect(res.text).toMatch(/<p class="error" id="f-first_name-error">Enter your first name<\/p>/);
    expect(res.text).toMatch(
      /id="f-first_name"[^>]*aria-describedby="f-first_name-error"[^>]*aria-invalid="true"/,
    );
    expect(res.text).toContain('A date of birth cannot be in the future');
    expect(res.text).toMatch(/aria-describedby="[^"]*f-dob-error"/);
    expect(res.text).toContain('<a href="#f-first_name">Enter your first name</a>');
    expect(res.text).toContain('<a href="#f-dob">A date of birth cannot be in the future</a>');
    // The other answers are shown again as typed.
    expect(res.text).toMatch(/id="f-last_name"[^>]*value="Adult"/);
  });

  it('skips a section whose condition does not hold', async () => {
    const definition: FormDefinition = {
      title: 'With insurance',
      sections: [
        {
          id: 'cover',
          title: 'Cover',
          fields: [{ id: 'insured', type: 'yes_no', label: 'Do you have insurance?', required: true }],
        },
        {
          id: 'insurance',
          title: 'Insurance details',
          showWhen: [{ field: 'insured', op: 'equals', value: true }],
          fields: [{ id: 'carrier', type: 'short_text', label: 'Insurance company', required: true }],
        },
        { id: 'last', title: 'Anything else', fields: [{ id: 'notes', type: 'long_text', label: 'Notes' }] },
      ],
    };
    const { templateId: conditional } = await publishedTemplate(admin, 'Conditional sections', definition);
    const { token } = await formFor({}, conditional);
    // Until the question is answered, the insurance step is not counted.
    expect((await api(`/f/${token}`)).text).toContain('Step 1 of 2');
    const no = await post(`/f/${token}`, { _section: 'cover', action: 'next', insured: 'no' });
    expect(no.headers.get('Location')).toBe(`/f/${token}?step=2`);
    const step2 = await api(`/f/${token}?step=2`);
    expect(step2.text).toContain('Anything else');
    expect(step2.text).toContain('Step 2 of 2');
    expect(step2.text).not.toContain('<label for="f-carrier"');

    await post(`/f/${token}`, { _section: 'cover', action: 'next', insured: 'yes' });
    const withCover = await api(`/f/${token}?step=2`);
    expect(withCover.text).toContain('<label for="f-carrier"');
    expect(withCover.text).toContain('Step 2 of 3');
  });

  it('refuses to send a minor’s form without a parent or guardian, and sends it with one', async () => {
    const { token, leadId } = await formFor({
      firstName: 'Kit',
      lastName: 'Kid',
      dateOfBirth: '2015-03-03',
      responsibleParty: { name: 'Gina Guardian', relationship: 'Mother' },
    });
    await throughHealth(token, '2015-03-03');
    const page = await api(`/f/${token}?step=3`);
    expect(page.text).toContain('If the patient is under 18, a parent or guardian signs here');

    const alone = await post(
      `/f/${token}`,
      signed({ 'signature.signerName': 'Kit Kid', 'signature.value': 'Kit Kid' }),
    );
    expect(alone.status).toBe(400);
    expect(alone.text).toContain(GUARDIAN_REQUIRED_MESSAGE);
    expect(alone.text).toMatch(
      /<fieldset[^>]*id="f-signature-wrap"[^>]*aria-describedby="[^"]*f-signature-error"/,
    );
    // Typing an adult's date of birth on the form does not get round the record's.
    await post(`/f/${token}?step=1`, about({ first_name: 'Kit', last_name: 'Kid', dob: '1990-01-01' }));
    const lied = await post(
      `/f/${token}`,
      signed({ 'signature.signerName': 'Kit Kid', 'signature.value': 'Kit Kid' }),
    );
    expect(lied.status).toBe(400);
    expect(lied.text).toContain(GUARDIAN_REQUIRED_MESSAGE);

    const withGuardian = await post(
      `/f/${token}`,
      signed({
        'signature.signerName': 'Gina Guardian',
        'signature.value': 'Gina Guardian',
        'signature.guardianName': 'Gina Guardian',
        'signature.guardianRelationship': 'Mother',
      }),
    );
    expect(withGuardian.status).toBe(303);
    expect(withGuardian.headers.get('Location')).toBe(`/f/${token}/done`);
    // The signed record says whom the guardian signed for.
    const submissions = await api(`/api/v1/intake-submissions?leadId=${leadId}`, { token: admin });
    const submissionId = submissions.json.items[0].id as string;
    const organizationId = (
      await db().select().from(intakeRequests).where(eq(intakeRequests.leadId, leadId))
    )[0]!.organizationId;
    const stored = await storedPdf(`intake/${organizationId}/${submissionId}`);
    const record = await pdfText(stored);
    expect(record).toContain('Parent or guardian: Gina Guardian (Mother)');
    expect(record).toContain('On behalf of: Kit Kid');
    const done = await api(`/f/${token}/done`);
    expect(done.status).toBe(200);
    expect(done.text).toContain('Thank you');
  });

  it('checks uploads by their bytes and the template’s rules, and stores the good ones in R2', async () => {
    const definition: FormDefinition = {
      title: 'Card',
      sections: [
        {
          id: 'card',
          title: 'Insurance card',
          fields: [
            { id: 'front', type: 'file', label: 'Front of the card', accept: ['image'], required: true },
            { id: 'member', type: 'short_text', label: 'Member ID' },
          ],
        },
        { id: 'end', title: 'End', fields: [{ id: 'notes', type: 'long_text', label: 'Notes' }] },
      ],
    };
    const { templateId: withFile } = await publishedTemplate(admin, 'Upload form', definition);
    const { token, requestId } = await formFor({}, withFile);
    const page = await api(`/f/${token}`);
    expect(page.text).toContain('enctype="multipart/form-data"');
    expect(page.text).toMatch(/type="file"[^>]*accept="image\/jpeg,image\/png"/);

    const fields = { _section: 'card', action: 'next', member: 'M-1' };
    const pdfNamedPng = new File([new TextEncoder().encode('%PDF-1.7 not a photo')], 'card.png', {
      type: 'image/png',
    });
    const refused = await post(`/f/${token}`, fields, { files: [['front', pdfNamedPng]] });
    expect(refused.status).toBe(400);
    expect(refused.text).toMatch(/id="f-front-error">Choose a photo</);
    expect(refused.text).toMatch(/id="f-member"[^>]*value="M-1"/);
    expect(
      (await env.FILES.list({ prefix: 'intake/' })).objects.filter((o) => o.key.includes(requestId)),
    ).toEqual([]);

    const png = new File([PNG_BYTES], 'card.png', { type: 'application/octet-stream' });
    const stored = await post(`/f/${token}`, fields, { files: [['front', png]] });
    expect(stored.status).toBe(303);
    const objects = (await env.FILES.list({ prefix: 'intake/' })).objects.filter((o) =>
      o.key.includes(requestId),
    );
    expect(objects).toHaveLength(1);
    expect(objects[0]!.key).toMatch(new RegExp(`^intake/org_[^/]+/${requestId}/files/ifl_`));
    // The page names the stored file, and a post without a new file keeps it.
    expect((await api(`/f/${token}`)).text).toContain('Uploaded: card.png');
    expect((await post(`/f/${token}`, fields)).status).toBe(303);
  });

  it('stores a PDF of the signed form in R2 after the submission', async () => {
    const { token, leadId } = await formFor({ firstName: 'Pia', lastName: 'Pdf' });
    await post(`/f/${token}`, about({ first_name: 'Pia', last_name: 'Pdf' }));
    await post(`/f/${token}`, { _section: 'health', action: 'next', takes_meds: 'yes', meds: 'Vitamin D' });
    const sent = await post(
      `/f/${token}`,
      signed({ 'signature.signerName': 'Pia Pdf', 'signature.kind': 'drawn', 'signature.value': DRAWN }),
    );
    expect(sent.status).toBe(303);
    const list = await api(`/api/v1/intake-submissions?leadId=${leadId}`, { token: admin });
    const submissionId = list.json.items[0].id as string;
    const organizationId = (
      await db().select().from(intakeRequests).where(eq(intakeRequests.leadId, leadId))
    )[0]!.organizationId;
    const bytes = await storedPdf(`intake/${organizationId}/${submissionId}`);
    expect(new TextDecoder().decode(bytes.subarray(0, 5))).toBe('%PDF-');
    const text = await pdfText(bytes);
    expect(text).toContain('Signed by: Pia Pdf');
    expect(text).toContain('Vitamin D');
    expect(text).toContain('SHA-256 of the consent text shown:');
    expect(text).toContain('Page form, version 1');
    const detail = await api(`/api/v1/intake-submissions/${submissionId}`, { token: admin });
    expect(detail.json.pdf).toEqual({ available: true });

    // Staff download it as an attachment; the download is audited as an export.
    const download = await workerFetch(`${BASE}/api/v1/intake-submissions/${submissionId}/pdf/download`, {
      headers: { Authorization: `Bearer ${admin}` },
    });
    expect(download.status).toBe(200);
    expect(download.headers.get('Content-Type')).toBe('application/pdf');
    expect(download.headers.get('Content-Disposition')).toBe(
      `attachment; filename="intake-${submissionId}.pdf"`,
    );
    expect(new Uint8Array(await download.arrayBuffer())).toEqual(bytes);
    const trail = await auditOf(admin, 'intake_submission', submissionId);
    expect(trail.some((e: { action: string }) => e.action === 'export')).toBe(true);
    const other = await loginAs('clinic_admin', 'other');
    const foreign = await api(`/api/v1/intake-submissions/${submissionId}/pdf/download`, { token: other });
    expect(foreign.status).toBe(404);

    // Lost after the thank-you page (R2 failed, the worker stopped): the cron makes it again.
    await env.FILES.delete(`intake/${organizationId}/${submissionId}.pdf`);
    await db()
      .update(intakeSubmissions)
      .set({ pdfKey: null, submittedAt: new Date(Date.now() - 5 * 60_000).toISOString() })
      .where(eq(intakeSubmissions.id, submissionId));
    const pending = await api(`/api/v1/intake-submissions/${submissionId}/pdf/download`, { token: admin });
    expect(pending.status).toBe(404);
    expect(pending.json.error.message).toBe('The signed PDF is still being prepared; try again in a minute');
    await runCron();
    const again = await env.FILES.get(`intake/${organizationId}/${submissionId}.pdf`);
    expect(await pdfText(new Uint8Array(await again!.arrayBuffer()))).toContain('Signed by: Pia Pdf');
  });
});

describe('the draft endpoint for the page script', () => {
  it('saves one step’s answers from a same-origin fetch, and says which need checking', async () => {
    const { token } = await formFor();
    const save = (body: unknown, headers: Record<string, string> = { Origin: BASE }) =>
      api(`/f/${token}/draft`, { method: 'POST', body, headers });
    const ok = await save({ sectionId: 'health', answers: { takes_meds: true, meds: 'Aspirin' } });
    expect(ok.status).toBe(204);
    expect((await api(`/f/${token}?step=2`)).text).toContain('Aspirin');

    const bad = await save({ sectionId: 'about', answers: { first_name: 'Ann', email: 'not-an-email' } });
    expect(bad.status).toBe(400);
    expect(bad.json.errors).toEqual({ email: 'Enter a valid email address' });
    // The answer that passed was kept.
    expect((await api(`/f/${token}`)).text).toMatch(/id="f-first_name"[^>]*value="Ann"/);

    expect((await save({ sectionId: 'health', answers: {} }, {})).status).toBe(403);
    expect((await save({ sectionId: 'health', answers: {} }, { Origin: 'https://evil.test' })).status).toBe(
      403,
    );
    expect((await save({ sectionId: 'health', answers: [] })).status).toBe(400);
  });
});

describe('security', () => {
  it('sends a strict CSP whose nonce is on the inline script, and no caching, indexing or referrer', async () => {
    const { token } = await formFor();
    const res = await api(`/f/${token}`);
    const csp = res.headers.get('Content-Security-Policy')!;
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("form-action 'self'");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).toContain('img-src data:');
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/);
    const nonce = csp.match(/script-src 'nonce-([^']+)'/)![1]!;
    expect(res.text).toContain(`<script nonce="${nonce}">`);
    expect(res.text).toContain(`<style nonce="${nonce}">`);
    // Every executable script carries it (the JSON data block is not executed).
    const scripts = [...res.text.matchAll(/<script([^>]*)>/g)].map((m) => m[1]);
    expect(
      scripts.every((attrs) => attrs!.includes(`nonce="${nonce}"`) || attrs!.includes('application/json')),
    ).toBe(true);
    expect(res.headers.get('Referrer-Policy')).toBe('same-origin');
    expect(res.headers.get('Cache-Control')).toBe('no-store');
    expect(res.headers.get('X-Robots-Tag')).toContain('noindex');
    expect(res.headers.get('X-Frame-Options')).toBe('SAMEORIGIN');
    // Each response its own nonce.
    expect((await api(`/f/${token}`)).headers.get('Content-Security-Policy')).not.toBe(csp);
  });

  it('refuses posts from another site with a plain page', async () => {
    const { token } = await formFor();
    const forged = await post(`/f/${token}`, about({ first_name: 'Mallory' }), {
      origin: 'https://evil.test',
    });
    expect(forged.status).toBe(403);
    expect(forged.text).toContain('This request was refused');
    expect((await post(`/f/${token}`, about(), { origin: null })).status).toBe(403);
    expect((await api(`/f/${token}`)).text).not.toContain('Mallory');
  });

  it('limits hits per link and per address with a friendly 429 page', async () => {
    const { token } = await formFor();
    const { hits } = PUBLIC_FORM_LIMITS.perLink;
    const linkKey = `intake-link:${(await formTokenHash(token))!.slice(0, 22)}`;
    // Drive the counter to the limit through the page, then one more.
    await db()
      .insert(loginThrottles)
      .values({
        key: linkKey,
        failures: hits - 1,
        windowStartedAt: new Date().toISOString(),
        lockedUntil: null,
      });
    expect((await api(`/f/${token}`)).status).toBe(200);
    const limited = await post(`/f/${token}`, about());
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('Retry-After'))).toBeGreaterThan(0);
    expect(limited.text).toContain('Please wait a moment');
    expect(limited.text).not.toContain('rate_limited');
    expect(limited.headers.get('Cache-Control')).toBe('no-store');
    expect(limited.headers.get('Content-Security-Policy')).toContain("default-src 'none'");
    const draft = await api(`/f/${token}/draft`, {
      method: 'POST',
      body: { sectionId: 'health', answers: {} },
      headers: { Origin: BASE },
    });
    expect(draft.status).toBe(429);

    // Per address, across links: another link from the same address is refused too.
    const other = await formFor();
    const ip = '192.0.2.77';
    await db().insert(loginThrottles).values({
      key: 'intake-address:192.0.2.77',
      failures: PUBLIC_FORM_LIMITS.perAddress.hits,
      windowStartedAt: new Date().toISOString(),
      lockedUntil: null,
    });
    expect((await api(`/f/${other.token}`, { ip })).status).toBe(429);
    expect((await api(`/f/${other.token}`)).status).toBe(200);
  });
});
