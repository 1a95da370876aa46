import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { intakeSubmissions } from '../../db/schema';
import { GUARDIAN_REQUIRED_MESSAGE } from '../../shared/intake/answer-checks';
import { openByToken } from '../../worker/services/intake/public-form';
import { saveDraft } from '../../worker/services/intake/save-draft';
import { submit } from '../../worker/services/intake/submit-form';
import { api, createFacility, db, loginAs } from './helpers';
import {
  adultAnswers,
  asPublic,
  auditOf,
  CLIENT,
  CONSENT_TEXT,
  createLead,
  createPatient,
  publishedTemplate,
  sendForm,
  shortForm,
  tokenOf,
} from './intake-helpers';

let admin: string;
let frontDesk: string;
let templateId: string;

beforeAll(async () => {
  admin = await loginAs('clinic_admin');
  frontDesk = await loginAs('front_desk');
  ({ templateId } = await publishedTemplate(admin, 'Short intake'));
});

// biome-ignore lint/suspicious/noExplicitAny: answers of any shape, to test what the engine refuses
const send = (answers: any, token: string) =>
  asPublic((d, audit) => submit(d, audit, token, answers, CLIENT));

/** A lead sent the short form by link; answers the link's token and the ids. */
async function leadWithForm(lead: Record<string, unknown>, template = templateId) {
  const leadId = await createLead(frontDesk, {
    email: `${String(lead.firstName).toLowerCase()}@example.test`,
    ...lead,
  });
  const sent = await sendForm(frontDesk, { templateId: template, leadId, delivery: 'link' });
  if (sent.status !== 201) throw new Error(`sending: ${sent.status} ${sent.text}`);
  return { leadId, requestId: sent.json.id as string, token: tokenOf(sent.json.link) };
}

