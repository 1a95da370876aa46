import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { intakeSubmissions, patientConsents } from '../../db/schema';
import { submit } from '../../worker/services/intake/submit-form';
import { api, createFacility, db, loginAs } from './helpers';
import {
  adultAnswers,
  asPublic,
  auditOf,
  CLIENT,
  CONSENT_TEXT,
  createLead,
  publishedTemplate,
  runCron,
  sendForm,
  tokenOf,
} from './intake-helpers';

let admin: string;
let templateId: string;

beforeAll(async () => {
  admin = await loginAs('clinic_admin');
  ({ templateId } = await publishedTemplate(admin, 'Backfill consent form'));
});

async function sha256Hex(text: string) {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** A signed form whose consents are then taken away, as for a form signed before the consents table existed. */
async function signedBeforeConsentsTable(leadId: string) {
  const sent = await sendForm(admin, { templateId, leadId, delivery: 'link' });
  const done = await asPublic((d, audit) =>
    submit(d, audit, tokenOf(sent.json.link), adultAnswers(), CLIENT),
  );
  if (done.outcome !== 'done') throw new Error(`submitting: ${JSON.stringify(done)}`);
  await db().batch([
    db().delete(patientConsents).where(eq(patientConsents.submissionId, done.submissionId)),
    db()
      .update(intakeSubmissions)
      .set({ consentsRecordedAt: null })
      .where(eq(intakeSubmissions.id, done.submissionId)),
  ]);
  return done.submissionId;
}

const consentsOf = (query: string) => api(`/api/v1/consents?${query}`, { token: admin });

describe('consents signed before the consents table', () => {
  it('are recorded by the cron once, on the patient the lead became, with the hash of the text signed', async () => {
    const facility = await createFacility(admin, 'Backfill Consent Ortho');
    const leadId = await createLead(admin, {
      firstName: 'Olga',
      lastName: 'Oldform',
      dateOfBirth: '1980-05-05',
      email: 'olga.oldform@example.test',
    });
    const submissionId = await signedBeforeConsentsTable(leadId);
    const converted = await api(`/api/v1/leads/${leadId}/convert`, {
      token: admin,
      body: { facilityId: facility, dateOfBirth: '1980-05-05' },
    });
    expect(converted.status).toBe(200);
    const patientId = converted.json.patientId as string;
    expect((await consentsOf(`patientId=${patientId}`)).json.items).toEqual([]);

    await runCron();
    await runCron();

    const list = await consentsOf(`patientId=${patientId}`);
    expect(list.json.items).toEqual([
      expect.objectContaining({
        kind: expect.any(String),
        title: 'I agree',
        text: expect.objectContaining({ sha256: await sha256Hex(CONSENT_TEXT) }),
        signedBy: { name: 'Ann Adult', relationship: 'self', stated: null },
        subject: { leadId, patientId },
        submissionId,
        revoked: null,
      }),
    ]);
    const events = await auditOf(admin, 'consent', list.json.items[0].id);
    expect(events).toEqual([
      expect.objectContaining({
        action: 'create',
        actorUserId: null,
        detail: expect.objectContaining({ backfilled: true }),
      }),
    ]);
  });

  it('leaves a submission whose consents were recorded when it was signed as it is', async () => {
    const leadId = await createLead(admin, {
      firstName: 'Nina',
      lastName: 'Newform',
      dateOfBirth: '1980-05-05',
      email: 'nina.newform@example.test',
    });
    const sent = await sendForm(admin, { templateId, leadId, delivery: 'link' });
    await asPublic((d, audit) => submit(d, audit, tokenOf(sent.json.link), adultAnswers(), CLIENT));
    const before = (await consentsOf(`leadId=${leadId}`)).json.items;
    expect(before).toHaveLength(1);

    await runCron();

    expect((await consentsOf(`leadId=${leadId}`)).json.items).toEqual(before);
  });
});
