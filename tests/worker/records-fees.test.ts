import { beforeAll, describe, expect, it } from 'vitest';
import { api, loginAs } from './helpers';
import { createRequest, recordsSetup } from './records-helpers';
import { preparedRequest, sendLink, uploadFile } from './records-transfer-helpers';

let admin: string;
let frontDesk: string;
let doctor: string;
let readOnly: string;
let outgoing: Awaited<ReturnType<typeof recordsSetup>>['outgoing'];

beforeAll(async () => {
  ({ admin, frontDesk, doctor, readOnly, outgoing } = await recordsSetup('Records Fees Facility'));
  await api('/api/v1/records-settings', {
    token: admin,
    method: 'PUT',
    body: { states: ['TX'], customRules: [], thirdPartyDays: 30, followUpDays: 14 },
  });
});

const fee = (id: string, token = readOnly) => api(`/api/v1/records-requests/${id}/fee`, { token });
const setFee = (id: string, body: unknown, token = frontDesk) =>
  api(`/api/v1/records-requests/${id}/fee`, { token, method: 'PUT', body });

describe('records fees', () => {
  it("shows a patient's fee with its computation, and never holds their access for an unpaid one", async () => {
    const { id } = (await createRequest(outgoing(), frontDesk)).json;
    const before = await fee(id);
    expect(before.json.fee).toBeNull();
    expect(before.json.rules.map((r: { id: string }) => r.id)).toEqual([
      'hipaa-flat-electronic',
      'hipaa-cost-based',
    ]);
    expect((await setFee(id, { ruleId: 'tx-third-party', input: { pages: 3 } })).status).toBe(400);
    expect((await setFee(id, { ruleId: 'hipaa-flat-electronic', input: { amountCents: 900 } })).status).toBe(
      400,
    );
    expect((await setFee(id, { ruleId: 'hipaa-flat-electronic', input: {} }, readOnly)).status).toBe(403);
    const set = await setFee(id, {
      ruleId: 'hipaa-cost-based',
      input: { laborMinutes: 10, hourlyRateCents: 3000, pages: 12, perPageCents: 10, postageCents: 0 },
    });
    expect(set.json.fee).toMatchObject({
      amountCents: 620,
      status: 'unpaid',
      holdsRelease: false,
      lines: [
        { label: 'Labor: 10 min at $30.00/h', cents: 500 },
        { label: 'Supplies: 12 pages at $0.10', cents: 120 },
      ],
    });
    expect((await fee(id)).json.fee.citation).toContain('45 CFR 164.524(c)(4)');
  });

  it("sends a patient's records with the fee unpaid", async () => {
    const body = outgoing({ party: { name: 'Rita Records', email: 'fee-patient@example.test' } });
    const { id } = await preparedRequest(frontDesk, doctor, body);
    expect((await setFee(id, { ruleId: 'hipaa-flat-electronic', input: {} })).json.fee.status).toBe('unpaid');
    expect((await sendLink(frontDesk, id)).status).toBe(201);
  });

  it("holds a third party's release until the fee is paid or waived, waivers by an approver", async () => {
    const { id } = (
      await createRequest(
        outgoing({ requesterKind: 'third_party', party: { name: 'Law Office', email: 'law@example.test' } }),
        frontDesk,
      )
    ).json;
    expect((await fee(id)).json.rules.map((r: { id: string }) => r.id)).toEqual([
      'tx-third-party',
      'practice-charge',
    ]);
    expect((await setFee(id, { ruleId: 'ca-third-party', input: { pages: 3 } })).status).toBe(400);
    const set = await setFee(id, { ruleId: 'tx-third-party', input: { pages: 30, postageCents: 150 } });
    expect(set.json.fee).toMatchObject({
      amountCents: 2500 + 500 + 150,
      holdsRelease: true,
      status: 'unpaid',
    });
    await uploadFile(frontDesk, id, 'authorization');
    await api(`/api/v1/records-requests/${id}/authorization`, {
      token: frontDesk,
      body: {
        kind: 'authorization',
        elements: [
          'description',
          'discloser',
          'recipient',
          'purpose',
          'expiration',
          'signature_and_date',
          'revocation_statement',
          'conditioning_statement',
          'redisclosure_statement',
        ],
      },
    });
    expect(
      (await api(`/api/v1/records-requests/${id}/status`, { token: doctor, body: { to: 'approved' } }))
        .status,
    ).toBe(200);
    await uploadFile(frontDesk, id, 'release');
    const held = await sendLink(frontDesk, id);
    expect(held.status).toBe(409);
    expect(held.json.error.message).toContain('The fee of $31.50 is unpaid');
    const waive = (token: string) =>
      api(`/api/v1/records-requests/${id}/fee/waiver`, { token, body: { reason: 'Hardship' } });
    expect((await waive(frontDesk)).status).toBe(403);
    expect((await waive(doctor)).json.fee).toMatchObject({
      status: 'waived',
      holdsRelease: false,
      waiverReason: 'Hardship',
    });
    expect(
      (await api(`/api/v1/records-requests/${id}/fee/payment`, { token: frontDesk, method: 'POST' })).status,
    ).toBe(409);
    expect((await sendLink(frontDesk, id)).status).toBe(201);
    expect((await setFee(id, { ruleId: 'practice-charge', input: { amountCents: 100 } })).status).toBe(409);
  });

  it('records payment, and keeps fees to their organisation', async () => {
    const { id } = (
      await createRequest(outgoing({ requesterKind: 'third_party', party: { name: 'Insurer' } }), frontDesk)
    ).json;
    await setFee(id, { ruleId: 'practice-charge', input: { amountCents: 1500 } });
    const paid = await api(`/api/v1/records-requests/${id}/fee/payment`, {
      token: frontDesk,
      method: 'POST',
    });
    expect(paid.json.fee).toMatchObject({ status: 'paid', holdsRelease: false });
    const timeline = (await api(`/api/v1/records-requests/${id}/timeline`, { token: readOnly })).json.items;
    expect(
      timeline.filter((e: { kind: string }) => e.kind === 'fee').map((e: { text: string }) => e.text),
    ).toEqual([
      'Fee $15.00 paid',
      "Fee $15.00 (The practice's reasonable charge (no state schedule applies))",
    ]);
    const other = await loginAs('clinic_admin', 'other');
    expect((await fee(id, other)).status).toBe(404);
    expect((await setFee(id, { ruleId: 'practice-charge', input: { amountCents: 1 } }, other)).status).toBe(
      404,
    );
    expect((await setFee(id, { ruleId: 'practice-charge', input: { amountCents: -1 } })).status).toBe(400);
    expect((await setFee(id, { ruleId: 'nope', input: {} })).status).toBe(400);
  });
});
