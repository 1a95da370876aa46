import { beforeAll, describe, expect, it } from 'vitest';
import { addCalendarDays } from '../../shared/calendar-date';
import { api, loginAs } from './helpers';
import { createRequest, recordsSetup, todayIso } from './records-helpers';
import { uploadFile } from './records-transfer-helpers';

let admin: string;
let frontDesk: string;
let doctor: string;
let readOnly: string;
let patientId: string;
let outgoing: Awaited<ReturnType<typeof recordsSetup>>['outgoing'];

beforeAll(async () => {
  ({ admin, frontDesk, doctor, readOnly, patientId, outgoing } =
    await recordsSetup('Records Requests Facility'));
});

const create = (body: Record<string, unknown>, token = frontDesk) => createRequest(body, token);
const authorize = (id: string, body: Record<string, unknown>, token = frontDesk) =>
  api(`/api/v1/records-requests/${id}/authorization`, { token, body });
const move = (id: string, to: string, token: string, reason?: string) =>
  api(`/api/v1/records-requests/${id}/status`, { token, body: reason ? { to, reason } : { to } });

describe('authorization check', () => {
  const ALL = [
    'description',
    'discloser',
    'recipient',
    'purpose',
    'expiration',
    'signature_and_date',
    'revocation_statement',
    'conditioning_statement',
    'redisclosure_statement',
  ];
  const thirdParty = () =>
    create(
      outgoing({
        requesterKind: 'third_party',
        party: { name: 'Acme Insurance', email: 'claims@acme.test' },
      }),
    );

  it('holds a third-party request with a message naming each missing element, then releases it when complete', async () => {
    const { id } = (await thirdParty()).json;
    expect((await authorize(id, { kind: 'identity', method: 'portal_account' })).status).toBe(400);
    const partial = await authorize(id, {
      kind: 'authorization',
      elements: ALL.filter((e) => e !== 'redisclosure_statement' && e !== 'expiration'),
      signedByRepresentative: true,
    });
    expect(partial.status).toBe(200);
    expect(partial.json.status).toBe('on_hold');
    expect(partial.json.statusReason).toContain('an expiration date or event');
    expect(partial.json.statusReason).toContain('may be redisclosed by the recipient');
    expect(partial.json.statusReason).toContain("representative's authority");
    expect((await move(id, 'approved', doctor)).status).toBe(409);
    const expired = await authorize(id, { kind: 'authorization', elements: ALL, expiresOn: '2020-01-01' });
    expect(expired.json).toMatchObject({ status: 'on_hold' });
    expect(expired.json.statusReason).toContain('expired 2020-01-01');
    // The signed form on file, and the separate one psychotherapy notes need.
    expect((await uploadFile(frontDesk, id, 'authorization')).status).toBe(201);
    expect((await uploadFile(frontDesk, id, 'protected_authorization')).status).toBe(201);
    const complete = await authorize(id, {
      kind: 'authorization',
      elements: ALL,
      expiresOn: addCalendarDays(todayIso(), 90),
      psychotherapyNotes: true,
    });
    expect(complete.json).toMatchObject({
      status: 'authorization_check',
      statusReason: null,
      missingForRelease: [],
      protectedRecords: true,
    });
    expect((await move(id, 'approved', doctor)).json.status).toBe('approved');
    expect((await authorize(id, { kind: 'authorization', elements: ALL })).status).toBe(409);
    const timeline = (await api(`/api/v1/records-requests/${id}/timeline`, { token: readOnly })).json.items;
    expect(timeline.filter((e: { kind: string }) => e.kind === 'authorization')).toHaveLength(3);
  });

  it("needs a patient's identity verified before their own request is approved", async () => {
    const { id, missingForRelease } = (await create(outgoing())).json;
    expect(missingForRelease).toEqual(["verification of the patient's identity"]);
    expect((await authorize(id, { kind: 'authorization', elements: ALL })).status).toBe(400);
    const verified = await authorize(id, { kind: 'identity', method: 'photo_id_copy' });
    expect(verified.json).toMatchObject({
      status: 'authorization_check',
      authorization: { kind: 'identity', method: 'photo_id_copy' },
      missingForRelease: [],
    });
    expect((await authorize(id, { kind: 'identity', method: 'x' })).status).toBe(400);
    expect((await authorize(id, { kind: 'identity', method: 'photo_id_copy' }, readOnly)).status).toBe(403);
  });
});

