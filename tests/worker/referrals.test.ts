import { beforeAll, describe, expect, it } from 'vitest';
import { api, BASE, createFacility, loginAs, seed, workerFetch } from './helpers';
import { createProvider } from './referral-helpers';

const PDF = new TextEncoder().encode('%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const today = new Date().toISOString().slice(0, 10);

let admin: string;
let coordinator: string;

beforeAll(async () => {
  await seed();
  admin = await loginAs('clinic_admin');
  coordinator = await loginAs('treatment_coordinator');
});

const withLead = (token: string, providerId: string, lead: Record<string, unknown>, extra = {}) =>
  api('/api/v1/referrals/with-lead', {
    token,
    body: { providerId, referralDate: today, channel: 'letter', reason: 'Crossbite, age 9', lead, ...extra },
  });

async function uploadSlip(token: string, referralId: string, bytes: Uint8Array, name: string) {
  const form = new FormData();
  form.append('file', new File([bytes], name, { type: 'application/pdf' }));
  const res = await workerFetch(`${BASE}/api/v1/referrals/${referralId}/documents`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'CF-Connecting-IP': '203.0.113.5' },
    body: form,
  });
  // biome-ignore lint/suspicious/noExplicitAny: tests assert on whatever the API answered
  return { status: res.status, json: (await res.json()) as any };
}

