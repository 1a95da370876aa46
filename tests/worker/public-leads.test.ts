import { env } from 'cloudflare:test';
import { eq, like } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { loginThrottles } from '../../db/schema';
import { runScheduled } from '../../worker/cron/scheduled';
import { AppError } from '../../worker/lib/app-error';
import { addressBucket, countHit } from '../../worker/lib/rate-limit';
import { api, BASE, db, loginAs, seed, workerFetch } from './helpers';

// The demo organisation's form is seeded on, accepting posts from the local worker's own origin.
const SITE = 'http://127.0.0.1:8787';

let coordinator: string; // treatment_coordinator: leads:full
let demoAdmin: string; // clinic_admin: also reads the audit trail
let otherAdmin: string;
let demoKey: string;

type Post = { origin?: string; referer?: string; ip: string; form?: boolean };

/** A post to the public endpoint the way a website makes it: JSON from a script, or a plain form. */
function post(key: string, body: Record<string, string>, opts: Post) {
  const headers: Record<string, string> = {};
  if (opts.origin) headers.Origin = opts.origin;
  if (opts.referer) headers.Referer = opts.referer;
  if (opts.form) headers['Content-Type'] = 'application/x-www-form-urlencoded';
  return api(`/api/v1/public/leads/${key}`, {
    method: 'POST',
    ip: opts.ip,
    headers,
    body: opts.form ? new URLSearchParams(body).toString() : body,
  });
}

const preflight = (key: string, origin: string) =>
  api(`/api/v1/public/leads/${key}`, {
    method: 'OPTIONS',
    headers: { Origin: origin, 'Access-Control-Request-Method': 'POST' },
  });

async function leadsByEmail(token: string, email: string) {
  const res = await api('/api/v1/leads?limit=200', { token });
  expect(res.status).toBe(200);
  return res.json.items.filter((l: { email: string | null }) => l.email === email);
}

const person = (email: string) => ({
  firstName: 'Ava',
  lastName: 'Lindqvist',
  email,
  phone: '(303) 555-0142',
  dateOfBirth: '2012-06-30',
  guardianName: 'Eva Lindqvist',
  guardianRelationship: 'Mother',
  message: 'Interested in braces for my daughter',
});

beforeAll(async () => {
  await seed();
  coordinator = await loginAs('treatment_coordinator');
  demoAdmin = await loginAs('clinic_admin');
  otherAdmin = await loginAs('clinic_admin', 'other');
  demoKey = (await api('/api/v1/lead-form', { token: coordinator })).json.key;
});