describe('records requests', () => {
  it('logs an outgoing request with the HIPAA due date, the rule that set it and a timeline', async () => {
    const receivedOn = addCalendarDays(todayIso(), -3);
    const res = await create(outgoing({ receivedOn }));
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({
      direction: 'outgoing',
      status: 'received',
      open: true,
      subjectName: 'Rita Records',
      dueOn: addCalendarDays(receivedOn, 30),
      daysLeft: 27,
      dueRule: { id: 'us-hipaa-access', citation: '45 CFR 164.524(b)(2)' },
      party: { name: 'Rita Records', referringProviderId: null },
    });
    const timeline = await api(`/api/v1/records-requests/${res.json.id}/timeline`, { token: readOnly });
    expect(timeline.json.items.map((e: { kind: string }) => e.kind)).toEqual(['created']);
  });

  it('refuses bad input with the error envelope, never a 500', async () => {
    const cases = [
      outgoing({ patientId: undefined }),
      outgoing({ recordTypes: [] }),
      outgoing({ receivedOn: '2025-02-30' }),
      outgoing({ dateFrom: '2025-05-01', dateTo: '2025-01-01' }),
      outgoing({ direction: 'incoming', requesterKind: 'patient' }),
      outgoing({ party: { name: 'A\u202Eb' } }),
      outgoing({ extra: 1 }),
    ];
    for (const body of cases) {
      const res = await create(body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.json.error.code).toBe('validation_failed');
    }
    const future = await create(outgoing({ receivedOn: addCalendarDays(todayIso(), 2) }));
    expect(future.status).toBe(400);
    expect((await create(outgoing({ patientId: 'pat_nope' }))).status).toBe(404);
  });

  it('moves through the statuses, each with its permission, on the timeline', async () => {
    const { id } = (await create(outgoing())).json;
    expect((await move(id, 'approved', admin)).status).toBe(409);
    expect((await move(id, 'sent', admin)).status).toBe(409);
    expect((await move(id, 'on_hold', frontDesk)).status).toBe(400);
    expect((await move(id, 'approved', frontDesk)).status).toBe(409);
    const held = await move(id, 'on_hold', frontDesk, 'The signed authorization is missing');
    expect(held.json).toMatchObject({
      status: 'on_hold',
      statusReason: 'The signed authorization is missing',
    });
    expect((await move(id, 'authorization_check', frontDesk)).json.status).toBe('authorization_check');
    expect((await move(id, 'approved', frontDesk)).status).toBe(403);
    const unverified = await move(id, 'approved', doctor);
    expect(unverified.status).toBe(409);
    expect(unverified.json.error.message).toContain("verification of the patient's identity");
    await authorize(id, { kind: 'identity', method: 'photo_id_in_person' });
    expect((await move(id, 'approved', doctor)).json.status).toBe('approved');
    expect((await move(id, 'preparing', doctor)).status).toBe(403);
    expect((await move(id, 'preparing', frontDesk)).json.status).toBe('preparing');
    expect((await move(id, 'sent', frontDesk)).json.status).toBe('sent');
    expect((await move(id, 'completed', readOnly)).status).toBe(403);
    const done = await move(id, 'completed', frontDesk);
    expect(done.json).toMatchObject({ status: 'completed', open: false });
    expect(done.json.closedAt).toEqual(expect.any(String));
    expect((await move(id, 'withdrawn', admin, 'late')).status).toBe(409);
    const timeline = (await api(`/api/v1/records-requests/${id}/timeline`, { token: readOnly })).json.items;
    expect(timeline.map((e: { toStatus: string }) => e.toStatus)).toEqual([
      'completed',
      'sent',
      'preparing',
      'approved',
      'authorization_check',
      'authorization_check',
      'on_hold',
      'received',
    ]);
  });

  it('denies with a reason (records:authorize) and closes the clock', async () => {
    const { id } = (await create(outgoing())).json;
    expect((await move(id, 'denied', frontDesk, 'No')).status).toBe(403);
    expect((await move(id, 'denied', doctor)).status).toBe(400);
    const denied = await move(id, 'denied', doctor, 'The requester is not the personal representative');
    expect(denied.json).toMatchObject({ status: 'denied', open: false });
  });

  it('follows an incoming request from requested to filed, due at the follow-up target', async () => {
    const res = await create(
      outgoing({
        direction: 'incoming',
        requesterKind: 'third_party',
        party: { name: 'Dr. Old Provider', organization: 'Old Clinic', fax: '555-0100' },
        purpose: 'Continuity of care',
        receivedVia: 'fax',
        deliveryMethod: 'fax',
      }),
    );
    expect(res.json).toMatchObject({
      status: 'requested',
      dueOn: addCalendarDays(todayIso(), 14),
      dueRule: { id: 'practice-follow-up' },
    });
    const { id } = res.json;
    expect((await move(id, 'approved', admin)).status).toBe(409);
    for (const to of ['follow_up_sent', 'follow_up_sent', 'records_received', 'filed'])
      expect((await move(id, to, frontDesk)).json.status).toBe(to);
  });

  it('lists by days left with filters, keyset-paged, and audits the views', async () => {
    const soon = (await create(outgoing({ receivedOn: addCalendarDays(todayIso(), -29) }))).json.id;
    const list = await api(
      `/api/v1/records-requests?open=true&direction=outgoing&patientId=${patientId}&limit=2`,
      {
        token: readOnly,
      },
    );
    expect(list.status).toBe(200);
    expect(list.json.items[0].id).toBe(soon);
    expect(list.json.items[0].daysLeft).toBe(1);
    const seen = new Set<string>(list.json.items.map((r: { id: string }) => r.id));
    let cursor = list.json.nextCursor;
    let dueOrder = list.json.items.map((r: { dueOn: string }) => r.dueOn);
    while (cursor) {
      const next = await api(
        `/api/v1/records-requests?open=true&direction=outgoing&patientId=${patientId}&limit=2&cursor=${cursor}`,
        {
          token: readOnly,
        },
      );
      for (const r of next.json.items) {
        expect(seen.has(r.id)).toBe(false);
        seen.add(r.id);
      }
      dueOrder = [...dueOrder, ...next.json.items.map((r: { dueOn: string }) => r.dueOn)];
      cursor = next.json.nextCursor;
    }
    expect(dueOrder).toEqual([...dueOrder].sort());
    const byPatient = await api(`/api/v1/records-requests?patientId=${patientId}&status=completed`, {
      token: readOnly,
    });
    expect(byPatient.json.items.every((r: { status: string }) => r.status === 'completed')).toBe(true);
    expect((await api('/api/v1/records-requests?cursor=bad', { token: readOnly })).status).toBe(400);
    expect((await api('/api/v1/records-requests?status=nope', { token: readOnly })).status).toBe(400);
    await api(`/api/v1/records-requests/${soon}`, { token: readOnly });
    const audit = await api('/api/v1/audit?entityType=records_request&limit=200', { token: admin });
    const actions = audit.json.items.map((e: { action: string }) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['create', 'read', 'list', 'update']));
  });

  it('answers another organisation exactly as a missing id', async () => {
    const { id } = (await create(outgoing())).json;
    const other = await loginAs('clinic_admin', 'other');
    const theirs = await api(`/api/v1/records-requests/${id}`, { token: other });
    const missing = await api('/api/v1/records-requests/rrq_missing', { token: other });
    expect(theirs.status).toBe(404);
    expect(theirs.json.error.message).toBe(missing.json.error.message);
    expect((await move(id, 'withdrawn', other, 'x')).status).toBe(404);
    expect((await api(`/api/v1/records-requests/${id}/timeline`, { token: other })).status).toBe(404);
    const list = await api('/api/v1/records-requests', { token: other });
    expect(list.json.items.map((r: { id: string }) => r.id)).not.toContain(id);
    expect((await create(outgoing(), other)).status).toBe(404);
  });
});