describe('referrals and attribution', () => {
  it('creates a lead from a referral in one step, attributed through conversion to the patient', async () => {
    const provider = await createProvider(admin, 'Rosa', 'Delgado');
    const res = await withLead(coordinator, provider.id, {
      firstName: 'Milo',
      lastName: 'Park',
      phone: '512-555-0199',
    });
    expect(res.status).toBe(201);
    const sources = (await api('/api/v1/lead-sources', { token: coordinator })).json.items;
    const referralSource = sources.find((s: { name: string }) => s.name === 'Referral');
    expect(res.json.lead).toMatchObject({ firstName: 'Milo', sourceId: referralSource.id, patientId: null });
    expect(res.json.referral).toMatchObject({
      direction: 'incoming',
      providerId: provider.id,
      providerName: 'Dr Rosa Delgado, DDS',
      leadId: res.json.lead.id,
      patientId: null,
      reason: 'Crossbite, age 9',
      channel: 'letter',
      status: null,
    });
    let list = await api(`/api/v1/referring-providers?q=delgado`, { token: coordinator });
    expect(list.json.items[0].counts).toEqual({
      referralsThisYear: 1,
      convertedThisYear: 0,
      lastReferralDate: today,
    });

    const facilityId = await createFacility(admin, 'Referral Clinic');
    const converted = await api(`/api/v1/leads/${res.json.lead.id}/convert`, {
      token: coordinator,
      body: { facilityId, dateOfBirth: '2016-04-02' },
    });
    expect(converted.status).toBe(200);
    const referral = await api(`/api/v1/referrals/${res.json.referral.id}`, { token: coordinator });
    expect(referral.json.patientId).toBe(converted.json.patientId);
    list = await api(`/api/v1/referring-providers?q=delgado`, { token: coordinator });
    expect(list.json.items[0].counts).toEqual({
      referralsThisYear: 1,
      convertedThisYear: 1,
      lastReferralDate: today,
    });
    const byLead = await api(`/api/v1/referrals?leadId=${res.json.lead.id}`, { token: coordinator });
    expect(byLead.json.items.map((r: { id: string }) => r.id)).toEqual([res.json.referral.id]);
  });

  it('saves neither the lead nor the referral when either is refused', async () => {
    const provider = await createProvider(admin, 'Omar', 'Haddad');
    const bad = await withLead(coordinator, provider.id, { firstName: 'No', lastName: 'Contact' });
    expect(bad.status).toBe(400);
    const unknown = await withLead(coordinator, 'rfp_missing', {
      firstName: 'Ivy',
      lastName: 'Lane',
      phone: '5125550100',
    });
    expect(unknown.status).toBe(400);
    expect(unknown.json.error.details).toEqual([{ path: 'providerId', issue: 'unknown provider' }]);
    const leads = await api('/api/v1/leads?q=ivy%20lane', { token: coordinator });
    expect(leads.json.items).toHaveLength(0);
    const referrals = await api(`/api/v1/referrals?providerId=${provider.id}`, { token: coordinator });
    expect(referrals.json.items).toHaveLength(0);
  });

  it('tracks outgoing referrals to a specialist through their statuses; incoming ones have none', async () => {
    const surgeon = await createProvider(admin, 'Kai', 'Surgeon', { specialty: 'oral_surgeon' });
    const out = await api('/api/v1/referrals', {
      token: coordinator,
      body: {
        direction: 'outgoing',
        providerId: surgeon.id,
        referralDate: today,
        channel: 'email',
        reason: 'Impacted canine',
      },
    });
    expect(out.status).toBe(201);
    expect(out.json.status).toBe('sent');
    for (const status of ['accepted', 'seen', 'report_received']) {
      const res = await api(`/api/v1/referrals/${out.json.id}`, {
        method: 'PATCH',
        token: coordinator,
        body: { status },
      });
      expect(res.json.status).toBe(status);
    }
    const incoming = await api('/api/v1/referrals', {
      token: coordinator,
      body: { providerId: surgeon.id, referralDate: today, channel: 'phone', status: 'seen' },
    });
    expect(incoming.status).toBe(400);
    const both = await api(`/api/v1/referrals?providerId=${surgeon.id}`, { token: coordinator });
    expect(both.json.items.map((r: { direction: string }) => r.direction)).toEqual(['outgoing']);
    const counts = await api('/api/v1/referring-providers?q=surgeon', { token: coordinator });
    expect(counts.json.items[0].counts.referralsThisYear).toBe(0);
  });

  it('stores the referral slip after checking its bytes, and downloads it as an attachment', async () => {
    const provider = await createProvider(admin, 'Bea', 'Slipper');
    const { json } = await withLead(coordinator, provider.id, {
      firstName: 'Ana',
      lastName: 'Slip',
      phone: '5125550111',
    });
    const fake = await uploadSlip(
      coordinator,
      json.referral.id,
      new TextEncoder().encode('MZ not a pdf'),
      'slip.pdf',
    );
    expect(fake.status).toBe(415);
    const ok = await uploadSlip(coordinator, json.referral.id, PDF, 'Referral slip.pdf');
    expect(ok.status).toBe(200);
    expect(ok.json.slip).toEqual({
      name: 'Referral slip.pdf',
      contentType: 'application/pdf',
      size: PDF.byteLength,
    });
    const readOnly = await loginAs('read_only');
    const res = await workerFetch(`${BASE}/api/v1/referrals/${json.referral.id}/slip`, {
      headers: { Authorization: `Bearer ${readOnly}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Disposition')).toBe('attachment; filename="Referral slip.pdf"');
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(PDF);
    expect((await uploadSlip(readOnly, json.referral.id, PDF, 'x.pdf')).status).toBe(403);
  });

  it('keeps referrals when two provider entries merge', async () => {
    const a = await createProvider(admin, 'Eli', 'Twin');
    const b = await createProvider(admin, 'Eli', 'Twin', { email: 'eli@twin.example', allowDuplicate: true });
    const r = await withLead(coordinator, b.id, { firstName: 'Zed', lastName: 'Moved', phone: '5125550122' });
    const merged = await api(`/api/v1/referring-providers/${a.id}/merge`, {
      token: admin,
      body: { duplicateId: b.id },
    });
    expect(merged.status).toBe(200);
    const referral = await api(`/api/v1/referrals/${r.json.referral.id}`, { token: coordinator });
    expect(referral.json.providerId).toBe(a.id);
    const stale = await withLead(coordinator, b.id, {
      firstName: 'Late',
      lastName: 'Comer',
      phone: '5125550133',
    });
    expect(stale.json.error.details).toEqual([{ path: 'providerId', issue: 'merged' }]);
  });

  it('follows the roles and keeps tenants apart', async () => {
    const provider = await createProvider(admin, 'Nia', 'Roles');
    const { json } = await withLead(coordinator, provider.id, {
      firstName: 'Pat',
      lastName: 'Role',
      phone: '5125550144',
    });
    const doctor = await loginAs('doctor');
    expect((await api(`/api/v1/referrals/${json.referral.id}`, { token: doctor })).status).toBe(200);
    expect(
      (await withLead(doctor, provider.id, { firstName: 'A', lastName: 'B', phone: '5125550155' })).status,
    ).toBe(403);
    const frontDesk = await loginAs('front_desk');
    expect(
      (await withLead(frontDesk, provider.id, { firstName: 'Fd', lastName: 'Ok', phone: '5125550166' }))
        .status,
    ).toBe(201);
    const other = await loginAs('clinic_admin', 'other');
    expect((await api(`/api/v1/referrals/${json.referral.id}`, { token: other })).status).toBe(404);
    const foreign = await withLead(other, provider.id, {
      firstName: 'X',
      lastName: 'Y',
      phone: '5125550177',
    });
    expect(foreign.json.error.details).toEqual([{ path: 'providerId', issue: 'unknown provider' }]);
    const audit = await api(`/api/v1/audit?entityId=${json.referral.id}`, { token: admin });
    expect(audit.json.items.map((e: { action: string }) => e.action)).toEqual(
      expect.arrayContaining(['create', 'read']),
    );
  });
});
