import { beforeAll, describe, expect, it } from 'vitest';
import type { FormDefinition } from '../../shared/intake/definition';
import { submit } from '../../worker/services/intake/submit-form';
import { api, createFacility, loginAs } from './helpers';
import {
  asPublic,
  auditOf,
  CLIENT,
  createLead,
  createPatient,
  publishedTemplate,
  sendForm,
  tokenOf,
} from './intake-helpers';

const TREATMENT = 'I consent to orthodontic treatment as explained to me.';
const PHOTOS = 'I allow my photos to be used in marketing.';
const FINANCIAL = 'I agree to pay for the treatment I accept.';

/** The starter form's consent block in small: three separate consents, one optional, then one signature. */
const consentForm: FormDefinition = {
  title: 'Consents',
  sections: [
    {
      id: 'about',
      title: 'About',
      fields: [
        { id: 'first_name', type: 'short_text', label: 'First name', required: true, prefill: 'firstName' },
        { id: 'dob', type: 'date', label: 'Date of birth', required: true, prefill: 'dateOfBirth' },
      ],
    },
    {
      id: 'consent',
      title: 'Consent',
      fields: [
        {
          id: 'consent_treatment',
          type: 'consent',
          label: 'I agree to treatment',
          text: TREATMENT,
          required: true,
        },
        { id: 'consent_photos', type: 'consent', label: 'Photos for marketing (optional)', text: PHOTOS },
        {
          id: 'consent_financial',
          type: 'consent',
          label: 'I agree to pay',
          text: FINANCIAL,
          required: true,
        },
        {
          id: 'consent_signature',
          type: 'signature',
          label: 'Signature',
          required: true,
          guardianIfMinor: true,
        },
      ],
    },
  ],
};

let admin: string;
let frontDesk: string;
let readOnly: string;
let doctor: string;
let templateId: string;
let versionId: string;

beforeAll(async () => {
  admin = await loginAs('clinic_admin');
  frontDesk = await loginAs('front_desk');
  readOnly = await loginAs('read_only');
  doctor = await loginAs('doctor');
  ({ templateId, versionId } = await publishedTemplate(admin, 'Consent forms', consentForm));
});

/** An error body without its request id, which differs on every answer. */
const envelope = (json: { error: Record<string, unknown> }) => ({ ...json.error, requestId: undefined });