async function sha256Hex(text: string) {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

describe('submitting a form', () => {
  it('refuses answers that break the rules, field by field, and stores nothing', async () => {
    const { token, requestId } = await leadWithForm({
      firstName: 'Val',
      lastName: 'Idate',
      dateOfBirth: '1988-01-01',
    });
    const refused = await send(adultAnswers({ meds: undefined, agree: false, email: 'nope' }), token);
    expect(refused).toMatchObject({
      outcome: 'invalid',
      errors: {
        meds: 'Answer this question',
        agree: 'Tick the box to show you agree',
        email: 'Enter a valid email address',
      },
    });
    const rows = await db()
      .select()
      .from(intakeSubmissions)
      .where(eq(intakeSubmissions.requestId, requestId));
    expect(rows).toEqual([]);
    const state = await api(`/api/v1/intake-requests/${requestId}`, { token: frontDesk });
    expect(state.json.status).toBe('sent');
  });

  it('refuses a minor by the record signing without a guardian, whatever date of birth is typed', async () => {
    const { token } = await leadWithForm({
      firstName: 'Mina',
      lastName: 'Minor',
      dateOfBirth: '2014-04-04',
      responsibleParty: { name: 'Gus Minor', relationship: 'Father' },
    });
    const alone = await send(adultAnswers({ first_name: 'Mina', dob: '2014-04-04' }), token);
    expect(alone).toMatchObject({ outcome: 'invalid', errors: { signature: GUARDIAN_REQUIRED_MESSAGE } });
    const grownUp = await send(adultAnswers({ first_name: 'Mina', dob: '1990-04-04' }), token);
    expect(grownUp).toMatchObject({ outcome: 'invalid', errors: { signature: GUARDIAN_REQUIRED_MESSAGE } });

    const signed = await send(
      adultAnswers({
        first_name: 'Mina',
        dob: '2014-04-04',
        signature: {
          kind: 'typed',
          value: 'Gus Minor',
          signerName: 'Gus Minor',
          guardian: { name: 'Gus Minor', relationship: 'Father' },
        },
      }),
      token,
    );
    expect(signed).toMatchObject({ outcome: 'done', organizationName: 'Demo Care Operations' });
    if (signed.outcome !== 'done') throw new Error('not submitted');
    const detail = await api(`/api/v1/intake-submissions/${signed.submissionId}`, { token: frontDesk });
    // Whom the form and its signature are for: the lead, by name (the guardian signs for her).
    expect(detail.json.subjectName).toBe('Mina Minor');
    const listed = await api(`/api/v1/intake-submissions?leadId=${detail.json.leadId}`, { token: frontDesk });
    expect(listed.json.items.map((i: { subjectName: string }) => i.subjectName)).toEqual(['Mina Minor']);
    expect(detail.json.signatures).toEqual([
      {
        fieldId: 'signature',
        kind: 'typed',
        signerName: 'Gus Minor',
        guardian: { name: 'Gus Minor', relationship: 'Father' },
        signedAt: expect.any(String),
        ip: CLIENT.ip,
        userAgent: CLIENT.userAgent,
        consentTextHash: await sha256Hex(CONSENT_TEXT),
        consentFieldIds: ['agree'],
      },
    ]);
  });

  it('submits once: the request is submitted, the draft dropped, and a second submit writes nothing', async () => {
    const { token, requestId, leadId } = await leadWithForm({
      firstName: 'Sue',
      lastName: 'Bmit',
      dateOfBirth: '1975-03-03',
    });
    await asPublic((d, audit) => openByToken(d, audit, token));
    await asPublic((d, audit) =>
      saveDraft(d, audit, token, { takes_meds: false }, Date.now(), { sectionId: 'health' }),
    );
    // The last step posts its own section; the draft supplies the rest.
    const done = await asPublic((d, audit) =>
      submit(d, audit, token, adultAnswers({ first_name: 'Sue', takes_meds: true }), CLIENT, Date.now(), {
        sectionId: 'consent',
      }),
    );
    expect(done).toMatchObject({ outcome: 'done' });
    if (done.outcome !== 'done') throw new Error('not submitted');
    const again = await send(adultAnswers(), token);
    expect(again).toEqual({ outcome: 'submitted', organizationName: 'Demo Care Operations' });
    expect(await asPublic((d, audit) => openByToken(d, audit, token))).toMatchObject({
      outcome: 'submitted',
    });
    expect(await asPublic((d, audit) => saveDraft(d, audit, token, {}))).toMatchObject({
      outcome: 'submitted',
    });

    const rows = await db()
      .select()
      .from(intakeSubmissions)
      .where(eq(intakeSubmissions.requestId, requestId));
    expect(rows).toHaveLength(1);
    // The section merge kept the draft's "no medicines" and the record's name from the prefill.
    expect(rows[0]!.answers).toMatchObject({ takes_meds: false, first_name: 'Sue', last_name: 'Bmit' });
    expect(rows[0]!.answers).not.toHaveProperty('meds');
    const state = (await api(`/api/v1/intake-requests/${requestId}`, { token: frontDesk })).json;
    expect(state).toMatchObject({ status: 'submitted', submissionId: done.submissionId, hasDraft: false });
    const outstanding = await api(`/api/v1/intake-requests?leadId=${leadId}&outstanding=true`, {
      token: frontDesk,
    });
    expect(outstanding.json.items).toEqual([]);
    const renew = await api(`/api/v1/intake-requests/${requestId}/renew`, { token: frontDesk, body: {} });
    expect(renew.status).toBe(409);

    const created = await auditOf(admin, 'intake_submission', done.submissionId);
    expect(created).toEqual([
      expect.objectContaining({ action: 'create', actorUserId: null, ip: CLIENT.ip }),
    ]);
  });

  it('records the version it answered, and shows the answers with that version’s labels', async () => {
    const { templateId: evolving } = await publishedTemplate(admin, 'Evolving form', shortForm('Medicines?'));
    const { token } = await leadWithForm({ firstName: 'Vera', lastName: 'Sion' }, evolving);
    await api(`/api/v1/intake-templates/${evolving}`, {
      token: admin,
      method: 'PATCH',
      body: { definition: shortForm('Medicines, vitamins or supplements?') },
    });
    const v2 = await api(`/api/v1/intake-templates/${evolving}/publish`, { token: admin, method: 'POST' });
    expect(v2.json.version).toBe(2);
    const done = await send(adultAnswers(), token);
    if (done.outcome !== 'done') throw new Error(`not submitted: ${JSON.stringify(done)}`);
    const detail = await api(`/api/v1/intake-submissions/${done.submissionId}`, { token: frontDesk });
    expect(detail.json).toMatchObject({ templateId: evolving, version: 1, templateName: 'Evolving form' });
    expect(detail.json.answers.find((a: { fieldId: string }) => a.fieldId === 'takes_meds')).toEqual({
      fieldId: 'takes_meds',
      sectionId: 'health',
      sectionTitle: 'Health',
      label: 'Medicines?',
      type: 'yes_no',
      value: true,
    });
    expect(detail.json.pdf).toEqual({ available: false });
    const reads = await auditOf(admin, 'intake_submission', done.submissionId);
    expect(reads.map((e) => e.action).sort()).toEqual(['create', 'read']);
  });
});

describe('the patient checklist', () => {
  it('completes an "intake form submitted" item by itself and moves the enrollment status', async () => {
    const facilityId = await createFacility(admin, 'Checklist Facility');
    const { templateId: consentForm } = await publishedTemplate(admin, 'Consent packet');
    const override = await api('/api/v1/checklist-templates/facility-override', {
      token: admin,
      body: { facilityId },
    });
    const bad = await api(`/api/v1/checklist-templates/${override.json.id}/items`, {
      token: admin,
      body: { title: 'Form', kind: 'task', required: true, intakeTemplateId: 'itp_nope' },
    });
    expect(bad.status).toBe(400);
    const added = await api(`/api/v1/checklist-templates/${override.json.id}/items`, {
      token: admin,
      body: {
        title: 'Consent packet submitted',
        kind: 'document',
        required: true,
        intakeTemplateId: consentForm,
      },
    });
    expect(added.status).toBe(200);
    const linked = added.json.items.find((i: { title: string }) => i.title === 'Consent packet submitted');
    expect(linked.intakeTemplateId).toBe(consentForm);

    const patientId = await createPatient(admin, facilityId, {
      firstName: 'Cora',
      lastName: 'Check',
      dateOfBirth: '1944-06-19',
    });
    const sent = await sendForm(frontDesk, { templateId: consentForm, patientId, delivery: 'link' });
    const done = await send(
      adultAnswers({ first_name: 'Cora', last_name: 'Check', dob: '1944-06-19' }),
      tokenOf(sent.json.link),
    );
    expect(done).toMatchObject({ outcome: 'done' });

    const checklist = (await api(`/api/v1/patients/${patientId}/checklist`, { token: admin })).json;
    const item = checklist.items.find((i: { title: string }) => i.title === 'Consent packet submitted');
    expect(item).toMatchObject({ done: true, doneBy: 'intake_form' });
    expect(checklist.items.filter((i: { done: boolean }) => i.done)).toHaveLength(1);
    expect(checklist.enrollment.status).toBe('in_progress');
    const patient = (await api(`/api/v1/patients/${patientId}`, { token: admin })).json;
    expect(patient.enrollmentStatus).toBe('in_progress');
    const history = (await api(`/api/v1/patients/${patientId}/status-history`, { token: admin })).json.items;
    expect(history).toEqual([
      expect.objectContaining({
        fromStatus: 'not_started',
        toStatus: 'in_progress',
        reason: 'Intake form "Consent packet" submitted',
        changedBy: 'intake_form',
      }),
    ]);

    // Another form for the same patient completes nothing.
    const other = await sendForm(frontDesk, { templateId, patientId, delivery: 'link' });
    await send(
      adultAnswers({ first_name: 'Cora', last_name: 'Check', dob: '1944-06-19' }),
      tokenOf(other.json.link),
    );
    const after = (await api(`/api/v1/patients/${patientId}/checklist`, { token: admin })).json;
    expect(after.items.filter((i: { done: boolean }) => i.done)).toHaveLength(1);
  });
});

describe('reviewing submissions', () => {
  it('shows field by field what would change, and accepts only the chosen fields, once', async () => {
    const { token, leadId } = await leadWithForm({
      firstName: 'Acey',
      lastName: 'Cept',
      email: 'acey.old@example.test',
      phone: '512-555-0199',
      dateOfBirth: '1981-01-01',
    });
    const done = await send(
      adultAnswers({
        first_name: 'Acey',
        last_name: 'Cept-Smith',
        dob: '1981-01-01',
        email: 'Acey.New@Example.test',
        phone: '512-555-0200',
      }),
      token,
    );
    if (done.outcome !== 'done') throw new Error('not submitted');
    const changes = await api(`/api/v1/intake-submissions/${done.submissionId}/changes`, {
      token: frontDesk,
    });
    expect(changes.status).toBe(200);
    expect(changes.json.subject).toEqual({ type: 'lead', id: leadId });
    const byField = Object.fromEntries(
      changes.json.fields.map(
        (f: { fieldId: string; current: string; submitted: string; changed: boolean }) => [
          f.fieldId,
          [f.current, f.submitted, f.changed],
        ],
      ),
    );
    expect(byField).toEqual({
      first_name: ['Acey', 'Acey', false],
      last_name: ['Cept', 'Cept-Smith', true],
      dob: ['1981-01-01', '1981-01-01', false],
      email: ['acey.old@example.test', 'acey.new@example.test', true],
      phone: ['512-555-0199', '512-555-0200', true],
    });

    const unknownField = await api(`/api/v1/intake-submissions/${done.submissionId}/accept`, {
      token: frontDesk,
      body: { fields: ['takes_meds'] },
    });
    expect(unknownField.status).toBe(400);
    expect(unknownField.json.error.details[0].path).toBe('fields.0');

    const accepted = await api(`/api/v1/intake-submissions/${done.submissionId}/accept`, {
      token: frontDesk,
      body: { fields: ['phone', 'last_name'] },
    });
    expect(accepted.status).toBe(200);
    expect(accepted.json.accepted).toMatchObject({
      by: 'usr_demo_front_desk',
      fields: ['phone', 'last_name'],
    });
    const lead = (await api(`/api/v1/leads/${leadId}`, { token: frontDesk })).json;
    expect(lead).toMatchObject({
      lastName: 'Cept-Smith',
      phone: '512-555-0200',
      email: 'acey.old@example.test',
    });
    // The lead is found by its new phone number (the match key followed).
    const found = await api('/api/v1/leads?q=5125550200', { token: frontDesk });
    expect(found.json.items.map((l: { id: string }) => l.id)).toContain(leadId);

    const twice = await api(`/api/v1/intake-submissions/${done.submissionId}/accept`, {
      token: frontDesk,
      body: { fields: [] },
    });
    expect(twice.status).toBe(409);
    const leadTrail = await auditOf(admin, 'lead', leadId);
    expect(leadTrail).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          action: 'update',
          detail: expect.objectContaining({
            changed: ['phone', 'lastName'],
            submissionId: done.submissionId,
          }),
        }),
      ]),
    );
    const unaccepted = await api(`/api/v1/intake-submissions?leadId=${leadId}&accepted=false`, {
      token: frontDesk,
    });
    expect(unaccepted.json.items).toEqual([]);
    const acceptedList = await api(`/api/v1/intake-submissions?leadId=${leadId}&accepted=true`, {
      token: frontDesk,
    });
    expect(acceptedList.json.items.map((s: { id: string }) => s.id)).toEqual([done.submissionId]);
  });

  it("accepts into a patient the birth date, email and phone they wrote, and prefills the patient's own contact next time", async () => {
    const facilityId = await createFacility(admin, 'Review Facility');
    const patientId = await createPatient(admin, facilityId, {
      firstName: 'Pia',
      lastName: 'Tient',
      dateOfBirth: '1950-05-05',
    });
    const sent = await sendForm(frontDesk, { templateId, patientId, delivery: 'link' });
    const done = await send(
      adultAnswers({
        first_name: 'Pia',
        last_name: 'Tient',
        dob: '1950-05-06',
        phone: '512-555-0300',
        email: 'Pia.Tient@Example.com',
      }),
      tokenOf(sent.json.link),
    );
    if (done.outcome !== 'done') throw new Error('not submitted');
    const changes = (
      await api(`/api/v1/intake-submissions/${done.submissionId}/changes`, { token: frontDesk })
    ).json;
    expect(changes.fields.find((f: { fieldId: string }) => f.fieldId === 'phone')).toMatchObject({
      current: null,
      submitted: '512-555-0300',
      applicable: true,
    });
    const accepted = await api(`/api/v1/intake-submissions/${done.submissionId}/accept`, {
      token: frontDesk,
      body: { fields: ['dob', 'phone', 'email'] },
    });
    expect(accepted.status).toBe(200);
    const patient = (await api(`/api/v1/patients/${patientId}`, { token: admin })).json;
    expect(patient).toMatchObject({
      dateOfBirth: '1950-05-06',
      phone: '512-555-0300',
      email: 'pia.tient@example.com',
    });
    // The next form is emailed to the address the patient gave, with it prefilled.
    const next = await sendForm(frontDesk, { templateId, patientId, delivery: 'email' });
    expect(next.status).toBe(201);
    expect(next.json.recipientEmail).toBe('pia.tient@example.com');
  });

  it('needs intake:view_submissions, and the record’s edit permission to change it', async () => {
    const { token, leadId } = await leadWithForm({
      firstName: 'Doc',
      lastName: 'Review',
      dateOfBirth: '1960-01-01',
    });
    const done = await send(adultAnswers({ last_name: 'Reviewed' }), token);
    if (done.outcome !== 'done') throw new Error('not submitted');
    const readOnly = await loginAs('read_only');
    expect((await api('/api/v1/intake-submissions', { token: readOnly })).status).toBe(403);
    expect((await api(`/api/v1/intake-submissions/${done.submissionId}`, { token: readOnly })).status).toBe(
      403,
    );
    const doctor = await loginAs('doctor');
    const list = await api(`/api/v1/intake-submissions?leadId=${leadId}`, { token: doctor });
    expect(list.json.items.map((s: { id: string }) => s.id)).toEqual([done.submissionId]);
    const change = await api(`/api/v1/intake-submissions/${done.submissionId}/accept`, {
      token: doctor,
      body: { fields: ['last_name'] },
    });
    expect(change.status).toBe(403);
    const reviewOnly = await api(`/api/v1/intake-submissions/${done.submissionId}/accept`, {
      token: doctor,
      body: { fields: [] },
    });
    expect(reviewOnly.status).toBe(200);
    expect((await api(`/api/v1/leads/${leadId}`, { token: doctor })).json.lastName).toBe('Review');
  });

  it("answers another organisation's submissions like missing ones", async () => {
    const { token } = await leadWithForm({ firstName: 'Iso', lastName: 'Lated' });
    const done = await send(adultAnswers(), token);
    if (done.outcome !== 'done') throw new Error('not submitted');
    const other = await loginAs('clinic_admin', 'other');
    for (const res of [
      await api(`/api/v1/intake-submissions/${done.submissionId}`, { token: other }),
      await api(`/api/v1/intake-submissions/${done.submissionId}/changes`, { token: other }),
      await api(`/api/v1/intake-submissions/${done.submissionId}/accept`, {
        token: other,
        body: { fields: [] },
      }),
    ]) {
      expect(res.status).toBe(404);
    }
    expect((await api('/api/v1/intake-submissions', { token: other })).json.items).toEqual([]);
  });
});