describe('lead form settings', () => {
  it('shows the address of the form; a new organisation starts with its own key and the form off', async () => {
    const demo = await api('/api/v1/lead-form', { token: coordinator });
    expect(demo.status).toBe(200);
    expect(demo.json).toEqual({
      enabled: true,
      key: expect.stringMatching(/^[A-Za-z0-9_-]{32}$/),
      endpoint: `${BASE}/api/v1/public/leads/${demo.json.key}`,
      endpointPath: `/api/v1/public/leads/${demo.json.key}`,
      allowedOrigins: [SITE],
    });
    const other = await api('/api/v1/lead-form', { token: otherAdmin });
    expect(other.json).toMatchObject({ enabled: false, allowedOrigins: [] });
    expect(other.json.key).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(other.json.key).not.toBe(demo.json.key);
    // Created once: reading again gives the same key.
    expect((await api('/api/v1/lead-form', { token: otherAdmin })).json.key).toBe(other.json.key);
    // The other organisation's form is off: its address answers nothing.
    expect((await post(other.json.key, person('off@example.test'), { ip: '192.0.2.1' })).status).toBe(404);
  });

  it('needs leads:full to see or change the form', async () => {
    const frontDesk = await loginAs('front_desk'); // leads:edit only
    expect((await api('/api/v1/lead-form', { token: frontDesk })).status).toBe(403);
    const patch = await api('/api/v1/lead-form', {
      token: frontDesk,
      method: 'PATCH',
      body: { enabled: false },
    });
    expect(patch.status).toBe(403);
    expect(patch.json.error.code).toBe('forbidden');
    expect((await api('/api/v1/lead-form/rotate-key', { token: frontDesk, method: 'POST' })).status).toBe(
      403,
    );
    expect((await api('/api/v1/lead-form')).status).toBe(401);
    // Nothing changed.
    const after = await api('/api/v1/lead-form', { token: coordinator });
    expect(after.json).toMatchObject({ enabled: true, key: demoKey });
  });

  it('accepts exact website origins only, normalised and without repeats, at most 20', async () => {
    const patch = (body: unknown) => api('/api/v1/lead-form', { token: otherAdmin, method: 'PATCH', body });
    const ok = await patch({
      allowedOrigins: [
        'https://Www.Other-Practice.test/',
        'http://localhost:3000',
        'https://www.other-practice.test',
      ],
    });
    expect(ok.status).toBe(200);
    expect(ok.json.allowedOrigins).toEqual(['https://www.other-practice.test', 'http://localhost:3000']);

    const bad = [
      'https://www.other-practice.test/contact',
      'https://*.other-practice.test',
      'ftp://other-practice.test',
      'other-practice.test',
      'null',
      'https://other-practice.test?x=1',
      'https://user:pw@other-practice.test',
    ];
    for (const origin of bad) {
      const res = await patch({ allowedOrigins: ['https://fine.test', origin] });
      expect(res.status, origin).toBe(400);
      expect(res.json.error.code).toBe('validation_failed');
      expect(res.json.error.details.map((d: { path: string }) => d.path)).toEqual(['allowedOrigins.1']);
    }
    const many = Array.from({ length: 21 }, (_, i) => `https://site${i}.test`);
    expect((await patch({ allowedOrigins: many })).status).toBe(400);
    expect((await patch({ allowedOrigins: many.slice(0, 20) })).status).toBe(200);
    expect((await patch({})).status).toBe(400);
    expect((await patch({ enabled: 'yes' })).status).toBe(400);
    // The key is the server's to make; it cannot be chosen.
    expect((await patch({ key: 'a'.repeat(32) })).status).toBe(400);
    expect((await api('/api/v1/lead-form', { token: otherAdmin })).json.allowedOrigins).toHaveLength(20);
  });

  it('turns the form on and off and makes a new key, which retires the old one, all audited', async () => {
    const site = 'https://www.other-practice.test';
    const on = await api('/api/v1/lead-form', {
      token: otherAdmin,
      method: 'PATCH',
      body: { enabled: true, allowedOrigins: [site] },
    });
    expect(on.json).toMatchObject({ enabled: true, allowedOrigins: [site] });
    const oldKey = on.json.key;
    expect((await post(oldKey, person('one@other.test'), { origin: site, ip: '192.0.2.20' })).status).toBe(
      202,
    );

    const rotated = await api('/api/v1/lead-form/rotate-key', { token: otherAdmin, method: 'POST' });
    expect(rotated.status).toBe(200);
    expect(rotated.json.key).not.toBe(oldKey);
    expect(rotated.json.endpointPath).toBe(`/api/v1/public/leads/${rotated.json.key}`);
    expect(rotated.json).toMatchObject({ enabled: true, allowedOrigins: [site] });
    expect((await post(oldKey, person('two@other.test'), { origin: site, ip: '192.0.2.20' })).status).toBe(
      404,
    );
    expect((await preflight(oldKey, site)).status).toBe(404);
    expect(
      (await post(rotated.json.key, person('three@other.test'), { origin: site, ip: '192.0.2.20' })).status,
    ).toBe(202);
    expect(await leadsByEmail(otherAdmin, 'two@other.test')).toEqual([]);
    expect(await leadsByEmail(otherAdmin, 'three@other.test')).toHaveLength(1);

    const off = await api('/api/v1/lead-form', {
      token: otherAdmin,
      method: 'PATCH',
      body: { enabled: false },
    });
    expect(off.json.enabled).toBe(false);
    expect(
      (await post(rotated.json.key, person('four@other.test'), { origin: site, ip: '192.0.2.21' })).status,
    ).toBe(404);

    const trail = await api('/api/v1/audit?entityType=lead_form', { token: otherAdmin });
    const details = trail.json.items.map((e: { detail: unknown }) => e.detail);
    expect(details).toContainEqual({ changed: ['key'] });
    expect(details).toContainEqual({ changed: ['enabled'], enabled: false });
    expect(
      trail.json.items.every((e: { actorUserId: string }) => e.actorUserId === 'usr_other_clinic_admin'),
    ).toBe(true);
    // Neither key is written into the trail.
    expect(JSON.stringify(trail.json)).not.toContain(oldKey);
    expect(JSON.stringify(trail.json)).not.toContain(rotated.json.key);
    // The demo organisation's trail does not show the other's settings.
    const demoTrail = await api('/api/v1/audit?entityType=lead_form', { token: demoAdmin });
    expect(demoTrail.json.items).toEqual([]);
  });
});

