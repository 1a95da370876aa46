import { beforeAll, describe, expect, it } from 'vitest';
import { addCalendarDays } from '../../shared/calendar-date';
import { AUTHORIZATION_ELEMENTS } from '../../shared/records/authorization';
import { api, BASE, loginAs, mailbox, settleBackgroundWork, workerFetch } from './helpers';
import { auditOf, createLead, tokenOf } from './intake-helpers';
import { pdfText } from './pdf-text';
import { createRequest, recordsSetup, todayIso } from './records-helpers';

let admin: string;
let frontDesk: string;
let doctor: string;
let outgoing: Awaited<ReturnType<typeof recordsSetup>>['outgoing'];

beforeAll(async () => {
  ({ admin, frontDesk, doctor, outgoing } = await recordsSetup('Records Form Facility'));
});

const thirdParty = async (over: Record<string, unknown> = {}) =>
  (
    await createRequest(
      outgoing({
        requesterKind: 'third_party',
        party: { name: 'Dr. Quinn', organization: 'Quinn Clinic', email: 'quinn@clinic.test' },
        recordTypes: ['Visit notes', 'X-rays'],
        purpose: 'Continuity of care',
        ...over,
      }),
      frontDesk,
    )
  ).json;
const sendForm = (id: string, body: Record<string, unknown>, token = frontDesk) =>
  api(`/api/v1/records-requests/${id}/authorization-form`, { token, body });

/** One step of the public form, posted as a browser without JavaScript does. */
async function step(token: string, fields: Record<string, string>) {
  const res = await workerFetch(`${BASE}/f/${token}`, {
    method: 'POST',
    headers: {
      Origin: BASE,
      'CF-Connecting-IP': '203.0.113.44',
      'Content-Type': 'application/x-www-form-urlencoded',
    },
    body: new URLSearchParams(fields).toString(),
    redirect: 'manual',
  });
  expect(res.status, await res.text()).toBe(303);
}

/** Fills and signs the authorization form; the release step keeps what the request pre-filled. */
async function signOnline(
  token: string,
  sign: Record<string, string>,
  expiresOn = addCalendarDays(todayIso(), 365),
) {
  const page = await api(`/f/${token}?step=2`);
  expect(page.text).toContain('Visit notes, X-rays, from 2024-01-01 to 2025-12-31');
  expect(page.text).toContain('Quinn Clinic');
  await step(token, {
    _section: 'auth_patient',
    action: 'next',
    first_name: 'Rita',
    last_name: 'Records',
    date_of_birth: '1950-02-03',
  });
  await step(token, {
    _section: 'auth_release',
    action: 'next',
    auth_discloser: 'Demo Orthodontics',
    auth_description: 'Visit notes, X-rays, from 2024-01-01 to 2025-12-31',
    auth_recipient: 'Dr. Quinn\nQuinn Clinic',
    auth_purpose: 'Continuity of care',
    auth_expiry_kind: 'date',
    auth_expires_on: expiresOn,
  });
  await step(token, {
    _section: 'auth_sign',
    action: 'submit',
    auth_revocation: 'yes',
    auth_conditioning: 'yes',
    auth_redisclosure: 'yes',
    ...sign,
  });
  // The signed PDF is stored (and attached) after the thank-you page.
  await settleBackgroundWork();
}