async function sha256Hex(text: string) {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** Sends the consent form to `subject` and signs it as the person would, on the public page. */
async function signed(subject: { leadId: string } | { patientId: string }, answers: Record<string, unknown>) {
  const sent = await sendForm(frontDesk, { templateId, ...subject, delivery: 'link' });
  if (sent.status !== 201) throw new Error(`sending: ${sent.status} ${sent.text}`);
  const done = await asPublic((d, audit) =>
    // biome-ignore lint/suspicious/noExplicitAny: answers as the page posts them
    submit(d, audit, tokenOf(sent.json.link), answers as any, CLIENT),
  );
  if (done.outcome !== 'done') throw new Error(`submitting: ${JSON.stringify(done)}`);
  return done.submissionId;
}

const adultSigns = (name: string, over: Record<string, unknown> = {}) => ({
  first_name: name,
  dob: '1985-03-03',
  consent_treatment: true,
  consent_financial: true,
  consent_signature: { kind: 'typed', value: `${name} Adult`, signerName: `${name} Adult` },
  ...over,
});

/** A lead with an email (a lead needs a way to reach them), created by the front desk. */
const newLead = (body: { firstName: string; lastName: string; dateOfBirth?: string }) =>
  createLead(frontDesk, { email: `${body.firstName}.${body.lastName}@example.test`.toLowerCase(), ...body });

const consentsOf = (token: string, query: string) => api(`/api/v1/consents?${query}`, { token });

describe('consents given on a signed form', () => {
  it('lists one row per consent agreed to, with the text version and hash, signer, subject and submission', async () => {
    const leadId = await newLead({
      firstName: 'Cora',
      lastName: 'Consent',
      dateOfBirth: '1985-03-03',
    });
    const submissionId = await signed({ leadId }, adultSigns('Cora'));

    const list = await consentsOf(doctor, `leadId=${leadId}`);
    expect(list.status).toBe(200);
    // The photo consent was left unticked: it was not given.
    expect(list.json.items.map((c: { kind: string }) => c.kind).sort()).toEqual(['financial', 'treatment']);
    const treatment = list.json.items.find((c: { kind: string }) => c.kind === 'treatment');
    expect(treatment).toEqual({
      id: expect.any(String),
      kind: 'treatment',
      title: 'I agree to treatment',
      text: { formName: 'Consent forms', versionId, version: 1, sha256: await sha256Hex(TREATMENT) },
      signedBy: { name: 'Cora Adult', relationship: 'self', stated: null },
      subject: { leadId, patientId: null },
      signedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
      submissionId,
      revoked: null,
    });
    const financial = list.json.items.find((c: { kind: string }) => c.kind === 'financial');
    expect(financial.text.sha256).toBe(await sha256Hex(FINANCIAL));

    const events = await auditOf(admin, 'consent', treatment.id);
    expect(events.map((e) => e.action)).toContain('create');
  });

  it('records the parent who signed for a minor, for the minor, and an optional consent when ticked', async () => {
    const facility = await createFacility(admin, 'Consent Ortho');
    const patientId = await createPatient(admin, facility, {
      firstName: 'Milo',
      lastName: 'Minor',
      dateOfBirth: '2014-06-06',
    });
    await signed(
      { patientId },
      adultSigns('Milo', {
        dob: '2014-06-06',
        consent_photos: true,
        consent_signature: {
          kind: 'typed',
          value: 'Mara Minor',
          signerName: 'Mara Minor',
          guardian: { name: 'Mara Minor', relationship: 'Mother' },
        },
      }),
    );
    const list = await consentsOf(frontDesk, `patientId=${patientId}`);
    expect(list.json.items).toHaveLength(3);
    for (const c of list.json.items) {
      expect(c.signedBy).toEqual({ name: 'Mara Minor', relationship: 'parent', stated: 'Mother' });
      expect(c.subject).toEqual({ leadId: null, patientId });
    }
    const photo = list.json.items.find((c: { kind: string }) => c.kind === 'photo_marketing');
    expect(photo.text.sha256).toBe(await sha256Hex(PHOTOS));
  });

  it("keeps a lead's consents on the patient it becomes", async () => {
    const facility = await createFacility(admin, 'Convert Consent Ortho');
    const leadId = await newLead({
      firstName: 'Vera',
      lastName: 'Convert',
      dateOfBirth: '1985-03-03',
    });
    await signed({ leadId }, adultSigns('Vera'));
    const converted = await api(`/api/v1/leads/${leadId}/convert`, {
      token: admin,
      body: { facilityId: facility, dateOfBirth: '1985-03-03' },
    });
    expect(converted.status).toBe(200);
    const patientId = converted.json.patientId as string;
    await signed({ patientId }, adultSigns('Vera', { consent_photos: true }));

    const list = await consentsOf(admin, `patientId=${patientId}`);
    expect(list.json.items).toHaveLength(5);
    expect(
      list.json.items.filter((c: { subject: { leadId: string } }) => c.subject.leadId === leadId),
    ).toHaveLength(2);
    // Keyset pages cover the same rows once each.
    const first = await consentsOf(admin, `patientId=${patientId}&limit=3`);
    const second = await consentsOf(admin, `patientId=${patientId}&limit=3&cursor=${first.json.nextCursor}`);
    const paged = [...first.json.items, ...second.json.items].map((c: { id: string }) => c.id);
    expect(paged).toEqual(list.json.items.map((c: { id: string }) => c.id));
    expect(second.json.nextCursor).toBeNull();
  });

  it('follows a merged-away lead to the lead it was merged into, and a lead already converted to its patient', async () => {
    const kept = await newLead({ firstName: 'Mae', lastName: 'Merge', dateOfBirth: '1985-03-03' });
    const dup = await newLead({ firstName: 'Mae', lastName: 'Merged', dateOfBirth: '1985-03-03' });
    await signed({ leadId: dup }, adultSigns('Mae'));
    const merged = await api(`/api/v1/leads/${kept}/merge`, { token: admin, body: { duplicateId: dup } });
    expect(merged.status).toBe(200);
    const ofKept = (await consentsOf(admin, `leadId=${kept}`)).json.items;
    expect(ofKept).toHaveLength(2);

    // A form sent before conversion and signed after it is the patient's too.
    const facility = await createFacility(admin, 'Late Signer Ortho');
    const sent = await sendForm(frontDesk, { templateId, leadId: kept, delivery: 'link' });
    const converted = await api(`/api/v1/leads/${kept}/convert`, {
      token: admin,
      body: { facilityId: facility, dateOfBirth: '1985-03-03' },
    });
    const patientId = converted.json.patientId as string;
    const late = await asPublic((d, audit) =>
      // biome-ignore lint/suspicious/noExplicitAny: answers as the page posts them
      submit(d, audit, tokenOf(sent.json.link), adultSigns('Mae') as any, CLIENT),
    );
    expect(late.outcome).toBe('done');
    const ofPatient = (await consentsOf(admin, `patientId=${patientId}`)).json.items;
    expect(ofPatient).toHaveLength(4);
    for (const c of ofPatient) expect(c.subject).toEqual({ leadId: kept, patientId });
  });

  it('asks for exactly one of patient or lead, and audits each list', async () => {
    expect((await consentsOf(admin, '')).status).toBe(400);
    const both = await consentsOf(admin, 'leadId=a&patientId=b');
    expect(both.status).toBe(400);
    expect(both.json.error.code).toBe('validation_failed');
    const leadId = await newLead({ firstName: 'Aud', lastName: 'It' });
    expect((await consentsOf(doctor, `leadId=${leadId}`)).json.items).toEqual([]);
    const trail = await api(`/api/v1/audit?entityType=consent&action=list&limit=200`, { token: admin });
    expect(
      trail.json.items.some(
        (e: { action: string; detail: { leadId?: string } }) =>
          e.action === 'list' && e.detail?.leadId === leadId,
      ),
    ).toBe(true);
  });
});

describe('revoking a consent', () => {
  it('needs a reason, is recorded, stays listed, shows on the timeline, is audited, and answers a second time clearly', async () => {
    const leadId = await newLead({
      firstName: 'Rita',
      lastName: 'Revoke',
      dateOfBirth: '1985-03-03',
    });
    await signed({ leadId }, adultSigns('Rita', { consent_photos: true }));
    const photo = (await consentsOf(frontDesk, `leadId=${leadId}`)).json.items.find(
      (c: { kind: string }) => c.kind === 'photo_marketing',
    );
    const revoke = (token: string, body: unknown, id = photo.id) =>
      api(`/api/v1/consents/${id}/revoke`, { token, body });

    expect((await revoke(frontDesk, {})).status).toBe(400);
    expect((await revoke(frontDesk, { reason: '   ' })).json.error.code).toBe('validation_failed');
    expect((await revoke(readOnly, { reason: 'No' })).status).toBe(403);

    const done = await revoke(frontDesk, { reason: 'Asked by phone to stop using her photos' });
    expect(done.status).toBe(200);
    expect(done.json.revoked).toEqual({
      at: expect.any(String),
      byUserId: expect.any(String),
      byName: expect.any(String),
      reason: 'Asked by phone to stop using her photos',
    });

    const again = await revoke(admin, { reason: 'Twice' });
    expect(again.status).toBe(409);
    expect(again.json.error.message).toMatch(/already revoked/);

    const list = (await consentsOf(doctor, `leadId=${leadId}`)).json.items;
    expect(list).toHaveLength(3);
    const listed = list.find((c: { id: string }) => c.id === photo.id);
    expect(listed.revoked).toEqual(done.json.revoked);
    expect(list.filter((c: { revoked: unknown }) => c.revoked === null)).toHaveLength(2);

    const timeline = (await api(`/api/v1/leads/${leadId}/timeline`, { token: frontDesk })).json.items;
    expect(timeline[0]).toMatchObject({
      kind: 'consent_revoked',
      text: 'Asked by phone to stop using her photos',
      detail: { consentId: photo.id, kind: 'photo_marketing' },
    });

    const events = await auditOf(admin, 'consent', photo.id);
    const updates = events.filter((e) => e.action === 'update');
    expect(updates).toHaveLength(1);
    expect(updates[0]).toMatchObject({ outcome: 'success', detail: { revoked: true, leadId } });
  });

  it('answers another organisation exactly as a missing consent, for lists and revocations', async () => {
    const leadId = await newLead({
      firstName: 'Tess',
      lastName: 'Tenant',
      dateOfBirth: '1985-03-03',
    });
    await signed({ leadId }, adultSigns('Tess'));
    const [consent] = (await consentsOf(frontDesk, `leadId=${leadId}`)).json.items;
    const facility = await createFacility(admin, 'Tenant Consent Ortho');
    const patientId = await createPatient(admin, facility, {
      firstName: 'Pat',
      lastName: 'Tenant',
      dateOfBirth: '1980-01-01',
    });
    const other = await loginAs('clinic_admin', 'other');

    const missingLead = await consentsOf(other, 'leadId=lead_missing');
    const theirsLead = await consentsOf(other, `leadId=${leadId}`);
    expect(theirsLead.status).toBe(404);
    expect(envelope(theirsLead.json)).toEqual(envelope(missingLead.json));
    const missingPatient = await consentsOf(other, 'patientId=pat_missing');
    const theirsPatient = await consentsOf(other, `patientId=${patientId}`);
    expect(theirsPatient.status).toBe(404);
    expect(envelope(theirsPatient.json)).toEqual(envelope(missingPatient.json));

    const missing = await api('/api/v1/consents/cns_missing/revoke', { token: other, body: { reason: 'x' } });
    const theirs = await api(`/api/v1/consents/${consent.id}/revoke`, {
      token: other,
      body: { reason: 'x' },
    });
    expect(theirs.status).toBe(404);
    expect(envelope(theirs.json)).toEqual(envelope(missing.json));
    expect((await consentsOf(frontDesk, `leadId=${leadId}`)).json.items[0].revoked).toBeNull();
  });

  it('is refused, and audited as denied, for roles outside the matrix', async () => {
    const facilityAdmin = await loginAs('facility_admin');
    const leadId = await newLead({ firstName: 'Deni', lastName: 'Ed' });
    expect((await consentsOf(facilityAdmin, `leadId=${leadId}`)).status).toBe(403);
    expect((await consentsOf(doctor, `leadId=${leadId}`)).status).toBe(200);
    const refused = await api('/api/v1/consents/cns_any/revoke', { token: doctor, body: { reason: 'x' } });
    expect(refused.status).toBe(403);
    // Reading consents follows intake:view_submissions: not read-only or billing roles.
    expect((await consentsOf(readOnly, `leadId=${leadId}`)).status).toBe(403);
    const trail = await api('/api/v1/audit?entityType=route&limit=50', { token: admin });
    const denied = trail.json.items.filter(
      (e: { outcome: string; detail: { path: string } }) =>
        e.outcome === 'denied' && e.detail.path.startsWith('/api/v1/consents'),
    );
    expect(denied.map((e: { detail: { permission: string } }) => e.detail.permission)).toEqual(
      expect.arrayContaining(['intake:view_submissions', 'intake:full']),
    );
  });
});