describe('public web-form endpoint', () => {
  it('answers an unknown, a malformed and a turned-off key with the same 404', async () => {
    const otherKey = (await api('/api/v1/lead-form', { token: otherAdmin })).json.key; // turned off above
    const answers = await Promise.all(
      ['AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', 'abc', otherKey].map((key) =>
        post(key, person('nobody@example.test'), { origin: SITE, ip: '192.0.2.30' }),
      ),
    );
    for (const res of answers) {
      expect(res.status).toBe(404);
      expect(res.json.error).toEqual({
        code: 'not_found',
        message: 'Not found',
        requestId: expect.any(String),
      });
      expect(res.headers.get('Access-Control-Allow-Origin')).toBeNull();
    }
    expect((await preflight('AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', SITE)).status).toBe(404);
  });

  it('creates a lead from JSON with the "Web form" source, channel web_form and an audit event with no actor', async () => {
    const res = await post(demoKey, person('ava@example.test'), {
      origin: SITE,
      referer: `${SITE}/contact?name=Ava#form`,
      ip: '192.0.2.40',
    });
    expect(res.status).toBe(202);
    expect(res.json).toEqual({ ok: true });
    expect(res.headers.get('Access-Control-Allow-Origin')).toBe(SITE);
    expect(res.headers.get('Vary')).toContain('Origin');
    expect(res.headers.get('Cache-Control')).toBe('no-store');
    // Nothing about the person or the lead comes back.
    expect(res.text).not.toMatch(/Ava|Lindqvist|ava@example|led_/);

    const [lead] = await leadsByEmail(coordinator, 'ava@example.test');
    const sources = (await api('/api/v1/lead-sources', { token: coordinator })).json.items;
    const webForm = sources.find((s: { channel: string }) => s.channel === 'web_form');
    expect(lead).toMatchObject({
      firstName: 'Ava',
      lastName: 'Lindqvist',
      phone: '(303) 555-0142',
      dateOfBirth: '2012-06-30',
      notes: 'Interested in braces for my daughter',
      sourceId: webForm.id,
      // The page it came from, without the query string (which can carry the visitor's details).
      capture: { channel: 'web_form', url: `${SITE}/contact` },
      coordinatorId: null,
    });
    const timeline = (await api(`/api/v1/leads/${lead.id}/timeline`, { token: coordinator })).json.items;
    expect(timeline).toMatchObject([{ kind: 'created', createdBy: 'web_form' }]);

    const trail = await api(`/api/v1/audit?entityType=lead&entityId=${lead.id}`, { token: demoAdmin });
    const created = trail.json.items.filter((e: { action: string }) => e.action === 'create');
    expect(created).toMatchObject([
      {
        organizationId: 'org_demo_care_operations',
        actorUserId: null,
        outcome: 'success',
        ip: '192.0.2.40',
      },
    ]);
    // Another organisation does not see it.
    expect(await leadsByEmail(otherAdmin, 'ava@example.test')).toEqual([]);
  });

  it('takes a plain HTML form post: a thank-you page, or back to a page of an allowed website', async () => {
    const fields = {
      ...person(''),
      email: '',
      firstName: 'Noah',
      lastName: 'Berg',
      phone: '303-555-0199',
      dateOfBirth: '', // empty inputs count as not given
      website: '',
      submit: 'Send', // the website's own fields are dropped
    };
    const page = await post(demoKey, fields, { origin: SITE, ip: '192.0.2.50', form: true });
    expect(page.status).toBe(200);
    expect(page.headers.get('Content-Type')).toMatch(/^text\/html/);
    expect(page.headers.get('Content-Security-Policy')).toContain("default-src 'none'");
    expect(page.text).toContain('Thank you');
    expect(page.text).toContain('Demo Care Operations will contact you');
    expect(page.text).not.toContain('Noah');
    const leads = (await api('/api/v1/leads?limit=200', { token: coordinator })).json.items.filter(
      (l: { lastName: string }) => l.lastName === 'Berg',
    );
    expect(leads).toMatchObject([
      {
        firstName: 'Noah',
        email: null,
        phone: '303-555-0199',
        dateOfBirth: null,
        capture: { channel: 'web_form' },
      },
    ]);

    // Fetched by hand: the redirect must be seen, not followed.
    const back = await workerFetch(`${BASE}/api/v1/public/leads/${demoKey}`, {
      method: 'POST',
      redirect: 'manual',
      headers: {
        'CF-Connecting-IP': '192.0.2.50',
        Origin: SITE,
        'Content-Type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams({
        ...fields,
        lastName: 'Berg-Two',
        redirect: `${SITE}/thanks?sent=1`,
      }).toString(),
    });
    expect(back.status).toBe(303);
    expect(back.headers.get('Location')).toBe(`${SITE}/thanks?sent=1`);
    // Not an open redirect: another website is ignored and the thank-you page shown.
    const elsewhere = await post(
      demoKey,
      { ...fields, lastName: 'Berg-Three', redirect: 'https://evil.example/phish' },
      { origin: SITE, ip: '192.0.2.50', form: true },
    );
    expect(elsewhere.status).toBe(200);
    expect(elsewhere.headers.get('Location')).toBeNull();
    expect(elsewhere.text).toContain('Thank you');
    expect(
      (await api('/api/v1/leads?limit=200', { token: coordinator })).json.items
        .map((l: { lastName: string }) => l.lastName)
        .filter((n: string) => n.startsWith('Berg'))
        .sort(),
    ).toEqual(['Berg', 'Berg-Three', 'Berg-Two']);
  });

  it('answers a filled honeypot exactly like a success and creates nothing', async () => {
    const real = await post(demoKey, person('real@example.test'), { origin: SITE, ip: '192.0.2.60' });
    const bot = await post(
      demoKey,
      { ...person('bot@example.test'), website: 'https://cheap-pills.example' },
      { origin: SITE, ip: '192.0.2.61' },
    );
    expect(bot.status).toBe(202);
    expect(bot.text).toBe(real.text);
    expect(bot.headers.get('Access-Control-Allow-Origin')).toBe(SITE);
    // Even invalid input is answered as a success when the trap is filled.
    const junk = await post(demoKey, { website: 'x' }, { origin: SITE, ip: '192.0.2.61' });
    expect(junk.status).toBe(202);
    const botForm = await post(
      demoKey,
      { ...person('botform@example.test'), website: 'spam' },
      { origin: SITE, ip: '192.0.2.61', form: true },
    );
    expect(botForm.status).toBe(200);
    expect(botForm.text).toContain('Thank you');

    expect(await leadsByEmail(coordinator, 'real@example.test')).toHaveLength(1);
    expect(await leadsByEmail(coordinator, 'bot@example.test')).toEqual([]);
    expect(await leadsByEmail(coordinator, 'botform@example.test')).toEqual([]);
    // The trail notes the catch, and nothing the bot sent.
    const trail = await api('/api/v1/audit?entityType=lead&action=create', { token: demoAdmin });
    const caught = trail.json.items.filter((e: { outcome: string }) => e.outcome === 'denied');
    expect(caught.length).toBe(3);
    for (const e of caught) expect(e).toMatchObject({ actorUserId: null, detail: { reason: 'honeypot' } });
    expect(JSON.stringify(caught)).not.toMatch(/bot@|botform@|cheap-pills|Lindqvist/);
  });

  it('refuses invalid input with 400 and the failing fields, readable by the allowed website', async () => {
    const send = (body: Record<string, string>) => post(demoKey, body, { origin: SITE, ip: '192.0.2.70' });
    const missing = await send({ lastName: 'Only', email: 'not-an-email', dateOfBirth: '2020-02-31' });
    expect(missing.status).toBe(400);
    expect(missing.json.error.code).toBe('validation_failed');
    expect(missing.json.error.details.map((d: { path: string }) => d.path).sort()).toEqual([
      'dateOfBirth',
      'email',
      'firstName',
    ]);
    expect(missing.headers.get('Access-Control-Allow-Origin')).toBe(SITE);
    const noContact = await send({ firstName: 'No', lastName: 'Contact' });
    expect(noContact.status).toBe(400);
    expect(noContact.json.error.details).toEqual([
      { path: 'email', issue: 'Give an email address or a phone number' },
    ]);
    const future = await send({
      firstName: 'F',
      lastName: 'T',
      phone: '303 555 0100',
      dateOfBirth: '2999-01-01',
    });
    expect(future.json.error.details.map((d: { path: string }) => d.path)).toEqual(['dateOfBirth']);

    const malformed = await api(`/api/v1/public/leads/${demoKey}`, {
      ip: '192.0.2.71',
      body: '{"firstName":',
    });
    expect(malformed.status).toBe(400);
    expect(malformed.json.error.details).toEqual([{ path: '(body)', issue: 'malformed JSON' }]);
    const text = await api(`/api/v1/public/leads/${demoKey}`, {
      ip: '192.0.2.71',
      body: 'firstName=A',
      headers: { 'Content-Type': 'text/plain' },
    });
    expect(text.status).toBe(415);
    const huge = await post(
      demoKey,
      { ...person('huge@example.test'), message: 'x'.repeat(17 * 1024) },
      { ip: '192.0.2.72', form: true },
    );
    expect(huge.status).toBe(413);
    expect(huge.json.error.code).toBe('payload_too_large');
    expect(await leadsByEmail(coordinator, 'huge@example.test')).toEqual([]);
  });

  it('answers CORS for the allowed website only; a post from any other origin is refused', async () => {
    const allowed = await preflight(demoKey, SITE);
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get('Access-Control-Allow-Origin')).toBe(SITE);
    expect(allowed.headers.get('Access-Control-Allow-Methods')).toBe('POST');
    expect(allowed.headers.get('Access-Control-Allow-Headers')).toBe('Content-Type');
    expect(allowed.headers.get('Vary')).toContain('Origin');

    const evil = 'https://evil.example';
    const refused = await preflight(demoKey, evil);
    expect(refused.status).toBe(403);
    expect(refused.headers.get('Access-Control-Allow-Origin')).toBeNull();
    expect(refused.headers.get('Access-Control-Allow-Methods')).toBeNull();
    // A look-alike of the allowed origin (another port) is another origin.
    expect(
      (await preflight(demoKey, 'http://127.0.0.1:8788')).headers.get('Access-Control-Allow-Origin'),
    ).toBeNull();

    const post403 = await post(demoKey, person('evil@example.test'), { origin: evil, ip: '192.0.2.80' });
    expect(post403.status).toBe(403);
    expect(post403.json.error.code).toBe('forbidden');
    expect(post403.headers.get('Access-Control-Allow-Origin')).toBeNull();
    const formFromEvil = await post(demoKey, person('evil2@example.test'), {
      origin: evil,
      ip: '192.0.2.80',
      form: true,
    });
    expect(formFromEvil.status).toBe(403);
    expect(await leadsByEmail(coordinator, 'evil@example.test')).toEqual([]);
    expect(await leadsByEmail(coordinator, 'evil2@example.test')).toEqual([]);

    // No Origin at all (a server posting on the website's behalf) is allowed, with no CORS headers.
    const server = await post(demoKey, person('server@example.test'), { ip: '192.0.2.81' });
    expect(server.status).toBe(202);
    expect(server.headers.get('Access-Control-Allow-Origin')).toBeNull();
    expect(await leadsByEmail(coordinator, 'server@example.test')).toHaveLength(1);
  });

  it('lets one address post 5 inquiries in 10 minutes, then answers 429 with Retry-After', async () => {
    const ip = '198.51.100.77';
    for (let i = 0; i < 5; i++) {
      const res = await post(demoKey, person(`burst${i}@example.test`), { origin: SITE, ip });
      expect(res.status, `post ${i + 1}`).toBe(202);
    }
    const sixth = await post(demoKey, person('burst5@example.test'), { origin: SITE, ip });
    expect(sixth.status).toBe(429);
    expect(sixth.json.error.code).toBe('rate_limited');
    const retry = Number(sixth.headers.get('Retry-After'));
    expect(retry).toBeGreaterThan(0);
    expect(retry).toBeLessThanOrEqual(600);
    expect(sixth.headers.get('Access-Control-Allow-Origin')).toBe(SITE);
    expect(await leadsByEmail(coordinator, 'burst5@example.test')).toEqual([]);
    // A bot gains nothing from the honeypot path either: it is counted the same way.
    const trap = await post(demoKey, { ...person('b@example.test'), website: 'x' }, { origin: SITE, ip });
    expect(trap.status).toBe(429);
    // Another address is not affected.
    expect(
      (await post(demoKey, person('neighbour@example.test'), { origin: SITE, ip: '198.51.100.78' })).status,
    ).toBe(202);
  });

  it('counts IPv6 clients by their /64, since one home or phone holds a whole /64', async () => {
    expect(addressBucket('2001:db8:abcd:12::1')).toBe(addressBucket('2001:db8:abcd:12:ffff:1:2:3'));
    expect(addressBucket('2001:db8:abcd:12::1')).not.toBe(addressBucket('2001:db8:abcd:13::1'));
    expect(addressBucket('::ffff:192.0.2.9')).toBe('192.0.2.9');
    for (let i = 1; i <= 5; i++)
      expect(
        (await post(demoKey, person(`v6-${i}@example.test`), { ip: `2001:db8:abcd:12::${i}` })).status,
      ).toBe(202);
    const sameHome = await post(demoKey, person('v6-6@example.test'), { ip: '2001:db8:abcd:12:ffff::9' });
    expect(sameHome.status).toBe(429);
  });

  it('opens a new window once the old one ends, and the cron removes day-old counters', async () => {
    const t0 = Date.parse('2026-01-01T00:00:00Z');
    const hit = (now: number) => countHit(db(), 'public-lead:test:window', 2, 60_000, 'slow down', now);
    await hit(t0);
    await hit(t0 + 1_000);
    const refused = await hit(t0 + 30_000).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).status).toBe(429);
    expect((refused as AppError).headers).toEqual({ 'Retry-After': '30' });
    await expect(hit(t0 + 60_001)).resolves.toBeUndefined();

    // That counter's window began long ago: the cron's housekeeping removes it, and keeps today's.
    await runScheduled(env);
    const rows = await db().select().from(loginThrottles).where(like(loginThrottles.key, 'public-lead:%'));
    expect(rows.map((r) => r.key)).not.toContain('public-lead:test:window');
    expect(rows.some((r) => r.key.endsWith(':198.51.100.77'))).toBe(true);
    expect(
      (await db().select().from(loginThrottles).where(eq(loginThrottles.key, 'public-lead:test:window')))
        .length,
    ).toBe(0);
  });
});
