import { beforeAll, describe, expect, it } from 'vitest';
import { api, createFacility, loginAs } from './helpers';
import { publishedTemplate, sendForm } from './intake-helpers';

let admin: string;
let facility: string;

beforeAll(async () => {
  admin = await loginAs('clinic_admin');
  facility = await createFacility(admin, 'Lead Link Ortho');
});

const newLead = async (body: Record<string, unknown>) =>
  (await api('/api/v1/leads', { token: admin, body })).json.lead;
const convert = (id: string) =>
  api(`/api/v1/leads/${id}/convert`, {
    token: admin,
    body: { facilityId: facility, dateOfBirth: '1990-02-02' },
  });

describe('a converted patient leads back to its lead', () => {
  it("answers the link both ways, and the lead's timeline, source and intake history are reachable from the patient", async () => {
    const sources = (await api('/api/v1/lead-sources', { token: admin })).json.items;
    const phone = sources.find((s: { channel: string }) => s.channel === 'phone');
    const lead = await newLead({
      firstName: 'Lin',
      lastName: 'Link',
      phone: '555-600-0001',
      sourceId: phone.id,
    });
    const { templateId } = await publishedTemplate(admin, 'Link history');
    expect((await sendForm(admin, { templateId, leadId: lead.id, delivery: 'link' })).status).toBe(201);
    const converted = await convert(lead.id);
    expect(converted.status).toBe(200);

    const patient = await api(`/api/v1/patients/${converted.json.patientId}`, { token: admin });
    expect(patient.json.leadId).toBe(lead.id);
    const back = await api(`/api/v1/leads/${patient.json.leadId}`, { token: admin });
    expect(back.json).toMatchObject({ patientId: patient.json.id, sourceId: phone.id });
    const timeline = (await api(`/api/v1/leads/${lead.id}/timeline`, { token: admin })).json.items;
    expect(timeline.map((a: { kind: string }) => a.kind)).toEqual(['conversion', 'created']);
    const forms = await api(`/api/v1/intake-requests?leadId=${lead.id}`, { token: admin });
    expect(forms.json.items).toHaveLength(1);

    // Another organisation cannot follow the link.
    const other = await loginAs('clinic_admin', 'other');
    expect((await api(`/api/v1/leads/${lead.id}`, { token: other })).status).toBe(404);
  });

  it('follows a merge: a patient converted from the duplicate leads to the surviving lead', async () => {
    const kept = await newLead({ firstName: 'Mo', lastName: 'Link', email: 'mo.link@example.test' });
    const dup = await newLead({ firstName: 'Mo', lastName: 'Link', phone: '555-600-0002' });
    const { json } = await convert(dup.id);
    const merged = await api(`/api/v1/leads/${kept.id}/merge`, {
      token: admin,
      body: { duplicateId: dup.id },
    });
    expect(merged.json.patientId).toBe(json.patientId);
    const patient = await api(`/api/v1/patients/${json.patientId}`, { token: admin });
    expect(patient.json.leadId).toBe(kept.id);
  });
});
