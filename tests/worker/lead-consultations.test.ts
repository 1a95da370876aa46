import { beforeAll, describe, expect, it } from 'vitest';
import { api, createFacility, loginAs } from './helpers';

let coordinator: string;
let facilityId: string;

beforeAll(async () => {
  const admin = await loginAs('clinic_admin');
  coordinator = await loginAs('treatment_coordinator');
  facilityId = await createFacility(admin, 'Consult Clinic');
});

const newLead = async (lastName: string) =>
  (
    await api('/api/v1/leads', {
      token: coordinator,
      body: { firstName: 'Consult', lastName, phone: '555-700-0001' },
    })
  ).json.lead as { id: string };

const book = (leadId: string, body: Record<string, unknown>, token = coordinator) =>
  api(`/api/v1/leads/${leadId}/consultations`, { token, body });

const slot = { startsAt: '2099-05-04T15:00:00-04:00', endsAt: '2099-05-04T15:30:00-04:00' };

describe("a lead's consultation", () => {
  it("books a consultation at a location, lists it with the lead's appointments and shows it on the timeline", async () => {
    const lead = await newLead('Booked');
    const res = await book(lead.id, { facilityId, ...slot, note: 'Wants a morning slot next time' });
    expect(res.status, res.text).toBe(201);
    expect(res.json).toMatchObject({
      leadId: lead.id,
      patientId: null,
      caseId: null,
      facilityId,
      type: 'consultation',
      status: 'booked',
      startsAt: '2099-05-04T19:00:00.000Z',
      endsAt: '2099-05-04T19:30:00.000Z',
    });
    const list = await api(`/api/v1/leads/${lead.id}/consultations`, { token: coordinator });
    expect(list.json.items.map((a: { id: string }) => a.id)).toEqual([res.json.id]);
    const byLead = await api(`/api/v1/appointments?leadId=${lead.id}`, { token: coordinator });
    expect(byLead.json.items.map((a: { id: string }) => a.id)).toEqual([res.json.id]);
    const timeline = (await api(`/api/v1/leads/${lead.id}/timeline`, { token: coordinator })).json.items;
    expect(timeline[0]).toMatchObject({
      kind: 'consultation_booked',
      text: 'Wants a morning slot next time',
      detail: {
        appointmentId: res.json.id,
        facilityName: 'Consult Clinic',
        startsAt: '2099-05-04T19:00:00.000Z',
      },
    });
  });

  it('cancels a booked consultation once, on the timeline too', async () => {
    const lead = await newLead('Cancelled');
    const booked = (await book(lead.id, { facilityId, ...slot })).json;
    const cancel = () =>
      api(`/api/v1/leads/${lead.id}/consultations/${booked.id}/cancel`, { token: coordinator, body: {} });
    const first = await cancel();
    expect(first.status, first.text).toBe(200);
    expect(first.json.status).toBe('cancelled');
    expect((await cancel()).status).toBe(409);
    const timeline = (await api(`/api/v1/leads/${lead.id}/timeline`, { token: coordinator })).json.items;
    expect(timeline.map((a: { kind: string }) => a.kind).slice(0, 2)).toEqual([
      'consultation_cancelled',
      'consultation_booked',
    ]);
    const other = await newLead('Elsewhere');
    const wrongLead = await api(`/api/v1/leads/${other.id}/consultations/${booked.id}/cancel`, {
      token: coordinator,
      body: {},
    });
    expect(wrongLead.status).toBe(404);
  });

  it('follows the lead: a converted lead’s consultation is the patient’s too', async () => {
    const lead = await newLead('Converted');
    const booked = (await book(lead.id, { facilityId, ...slot })).json;
    const converted = await api(`/api/v1/leads/${lead.id}/convert`, {
      token: coordinator,
      body: { facilityId, dateOfBirth: '1990-02-02' },
    });
    expect(converted.status, converted.text).toBe(200);
    const admin = await loginAs('clinic_admin');
    const ofPatient = await api(`/api/v1/appointments?patientId=${converted.json.patientId}`, {
      token: admin,
    });
    expect(ofPatient.json.items.map((a: { id: string }) => a.id)).toEqual([booked.id]);
  });

  it('refuses a bad slot, an unknown location, read-only staff and other organisations', async () => {
    const lead = await newLead('Refused');
    const backwards = await book(lead.id, { facilityId, startsAt: slot.endsAt, endsAt: slot.startsAt });
    expect(backwards.status).toBe(400);
    expect(backwards.json.error.details[0].path).toBe('endsAt');
    expect((await book(lead.id, { facilityId: 'fac_missing', ...slot })).status).toBe(404);
    expect((await book(lead.id, { facilityId, ...slot, extra: 1 })).status).toBe(400);
    const reader = await loginAs('read_only');
    expect((await book(lead.id, { facilityId, ...slot }, reader)).status).toBe(403);
    const other = await loginAs('clinic_admin', 'other');
    const otherFacility = await createFacility(other, 'Other Consults');
    expect((await book(lead.id, { facilityId: otherFacility, ...slot }, other)).status).toBe(404);
    expect((await api(`/api/v1/leads/${lead.id}/consultations`, { token: other })).status).toBe(404);
    expect((await book(lead.id, { facilityId: otherFacility, ...slot })).status).toBe(404);
  });

  it('audits bookings and reads of consultations', async () => {
    const admin = await loginAs('clinic_admin');
    const events = await api('/api/v1/audit?entityType=appointment&limit=50', { token: admin });
    const actions = events.json.items.map((e: { action: string }) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['create', 'list', 'update']));
  });
});
