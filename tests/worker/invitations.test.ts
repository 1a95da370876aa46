import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { invitations } from '../../db/schema';
import { api, BASE, db, linkIn, loginAs, mailbox, seed } from './helpers';

beforeAll(() => seed());

/** Submits a server-rendered form the way a browser does: urlencoded, with its Origin. */
async function submitForm(path: string, fields: Record<string, string>, origin = BASE) {
  return api(path, {
    method: 'POST',
    body: new URLSearchParams(fields).toString(),
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: origin },
  });
}

async function latestMailTo(email: string) {
  const mail = (await mailbox()).find((m) => m.recipient === email);
  if (!mail) throw new Error(`no mail to ${email}`);
  return mail;
}

describe('invitations, end to end through the dev outbox', () => {
  it('invites a person, who sets a password on the invitation page and signs in', async () => {
    const admin = await loginAs('clinic_admin');
    const sent = await api('/api/v1/invitations', {
      token: admin,
      body: { email: 'New.Nurse@Example.test', role: 'clinical_staff' },
    });
    expect(sent.status).toBe(201);
    expect(sent.json).toMatchObject({
      email: 'new.nurse@example.test',
      role: 'clinical_staff',
      state: 'sent',
    });
    expect(Date.parse(sent.json.expiresAt) - Date.parse(sent.json.sentAt)).toBe(7 * 86_400_000);

    const mail = await latestMailTo('new.nurse@example.test');
    expect(mail.subject).toBe('Join Demo Care Operations on Sidecar CRM');
    const link = linkIn(mail.bodyText, '/invite');

    const page = await api(link);
    expect(page.status).toBe(200);
    expect(page.text).toContain('Join Demo Care Operations');
    expect(page.headers.get('Content-Security-Policy')).toContain("default-src 'none'");

    const weak = await submitForm(link, {
      name: 'Nina Nurse',
      password: 'password1234',
      confirm: 'password1234',
    });
    expect(weak.status).toBe(400);
    expect(weak.text).toContain('too common');
    const short = await submitForm(link, { name: 'Nina Nurse', password: 'short', confirm: 'short' });
    expect(short.text).toContain('at least 12 characters');

    const forged = await submitForm(
      link,
      { name: 'Nina Nurse', password: 'a-very-good-secret', confirm: 'a-very-good-secret' },
      'https://evil.test',
    );
    expect(forged.status).toBe(403);

    const done = await submitForm(link, {
      name: 'Nina Nurse',
      password: 'a-very-good-secret',
      confirm: 'a-very-good-secret',
    });
    expect(done.status).toBe(200);
    expect(done.text).toContain('You have joined');

    const login = await api('/api/v1/auth/login', {
      body: { email: 'new.nurse@example.test', password: 'a-very-good-secret' },
    });
    expect(login.status).toBe(200);
    expect(login.json.me.role).toBe('clinical_staff');

    // Sent twice (a double click): the second answer is the used-invitation page, not an error.
    const twice = await submitForm(link, {
      name: 'Nina Nurse',
      password: 'a-very-good-secret',
      confirm: 'a-very-good-secret',
    });
    expect(twice.status).toBe(410);
    expect(twice.text).toContain('already been used');

    // Single use.
    const reuse = await api(link);
    expect(reuse.status).toBe(410);
    expect(reuse.text).toContain('already been used');
    const list = await api('/api/v1/invitations', { token: admin });
    expect(list.json.items.find((i: { id: string }) => i.id === sent.json.id).state).toBe('accepted');
  });

  it('re-inviting resends a fresh link and the old one stops working', async () => {
    const admin = await loginAs('clinic_admin');
    const first = await api('/api/v1/invitations', {
      token: admin,
      body: { email: 'twice@example.test', role: 'front_desk' },
    });
    const oldLink = linkIn((await latestMailTo('twice@example.test')).bodyText, '/invite');
    const again = await api('/api/v1/invitations', {
      token: admin,
      body: { email: 'twice@example.test', role: 'billing' },
    });
    expect(again.status).toBe(200);
    expect(again.json.id).toBe(first.json.id);
    expect(again.json.role).toBe('billing');
    const newLink = linkIn((await latestMailTo('twice@example.test')).bodyText, '/invite');
    expect(newLink).not.toBe(oldLink);
    expect((await api(oldLink)).status).toBe(404);
    expect((await api(newLink)).status).toBe(200);
  });

  it('refuses to invite an existing member with a clear 409', async () => {
    const admin = await loginAs('clinic_admin');
    const res = await api('/api/v1/invitations', {
      token: admin,
      body: { email: 'doctor@demo.test', role: 'doctor' },
    });
    expect(res.status).toBe(409);
    expect(res.json.error.message).toBe('doctor@demo.test is already a member of this organisation');
  });

  it('shows an expired invitation as expired', async () => {
    const admin = await loginAs('clinic_admin');
    const sent = await api('/api/v1/invitations', {
      token: admin,
      body: { email: 'late@example.test', role: 'read_only' },
    });
    const link = linkIn((await latestMailTo('late@example.test')).bodyText, '/invite');
    await db()
      .update(invitations)
      .set({ expiresAt: new Date(Date.now() - 1000).toISOString() })
      .where(eq(invitations.id, sent.json.id));
    const page = await api(link);
    expect(page.status).toBe(410);
    expect(page.text).toContain('expired');
    const post = await submitForm(link, {
      name: 'Late',
      password: 'a-very-good-secret',
      confirm: 'a-very-good-secret',
    });
    expect(post.text).toContain('expired');
  });

  it('lets an existing user of another organisation join with their own password', async () => {
    const admin = await loginAs('clinic_admin', 'other');
    await api('/api/v1/invitations', { token: admin, body: { email: 'doctor@demo.test', role: 'doctor' } });
    const link = linkIn((await latestMailTo('doctor@demo.test')).bodyText, '/invite');
    expect((await api(link)).text).toContain('current Sidecar password');
    const wrong = await submitForm(link, { password: 'not-my-password' });
    expect(wrong.status).toBe(400);
    expect((await submitForm(link, { password: 'sidecar-demo' })).status).toBe(200);
    const other = await api('/api/v1/auth/login', {
      body: { email: 'doctor@demo.test', password: 'sidecar-demo', organizationId: 'org_other_practice' },
    });
    expect(other.json.me.organization.name).toBe('Other Practice');
  });

  it('throttles guessing an existing account’s password on the invitation page, as sign-in does', async () => {
    const admin = await loginAs('clinic_admin', 'other');
    await api('/api/v1/invitations', { token: admin, body: { email: 'billing@demo.test', role: 'billing' } });
    const link = linkIn((await latestMailTo('billing@demo.test')).bodyText, '/invite');
    for (let i = 0; i < 3; i++) expect((await submitForm(link, { password: `guess-${i}` })).status).toBe(400);
    // Waiting now: even the right password is refused until the wait ends, so guessing gains nothing.
    const locked = await submitForm(link, { password: 'sidecar-demo' });
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get('Retry-After'))).toBeGreaterThan(0);
    expect(locked.text).toContain('Too many failed sign-in attempts');
    // Sign-in counts the same failures: the account waits there too.
    const signIn = await api('/api/v1/auth/login', {
      body: { email: 'billing@demo.test', password: 'sidecar-demo' },
    });
    expect(signIn.status).toBe(429);
  });

  it('replays a retried invitation with the same Idempotency-Key instead of sending twice', async () => {
    const admin = await loginAs('clinic_admin');
    const headers = { 'Idempotency-Key': 'invite-retry-1' };
    const before = (await mailbox()).length;
    const a = await api('/api/v1/invitations', {
      token: admin,
      headers,
      body: { email: 'retry@example.test', role: 'billing' },
    });
    const b = await api('/api/v1/invitations', {
      token: admin,
      headers,
      body: { email: 'retry@example.test', role: 'billing' },
    });
    expect(a.status).toBe(201);
    expect(b.status).toBe(201);
    expect(b.json).toEqual(a.json);
    expect(b.headers.get('Idempotent-Replayed')).toBe('true');
    expect((await mailbox()).length).toBe(before + 1);
    const clash = await api('/api/v1/invitations', {
      token: admin,
      headers,
      body: { email: 'other@example.test', role: 'billing' },
    });
    expect(clash.status).toBe(409);
  });

  it('withdraws an invitation so its link stops working', async () => {
    const admin = await loginAs('clinic_admin');
    const sent = await api('/api/v1/invitations', {
      token: admin,
      body: { email: 'withdrawn@example.test', role: 'billing' },
    });
    const link = linkIn((await latestMailTo('withdrawn@example.test')).bodyText, '/invite');
    expect(
      (await api(`/api/v1/invitations/${sent.json.id}`, { method: 'DELETE', token: admin })).status,
    ).toBe(204);
    expect((await api(link)).text).toContain('withdrawn');
  });
});

