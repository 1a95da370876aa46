import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { intakeRequests } from '../../db/schema';
import { openByToken } from '../../worker/services/intake/public-form';
import { saveDraft } from '../../worker/services/intake/save-draft';
import { api, BASE, createFacility, db, loginAs, mailbox } from './helpers';
import {
  asPublic,
  auditOf,
  createLead,
  createPatient,
  publishedTemplate,
  runCron,
  sendForm,
  tokenOf,
} from './intake-helpers';

let admin: string;
let frontDesk: string;
let templateId: string;
let facilityId: string;

beforeAll(async () => {
  admin = await loginAs('clinic_admin');
  frontDesk = await loginAs('front_desk');
  ({ templateId } = await publishedTemplate(admin, 'Short intake'));
  facilityId = await createFacility(admin, 'Intake Clinic');
});

const DAY = 86_400_000;
/** Moves a request's clock, as time passing would. */
const setTimes = (id: string, set: { expiresAt?: number; sentAt?: number }) =>
  db()
    .update(intakeRequests)
    .set({
      ...(set.expiresAt ? { expiresAt: new Date(set.expiresAt).toISOString() } : {}),
      ...(set.sentAt ? { sentAt: new Date(set.sentAt).toISOString() } : {}),
    })
    .where(eq(intakeRequests.id, id));
const open = (token: string) => asPublic((d, audit) => openByToken(d, audit, token));
const request = (id: string, token = frontDesk) => api(`/api/v1/intake-requests/${id}`, { token });
const mailTo = async (to: string) => (await mailbox()).filter((m) => m.recipient === to);

