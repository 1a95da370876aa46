import { beforeAll, describe, expect, it } from 'vitest';
import { addCalendarDays } from '../../shared/calendar-date';
import { AUTHORIZATION_ELEMENTS } from '../../shared/records/authorization';
import { api } from './helpers';
import { createRequest, recordsSetup, todayIso } from './records-helpers';
import { uploadFile } from './records-transfer-helpers';

let frontDesk: string;
let doctor: string;
let outgoing: Awaited<ReturnType<typeof recordsSetup>>['outgoing'];

beforeAll(async () => {
  ({ frontDesk, doctor, outgoing } = await recordsSetup('Records Authorization Facility'));
});

const ALL = [...AUTHORIZATION_ELEMENTS];
const inAYear = () => addCalendarDays(todayIso(), 365);
const thirdParty = async (over: Record<string, unknown> = {}) =>
  (
    await createRequest(
      outgoing({
        requesterKind: 'third_party',
        party: { name: 'Law Office', email: 'law@example.test' },
        ...over,
      }),
      frontDesk,
    )
  ).json;
const check = (id: string, body: Record<string, unknown>) =>
  api(`/api/v1/records-requests/${id}/authorization`, { token: frontDesk, body });
const approve = (id: string) =>
  api(`/api/v1/records-requests/${id}/status`, { token: doctor, body: { to: 'approved' } });

describe('the signed authorization on file before approval', () => {
  it("refuses to approve a third party's request until the signed form is uploaded, saying what to do", async () => {
    const { id } = await thirdParty();
    const checked = await check(id, { kind: 'authorization', elements: ALL, expiresOn: inAYear() });
    expect(checked.json).toMatchObject({
      status: 'on_hold',
      hasAuthorizationFile: false,
      missingForRelease: ['a copy of the signed authorization form'],
    });
    expect(checked.json.statusReason).toBe('Missing: a copy of the signed authorization form');

    const refused = await approve(id);
    expect(refused.status).toBe(409);
    expect(refused.json.error.code).toBe('conflict');
    expect(refused.json.error.message).toBe(
      'Before approval the request needs a copy of the signed authorization form. Upload the signed authorization on the request, or send the authorization form for the patient to sign online.',
    );
    expect(refused.json.error.details).toEqual([
      { path: 'authorization', issue: 'a copy of the signed authorization form' },
    ]);

    // The upload settles the hold the check set: the request waits for approval.
    expect((await uploadFile(frontDesk, id, 'authorization', undefined, 'Signed.pdf')).status).toBe(201);
    const request = await api(`/api/v1/records-requests/${id}`, { token: doctor });
    expect(request.json).toMatchObject({
      status: 'authorization_check',
      statusReason: null,
      hasAuthorizationFile: true,
      missingForRelease: [],
    });
    expect((await approve(id)).json.status).toBe('approved');
    const timeline = (await api(`/api/v1/records-requests/${id}/timeline`, { token: doctor })).json.items;
    expect(timeline.find((e: { kind: string }) => e.kind === 'authorization_file')).toMatchObject({
      fromStatus: 'on_hold',
      toStatus: 'authorization_check',
    });
  });

  it('refuses an authorization that has expired, even with the form on file', async () => {
    const { id } = await thirdParty();
    await uploadFile(frontDesk, id, 'authorization');
    const expired = await check(id, { kind: 'authorization', elements: ALL, expiresOn: '2024-06-30' });
    expect(expired.json.status).toBe('on_hold');
    const refused = await approve(id);
    expect(refused.status).toBe(409);
    expect(refused.json.error.message).toContain(
      'an authorization that has not expired (it expired 2024-06-30)',
    );
  });

  it('keeps a hold staff set themselves when a document arrives, and answers a form on file but unchecked', async () => {
    const { id } = await thirdParty();
    await api(`/api/v1/records-requests/${id}/status`, {
      token: frontDesk,
      body: { to: 'on_hold', reason: 'Waiting for the court order' },
    });
    await uploadFile(frontDesk, id, 'authorization');
    const held = (await api(`/api/v1/records-requests/${id}`, { token: doctor })).json;
    expect(held).toMatchObject({ status: 'on_hold', statusReason: 'Waiting for the court order' });
    expect(held.missingForRelease).toEqual([
      'the signed authorization checked for every element HIPAA requires',
    ]);
    expect((await approve(id)).json.error.message).toContain('Record the authorization check');
  });

  it("approves a patient's own request on the identity check alone", async () => {
    const { id, missingForRelease } = (await createRequest(outgoing(), frontDesk)).json;
    expect(missingForRelease).toEqual(["verification of the patient's identity"]);
    await api(`/api/v1/records-requests/${id}/status`, {
      token: frontDesk,
      body: { to: 'authorization_check' },
    });
    const refused = await approve(id);
    expect(refused.json.error.message).toContain("Record how the patient's identity was verified.");
    await check(id, { kind: 'identity', method: 'photo_id_in_person' });
    expect((await approve(id)).json.status).toBe('approved');
  });

  it('needs a separate authorization for psychotherapy notes, flagged from the record types', async () => {
    const { id, protectedRecords } = await thirdParty({
      recordTypes: ['Visit notes', 'Psychotherapy notes'],
    });
    expect(protectedRecords).toBe(true);
    await uploadFile(frontDesk, id, 'authorization');
    // The check cannot clear what the record types say.
    const checked = await check(id, {
      kind: 'authorization',
      elements: ALL,
      expiresOn: inAYear(),
      psychotherapyNotes: false,
    });
    expect(checked.json).toMatchObject({ status: 'on_hold', protectedRecords: true });
    expect(checked.json.missingForRelease).toEqual([
      'a separate signed authorization for the psychotherapy notes (or other specially protected records), not combined with any other authorization',
    ]);
    const refused = await approve(id);
    expect(refused.status).toBe(409);
    expect(refused.json.error.message).toContain(
      'Upload the separate signed authorization for the protected records on the request.',
    );
    expect((await uploadFile(frontDesk, id, 'protected_authorization')).status).toBe(201);
    expect((await approve(id)).json).toMatchObject({
      status: 'approved',
      hasProtectedAuthorizationFile: true,
    });
  });
});