describe('forgotten password', () => {
  it('emails a one-hour, single-use reset link and never says whether the address exists', async () => {
    await seed();
    const known = await api('/api/v1/auth/password-reset', { body: { email: 'front_desk@demo.test' } });
    const unknown = await api('/api/v1/auth/password-reset', { body: { email: 'ghost@demo.test' } });
    expect(known.status).toBe(202);
    expect(unknown.status).toBe(202);
    expect(known.text).toBe(unknown.text);
    expect((await mailbox()).some((m) => m.recipient === 'ghost@demo.test')).toBe(false);

    const session = await loginAs('front_desk');
    const link = linkIn((await latestMailTo('front_desk@demo.test')).bodyText, '/reset-password');
    expect((await api(link)).status).toBe(200);
    const mismatch = await submitForm(link, {
      password: 'brand-new-secret-1',
      confirm: 'brand-new-secret-2',
    });
    expect(mismatch.text).toContain('do not match');
    expect(
      (await submitForm(link, { password: 'brand-new-secret-1', confirm: 'brand-new-secret-1' })).status,
    ).toBe(200);

    // Signed out everywhere, old password gone, link spent.
    expect((await api('/api/v1/me', { token: session })).status).toBe(401);
    expect(
      (await api('/api/v1/auth/login', { body: { email: 'front_desk@demo.test', password: 'sidecar-demo' } }))
        .status,
    ).toBe(401);
    expect(
      (
        await api('/api/v1/auth/login', {
          body: { email: 'front_desk@demo.test', password: 'brand-new-secret-1' },
        })
      ).status,
    ).toBe(200);
    expect((await api(link)).status).toBe(410);
  });

  it('confirms through the API too, validating the new password', async () => {
    await seed();
    await api('/api/v1/auth/password-reset', { body: { email: 'provider@demo.test' } });
    const token = linkIn((await latestMailTo('provider@demo.test')).bodyText, '/reset-password')
      .split('/')
      .pop()!;
    const weak = await api('/api/v1/auth/password-reset/confirm', { body: { token, password: 'short' } });
    expect(weak.status).toBe(400);
    expect(weak.json.error.details[0].path).toBe('password');
    expect(
      (await api('/api/v1/auth/password-reset/confirm', { body: { token, password: 'provider-new-pass' } }))
        .status,
    ).toBe(204);
    expect(
      (await api('/api/v1/auth/password-reset/confirm', { body: { token, password: 'provider-new-pass' } }))
        .status,
    ).toBe(404);
  });
});
