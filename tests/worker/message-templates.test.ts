import { beforeAll, describe, expect, it } from 'vitest';
import { api, createFacility, loginAs } from './helpers';

let admin: string;
let caseId: string;

beforeAll(async () => {
  admin = await loginAs('clinic_admin');
  const facilityId = await createFacility(admin, 'Template Clinic');
  const patient = await api('/api/v1/patients', {
    token: admin,
    body: { facilityId, firstName: 'Ana', lastName: 'Lopez', dateOfBirth: '1950-02-03' },
  });
  await api('/api/v1/cases/upsert', {
    token: admin,
    body: {
      items: [
        {
          externalId: 'T-1',
          patientId: patient.json.id,
          facilityId,
          name: 'Knee',
          status: 'open',
          expiryDate: '2099-03-01',
          maxSessions: 6,
        },
      ],
    },
  });
  const list = await api(`/api/v1/cases?patientId=${patient.json.id}`, { token: admin });
  caseId = list.json.items[0].id;
});

const reminder = {
  name: 'Referral expiring',
  channel: 'email',
  category: 'case_updates',
  subject: 'Your referral at {{location.name}}',
  body: 'Hi {{patient.firstName}}, your referral expires on {{case.expiryDate}} with {{case.sessionsLeft}} sessions left.',
};

describe('message templates', () => {
  it('saves an email template and lists it', async () => {
    const res = await api('/api/v1/message-templates', { token: admin, body: reminder });
    expect(res.status, res.text).toBe(201);
    expect(res.json).toMatchObject({ name: 'Referral expiring', category: 'case_updates' });
    const list = await api('/api/v1/message-templates', { token: admin });
    expect(list.json.items.map((t: { name: string }) => t.name)).toContain('Referral expiring');
    const again = await api('/api/v1/message-templates', { token: admin, body: reminder });
    expect(again.status).toBe(409);
  });

  it('refuses an unknown merge field, naming it, and an email without a subject', async () => {
    const res = await api('/api/v1/message-templates', {
      token: admin,
      body: { ...reminder, name: 'Bad', body: 'Hi {{patient.lastName}} {{patient.dateOfBirth}}' },
    });
    expect(res.status).toBe(400);
    expect(res.json.error.details.map((d: { issue: string }) => d.issue)).toEqual([
      'Unknown merge field {{patient.lastName}}',
      'Unknown merge field {{patient.dateOfBirth}}',
    ]);
    const noSubject = await api('/api/v1/message-templates', {
      token: admin,
      body: { ...reminder, name: 'No subject', subject: null },
    });
    expect(noSubject.status).toBe(400);
  });

  it('previews against a real case with its parameters, and counts SMS segments', async () => {
    const email = await api('/api/v1/message-templates/preview', {
      token: admin,
      body: { channel: 'email', subject: reminder.subject, body: reminder.body, caseId },
    });
    expect(email.status, email.text).toBe(200);
    expect(email.json).toEqual({
      subject: 'Your referral at Template Clinic',
      body: 'Hi Ana, your referral expires on 2099-03-01 with 6 sessions left.',
      unknownFields: [],
      sms: null,
    });
    const sms = await api('/api/v1/message-templates/preview', {
      token: admin,
      body: { channel: 'sms', body: `{{patient.firstName}}: ${'x'.repeat(160)} {{nope}}`, caseId },
    });
    expect(sms.json.unknownFields).toEqual(['nope']);
    expect(sms.json.sms).toMatchObject({ encoding: 'GSM-7', segments: 2 });
  });

  it('keeps templates to automation editors and their organisation', async () => {
    const front = await loginAs('front_desk');
    expect((await api('/api/v1/message-templates', { token: front })).status).toBe(403);
    const other = await loginAs('clinic_admin', 'other');
    expect((await api('/api/v1/message-templates', { token: other })).json.items).toEqual([]);
    const preview = await api('/api/v1/message-templates/preview', {
      token: other,
      body: { channel: 'sms', body: 'hi', caseId },
    });
    expect(preview.status).toBe(404);
  });
});