describe('the authorization form signed online', () => {
  it('sends the form, and the signed PDF becomes the request’s authorization with its checklist ticked, so it can be approved', async () => {
    const { id } = await thirdParty();
    const sent = await sendForm(id, { email: 'rita@example.test' });
    expect(sent.status).toBe(201);
    expect(sent.json.form).toMatchObject({
      templateName: 'Authorization to disclose health records',
      patientId: expect.any(String),
      recipientEmail: 'rita@example.test',
      status: 'sent',
    });
    expect(sent.json.request.authorizationFormId).toBe(sent.json.form.id);
    const email = (await mailbox()).find((m) => m.recipient === 'rita@example.test');
    expect(email?.bodyText).toContain(sent.json.form.link);

    // The second send reuses the built-in template: one template, one version.
    const again = await sendForm(id, { delivery: 'link' });
    expect(again.json.form.templateId).toBe(sent.json.form.templateId);
    expect(again.json.form.version).toBe(1);
    // Only the latest form's signature counts: the first link is cancelled.
    const first = await api(`/api/v1/intake-requests/${sent.json.form.id}`, { token: admin });
    expect(first.json.status).toBe('cancelled');

    const token = tokenOf(again.json.form.link);
    await signOnline(token, {
      auth_by_representative: 'no',
      'auth_signature.signerName': 'Rita Records',
      'auth_signature.value': 'Rita Records',
    });

    const request = (await api(`/api/v1/records-requests/${id}`, { token: doctor })).json;
    expect(request).toMatchObject({
      status: 'authorization_check',
      statusReason: null,
      hasAuthorizationFile: true,
      missingForRelease: [],
      authorization: {
        kind: 'authorization',
        signedByRepresentative: false,
        expiresOn: addCalendarDays(todayIso(), 365),
        submissionId: expect.any(String),
      },
    });
    expect([...request.authorization.elements].sort()).toEqual([...AUTHORIZATION_ELEMENTS].sort());

    const files = (await api(`/api/v1/records-requests/${id}/documents`, { token: doctor })).json.items;
    expect(files).toMatchObject([{ kind: 'authorization', fileName: 'Authorization signed online.pdf' }]);
    const download = await workerFetch(
      `${BASE}/api/v1/records-requests/${id}/documents/${files[0].id}/download`,
      {
        headers: { Authorization: `Bearer ${doctor}` },
      },
    );
    const text = await pdfText(new Uint8Array(await download.arrayBuffer()));
    expect(text).toContain('Signed by: Rita Records');
    expect(text).toContain('may be redisclosed by the recipient');

    const timeline = (await api(`/api/v1/records-requests/${id}/timeline`, { token: doctor })).json.items;
    expect(timeline.map((e: { kind: string }) => e.kind)).toEqual([
      'authorization_signed',
      'authorization_form',
      'authorization_form',
      'created',
    ]);
    expect(timeline[0]).toMatchObject({
      fromStatus: 'received',
      toStatus: 'authorization_check',
      createdBy: null,
    });
    const audit = await auditOf(admin, 'records_request', id);
    expect(audit.find((e) => e.detail?.authorization === 'signed_online')).toMatchObject({
      actorUserId: null,
      outcome: 'success',
    });

    expect(
      (await api(`/api/v1/records-requests/${id}/status`, { token: doctor, body: { to: 'approved' } })).json
        .status,
    ).toBe('approved');
  });

  it("sends a minor's form to the responsible party, whose signature stands with their authority", async () => {
    const leadId = await createLead(frontDesk, {
      firstName: 'Theo',
      lastName: 'Young',
      phone: '512-555-0142',
      email: 'theo@example.test',
      dateOfBirth: '2015-06-01',
      responsibleParty: { name: 'Rae Young', relationship: 'Mother', email: 'rae.young@example.test' },
    });
    const { id } = await thirdParty({ patientId: undefined, leadId });
    const own = await sendForm(id, { email: 'theo@example.test' });
    expect(own.status).toBe(400);
    const sent = await sendForm(id, {});
    expect(sent.json.form.recipientEmail).toBe('rae.young@example.test');
    const token = tokenOf(sent.json.form.link);
    await step(token, {
      _section: 'auth_patient',
      action: 'next',
      first_name: 'Theo',
      last_name: 'Young',
      date_of_birth: '2015-06-01',
    });
    await step(token, {
      _section: 'auth_release',
      action: 'next',
      auth_discloser: 'Demo Orthodontics',
      auth_description: 'Visit notes',
      auth_recipient: 'Dr. Quinn',
      auth_purpose: 'Continuity of care',
      auth_expiry_kind: 'event',
      auth_expiry_event: 'When treatment ends',
    });
    await step(token, {
      _section: 'auth_sign',
      action: 'submit',
      auth_revocation: 'yes',
      auth_conditioning: 'yes',
      auth_redisclosure: 'yes',
      auth_by_representative: 'no',
      'auth_signature.signerName': 'Rae Young',
      'auth_signature.value': 'Rae Young',
      'auth_signature.guardianName': 'Rae Young',
      'auth_signature.guardianRelationship': 'Mother',
    });
    await settleBackgroundWork();
    const request = (await api(`/api/v1/records-requests/${id}`, { token: doctor })).json;
    expect(request).toMatchObject({
      status: 'authorization_check',
      missingForRelease: [],
      authorization: { signedByRepresentative: true, representativeAuthority: true, expiresOn: null },
    });
  });

  it("refuses a patient's own request, a closed one, and another organisation's", async () => {
    const own = (await createRequest(outgoing(), frontDesk)).json;
    const refused = await sendForm(own.id, { email: 'rita@example.test' });
    expect(refused.status).toBe(409);
    expect(refused.json.error.message).toContain('needs their identity verified');
    const { id } = await thirdParty();
    await api(`/api/v1/records-requests/${id}/status`, {
      token: frontDesk,
      body: { to: 'withdrawn', reason: 'No longer needed' },
    });
    expect((await sendForm(id, { email: 'rita@example.test' })).status).toBe(409);
    expect((await sendForm(id, { delivery: 'fax' })).status).toBe(400);
    const other = await loginAs('clinic_admin', 'other');
    const foreign = await sendForm(id, { email: 'x@example.test' }, other);
    expect(foreign.status).toBe(404);
    expect((await sendForm(id, { email: 'rita@example.test' }, await loginAs('read_only'))).status).toBe(403);
  });
});