describe('sending intake forms', () => {
  it('emails a lead a link that only the send answer shows, with no details beyond the first name', async () => {
    const leadId = await createLead(frontDesk, {
      firstName: 'Nora',
      lastName: 'Quill',
      email: 'nora.quill@example.test',
      phone: '512-555-0101',
      dateOfBirth: '1990-02-03',
    });
    const res = await sendForm(frontDesk, { templateId, leadId, delivery: 'email' });
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({
      templateId,
      templateName: 'Short intake',
      version: 1,
      leadId,
      patientId: null,
      delivery: 'email',
      recipientEmail: 'nora.quill@example.test',
      status: 'sent',
      renewals: 0,
      hasDraft: false,
      createdBy: 'usr_demo_front_desk',
    });
    expect(res.json.link).toMatch(new RegExp(`^${BASE}/f/[A-Za-z0-9_-]{43}$`));
    expect(Date.parse(res.json.expiresAt) - Date.parse(res.json.sentAt)).toBe(14 * DAY);

    const [email] = await mailTo('nora.quill@example.test');
    expect(email!.bodyText).toContain(res.json.link);
    const rest = email!.bodyText.replace(res.json.link, '');
    expect(rest).toContain('Nora');
    for (const secret of ['Quill', '1990', '555', 'Short intake']) expect(rest).not.toContain(secret);
    expect(email!.subject).not.toContain('Nora');

    const again = await request(res.json.id);
    expect(again.status).toBe(200);
    expect(again.json).not.toHaveProperty('link');
    expect(JSON.stringify(again.json)).not.toContain(tokenOf(res.json.link));
    const listed = await api(`/api/v1/intake-requests?leadId=${leadId}`, { token: frontDesk });
    expect(listed.json.items.map((r: { id: string }) => r.id)).toEqual([res.json.id]);
    expect(JSON.stringify(listed.json)).not.toContain(tokenOf(res.json.link));
    // Only the hash is stored.
    const [row] = await db().select().from(intakeRequests).where(eq(intakeRequests.id, res.json.id));
    expect(JSON.stringify(row)).not.toContain(tokenOf(res.json.link));

    const trail = await auditOf(admin, 'intake_request', res.json.id);
    expect(trail).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ action: 'create', actorUserId: 'usr_demo_front_desk' }),
        expect.objectContaining({ action: 'read', actorUserId: 'usr_demo_front_desk' }),
      ]),
    );
  });

  it("sends a minor's form to the responsible party, and needs an address to email", async () => {
    const minor = await createLead(frontDesk, {
      firstName: 'Theo',
      lastName: 'Young',
      phone: '512-555-0102',
      dateOfBirth: '2015-06-01',
      responsibleParty: { name: 'Rae Young', relationship: 'Mother', email: 'rae@example.test' },
    });
    const toParent = await sendForm(frontDesk, { templateId, leadId: minor, delivery: 'email' });
    expect(toParent.json.recipientEmail).toBe('rae@example.test');
    expect((await mailTo('rae@example.test'))[0]!.bodyText).toContain(toParent.json.link);

    const patientId = await createPatient(admin, facilityId, {
      firstName: 'Pat',
      lastName: 'Nomail',
      dateOfBirth: '1950-01-01',
    });
    const noEmail = await sendForm(frontDesk, { templateId, patientId, delivery: 'email' });
    expect(noEmail.status).toBe(409);
    expect(noEmail.json.error.message).toContain('copy the link');
    const asLink = await sendForm(frontDesk, { templateId, patientId, delivery: 'link' });
    expect(asLink.status).toBe(201);
    expect(asLink.json).toMatchObject({ delivery: 'link', recipientEmail: null, patientId, leadId: null });
    const given = await sendForm(frontDesk, {
      templateId,
      patientId,
      delivery: 'email',
      email: 'Family@Example.test',
      expiresInDays: 3,
    });
    expect(given.json.recipientEmail).toBe('family@example.test');
    expect(Date.parse(given.json.expiresAt) - Date.parse(given.json.sentAt)).toBe(3 * DAY);
  });

  it('refuses what cannot be sent: no published version, an archived form, not exactly one person', async () => {
    const leadId = await createLead(frontDesk, {
      firstName: 'Ida',
      lastName: 'Unsent',
      email: 'ida@example.test',
    });
    const draftOnly = await api('/api/v1/intake-templates', { token: admin, body: { name: 'Unpublished' } });
    const unpublished = await sendForm(frontDesk, {
      templateId: draftOnly.json.id,
      leadId,
      delivery: 'link',
    });
    expect(unpublished.status).toBe(409);
    expect(unpublished.json.error.message).toContain('Publish');

    const both = await sendForm(frontDesk, { templateId, leadId, patientId: 'pat_x', delivery: 'link' });
    expect(both.status).toBe(400);
    const neither = await sendForm(frontDesk, { templateId, delivery: 'link' });
    expect(neither.status).toBe(400);
    expect(neither.json.error.details[0].path).toBe('leadId');
    const tooLong = await sendForm(frontDesk, { templateId, leadId, delivery: 'link', expiresInDays: 61 });
    expect(tooLong.status).toBe(400);

    const { templateId: retired } = await publishedTemplate(admin, 'Retired form');
    await api(`/api/v1/intake-templates/${retired}/archive`, { token: admin, method: 'POST' });
    expect((await sendForm(frontDesk, { templateId: retired, leadId, delivery: 'link' })).status).toBe(409);
  });

  it('lets front desk send and read only view; facility admins have no intake', async () => {
    const leadId = await createLead(frontDesk, {
      firstName: 'Per',
      lastName: 'Mission',
      email: 'per@example.test',
    });
    const readOnly = await loginAs('read_only');
    expect((await sendForm(readOnly, { templateId, leadId, delivery: 'link' })).status).toBe(403);
    const sent = await sendForm(frontDesk, { templateId, leadId, delivery: 'link' });
    expect(sent.status).toBe(201);
    expect((await request(sent.json.id, readOnly)).status).toBe(200);
    const renew = await api(`/api/v1/intake-requests/${sent.json.id}/renew`, { token: readOnly, body: {} });
    expect(renew.status).toBe(403);
    const cancel = await api(`/api/v1/intake-requests/${sent.json.id}/cancel`, {
      token: readOnly,
      method: 'POST',
    });
    expect(cancel.status).toBe(403);
    const facilityAdmin = await loginAs('facility_admin');
    expect((await api('/api/v1/intake-requests', { token: facilityAdmin })).status).toBe(403);
  });

  it("answers another organisation's requests, leads and templates like missing ones", async () => {
    const leadId = await createLead(frontDesk, {
      firstName: 'Ten',
      lastName: 'Ant',
      email: 'tenant@example.test',
    });
    const sent = await sendForm(frontDesk, { templateId, leadId, delivery: 'link' });
    const other = await loginAs('clinic_admin', 'other');
    expect((await request(sent.json.id, other)).status).toBe(404);
    expect(
      (await api(`/api/v1/intake-requests/${sent.json.id}/renew`, { token: other, body: {} })).status,
    ).toBe(404);
    expect(
      (await api(`/api/v1/intake-requests/${sent.json.id}/cancel`, { token: other, method: 'POST' })).status,
    ).toBe(404);
    expect((await api(`/api/v1/intake-requests?leadId=${leadId}`, { token: other })).json.items).toEqual([]);
    const { templateId: theirs } = await publishedTemplate(other, 'Their form');
    expect((await sendForm(other, { templateId: theirs, leadId, delivery: 'link' })).status).toBe(404);
    expect((await sendForm(other, { templateId, leadId, delivery: 'link' })).status).toBe(404);
  });
});

describe('form links', () => {
  it('treats unknown and malformed tokens alike, and opens a good one pre-filled from the record', async () => {
    const unknown = await open('A'.repeat(43));
    const malformed = await open('not-a-token');
    expect(unknown).toEqual({ outcome: 'unknown' });
    expect(malformed).toEqual(unknown);

    const leadId = await createLead(frontDesk, {
      firstName: 'Olive',
      lastName: 'Open',
      email: 'olive@example.test',
      phone: '(512) 555-0103',
      dateOfBirth: '1985-07-08',
    });
    const sent = await sendForm(frontDesk, { templateId, leadId, delivery: 'link' });
    const form = await open(tokenOf(sent.json.link));
    expect(form).toMatchObject({
      outcome: 'open',
      requestId: sent.json.id,
      organizationName: 'Demo Care Operations',
      templateName: 'Short intake',
      version: 1,
      status: 'opened',
      draft: {},
      subjectDateOfBirth: '1985-07-08',
      prefill: {
        first_name: 'Olive',
        last_name: 'Open',
        dob: '1985-07-08',
        email: 'olive@example.test',
        phone: '(512) 555-0103',
      },
    });
    if (form.outcome !== 'open') throw new Error('not open');
    expect(form.definition.title).toBe('Short intake');
    expect(form.answers).toEqual(form.prefill);

    const seen = await request(sent.json.id);
    expect(seen.json.status).toBe('opened');
    const opened = seen.json.openedAt;
    await open(tokenOf(sent.json.link));
    expect((await request(sent.json.id)).json.openedAt).toBe(opened);

    const reads = (await auditOf(admin, 'intake_request', sent.json.id)).filter(
      (e) => e.actorUserId === null,
    );
    expect(reads).toHaveLength(2);
    expect(reads.every((e) => e.action === 'read' && e.ip === '198.51.100.7')).toBe(true);
  });

  it('saves drafts (checked, nothing required yet), section by section, and shows them on the next open', async () => {
    const leadId = await createLead(frontDesk, {
      firstName: 'Drew',
      lastName: 'Draft',
      email: 'drew@example.test',
    });
    const sent = await sendForm(frontDesk, { templateId, leadId, delivery: 'link' });
    const token = tokenOf(sent.json.link);
    await open(token);

    const bad = await asPublic((d, audit) =>
      saveDraft(d, audit, token, { email: 'not an email', dob: '2999-01-01' }),
    );
    expect(bad).toMatchObject({
      outcome: 'invalid',
      errors: { email: 'Enter a valid email address', dob: 'A date of birth cannot be in the future' },
    });
    expect((await request(sent.json.id)).json).toMatchObject({ status: 'opened', hasDraft: false });

    const first = await asPublic((d, audit) =>
      saveDraft(
        d,
        audit,
        token,
        { first_name: 'Drew', last_name: 'Draft', phone: '512 555 0104' },
        Date.now(),
        {
          sectionId: 'about',
        },
      ),
    );
    expect(first).toMatchObject({ outcome: 'saved' });
    const second = await asPublic((d, audit) =>
      saveDraft(d, audit, token, { takes_meds: false }, Date.now(), { sectionId: 'health' }),
    );
    expect(second).toMatchObject({
      outcome: 'saved',
      answers: { first_name: 'Drew', last_name: 'Draft', phone: '512 555 0104', takes_meds: false },
    });
    // The prefilled email was cleared in the first section: it stays cleared.
    if (second.outcome !== 'saved') throw new Error('not saved');
    expect(second.answers).not.toHaveProperty('email');

    const state = await request(sent.json.id);
    expect(state.json).toMatchObject({ status: 'in_progress', hasDraft: true });
    expect(state.json.startedAt).toEqual(expect.any(String));
    const again = await open(token);
    expect(again).toMatchObject({ status: 'in_progress', draft: { takes_meds: false, first_name: 'Drew' } });
    const saves = (await auditOf(admin, 'intake_draft', sent.json.id)).map((e) => e.detail?.section);
    expect(saves.sort()).toEqual(['about', 'health']);
  });

  it('expires: reads show it at once, the link says so, and the cron marks it once', async () => {
    const leadId = await createLead(frontDesk, {
      firstName: 'Eve',
      lastName: 'Expired',
      email: 'eve@example.test',
    });
    const sent = await sendForm(frontDesk, { templateId, leadId, delivery: 'link' });
    await setTimes(sent.json.id, { expiresAt: Date.now() - 1000 });
    expect((await request(sent.json.id)).json.status).toBe('expired');
    expect(await open(tokenOf(sent.json.link))).toEqual({
      outcome: 'expired',
      organizationName: 'Demo Care Operations',
    });
    const expiredList = await api(`/api/v1/intake-requests?leadId=${leadId}&status=expired`, {
      token: frontDesk,
    });
    expect(expiredList.json.items).toHaveLength(1);
    const sentList = await api(`/api/v1/intake-requests?leadId=${leadId}&status=sent`, { token: frontDesk });
    expect(sentList.json.items).toHaveLength(0);

    await runCron();
    await runCron();
    const [row] = await db().select().from(intakeRequests).where(eq(intakeRequests.id, sent.json.id));
    expect(row!.status).toBe('expired');
    const marks = (await auditOf(admin, 'intake_request', sent.json.id)).filter((e) => e.detail?.expired);
    expect(marks).toHaveLength(1);
    expect(marks[0]!.actorUserId).toBeNull();
  });

  it('renews with a new link: the old one dies at once, the new one opens with the saved answers', async () => {
    const leadId = await createLead(frontDesk, {
      firstName: 'Ren',
      lastName: 'Newal',
      email: 'ren@example.test',
      dateOfBirth: '1979-09-09',
    });
    const sent = await sendForm(frontDesk, { templateId, leadId, delivery: 'email' });
    const oldToken = tokenOf(sent.json.link);
    await open(oldToken);
    await asPublic((d, audit) =>
      saveDraft(d, audit, oldToken, { takes_meds: true, meds: 'Aspirin', dob: '1979-09-10' }),
    );
    await setTimes(sent.json.id, { expiresAt: Date.now() - 1000 });

    const renewed = await api(`/api/v1/intake-requests/${sent.json.id}/renew`, {
      token: frontDesk,
      body: { expiresInDays: 7 },
    });
    expect(renewed.status).toBe(200);
    expect(renewed.json).toMatchObject({ id: sent.json.id, status: 'sent', renewals: 1, hasDraft: false });
    expect(renewed.json.link).not.toBe(sent.json.link);
    expect(Date.parse(renewed.json.expiresAt) - Date.parse(renewed.json.renewedAt)).toBe(7 * DAY);

    expect(await open(oldToken)).toEqual({ outcome: 'unknown' });
    const fresh = await open(tokenOf(renewed.json.link));
    expect(fresh).toMatchObject({
      outcome: 'open',
      status: 'opened',
      // The person's own answers carry over, their correction of the date of birth included.
      prefill: { takes_meds: true, meds: 'Aspirin', dob: '1979-09-10', first_name: 'Ren' },
    });
    const emails = await mailTo('ren@example.test');
    expect(emails.map((m) => m.bodyText).some((t) => t.includes(renewed.json.link))).toBe(true);
  });

  it('cancels: the link then answers like an unknown one, and a cancelled form cannot be renewed', async () => {
    const leadId = await createLead(frontDesk, {
      firstName: 'Cal',
      lastName: 'Cancel',
      email: 'cal@example.test',
    });
    const sent = await sendForm(frontDesk, { templateId, leadId, delivery: 'link' });
    const cancelled = await api(`/api/v1/intake-requests/${sent.json.id}/cancel`, {
      token: frontDesk,
      method: 'POST',
    });
    expect(cancelled.status).toBe(200);
    expect(cancelled.json).toMatchObject({ status: 'cancelled', cancelledAt: expect.any(String) });
    expect(await open(tokenOf(sent.json.link))).toEqual({ outcome: 'unknown' });
    expect(
      (await api(`/api/v1/intake-requests/${sent.json.id}/renew`, { token: frontDesk, body: {} })).status,
    ).toBe(409);
    expect(
      (await api(`/api/v1/intake-requests/${sent.json.id}/cancel`, { token: frontDesk, method: 'POST' }))
        .status,
    ).toBe(409);
  });

  it('lists what is outstanding per lead and per patient', async () => {
    const leadId = await createLead(frontDesk, {
      firstName: 'Out',
      lastName: 'Standing',
      email: 'out@example.test',
    });
    const waiting = await sendForm(frontDesk, { templateId, leadId, delivery: 'link' });
    const withdrawn = await sendForm(frontDesk, { templateId, leadId, delivery: 'link' });
    await api(`/api/v1/intake-requests/${withdrawn.json.id}/cancel`, { token: frontDesk, method: 'POST' });
    const lapsed = await sendForm(frontDesk, { templateId, leadId, delivery: 'link' });
    await setTimes(lapsed.json.id, { expiresAt: Date.now() - 1000 });
    const outstanding = await api(`/api/v1/intake-requests?leadId=${leadId}&outstanding=true`, {
      token: frontDesk,
    });
    expect(outstanding.json.items.map((r: { id: string; status: string }) => `${r.id}:${r.status}`)).toEqual([
      `${lapsed.json.id}:expired`,
      `${waiting.json.id}:sent`,
    ]);
    const patientId = await createPatient(admin, facilityId, {
      firstName: 'Paula',
      lastName: 'Pending',
      dateOfBirth: '1940-03-03',
    });
    const forPatient = await sendForm(frontDesk, { templateId, patientId, delivery: 'link' });
    const byPatient = await api(`/api/v1/intake-requests?patientId=${patientId}&outstanding=true`, {
      token: frontDesk,
    });
    expect(byPatient.json.items.map((r: { id: string }) => r.id)).toEqual([forPatient.json.id]);
    const paged = await api(`/api/v1/intake-requests?leadId=${leadId}&limit=2`, { token: frontDesk });
    expect(paged.json.items).toHaveLength(2);
    const rest = await api(
      `/api/v1/intake-requests?leadId=${leadId}&limit=2&cursor=${paged.json.nextCursor}`,
      {
        token: frontDesk,
      },
    );
    expect(rest.json).toMatchObject({ items: [{ id: waiting.json.id }], nextCursor: null });
  });

  it('reminds the recipient once before expiry, without the link or their details', async () => {
    const leadId = await createLead(frontDesk, {
      firstName: 'Rita',
      lastName: 'Ledger',
      email: 'rita@example.test',
      dateOfBirth: '1970-01-02',
    });
    const sent = await sendForm(frontDesk, { templateId, leadId, delivery: 'email' });
    const asLink = await sendForm(frontDesk, { templateId, leadId, delivery: 'link' });
    await runCron();
    expect(await mailTo('rita@example.test')).toHaveLength(1);

    await setTimes(sent.json.id, { sentAt: Date.now() - 12 * DAY, expiresAt: Date.now() + 2 * DAY });
    await setTimes(asLink.json.id, { sentAt: Date.now() - 12 * DAY, expiresAt: Date.now() + 2 * DAY });
    await runCron();
    await runCron();
    const emails = await mailTo('rita@example.test');
    expect(emails).toHaveLength(2);
    const reminder = emails.find((m) => m.subject.startsWith('Reminder'))!;
    expect(reminder.bodyText).toContain('Rita');
    expect(reminder.bodyText).not.toContain(tokenOf(sent.json.link));
    for (const secret of ['Ledger', '1970', '/f/']) expect(reminder.bodyText).not.toContain(secret);
    expect((await request(sent.json.id)).json.remindedAt).toEqual(expect.any(String));
    expect((await request(asLink.json.id)).json.remindedAt).toBeNull();

    // A renewed link is a new life: it may be reminded again.
    const renewed = await api(`/api/v1/intake-requests/${sent.json.id}/renew`, {
      token: frontDesk,
      body: {},
    });
    expect(renewed.json.remindedAt).toBeNull();
  });
});
