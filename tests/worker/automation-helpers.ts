import { expect } from 'vitest';
import { api, createFacility, loginAs } from './helpers';

const DAY = 86_400_000;
export const dayFromNow = (days: number) => new Date(Date.now() + days * DAY).toISOString().slice(0, 10);

export const STAFF = 'mem_demo_front_desk';
export const STAFF_EMAIL = 'front_desk@demo.test';

/**
 * A location with one open case expiring in 10 days with sessions left, an
 * email template naming the case, and a running rule that emails a staff
 * member about it: the smallest setup that makes the cron send one message.
 */
export async function runningCaseRule(label: string, category = 'case_updates') {
  const admin = await loginAs('clinic_admin');
  const facilityId = await createFacility(admin, `${label} Clinic`);
  const patient = await api('/api/v1/patients', {
    token: admin,
    body: { facilityId, firstName: 'Send', lastName: label, dateOfBirth: '1960-01-01' },
  });
  const caseName = `${label} case`;
  await api('/api/v1/cases/upsert', {
    token: admin,
    body: {
      items: [
        {
          externalId: `${label}-1`,
          patientId: patient.json.id,
          facilityId,
          name: caseName,
          status: 'open',
          expiryDate: dayFromNow(10),
          maxSessions: 5,
        },
      ],
    },
  });
  const template = await api('/api/v1/message-templates', {
    token: admin,
    body: {
      name: `${label} template`,
      channel: 'email',
      category,
      subject: 'Referral {{case.name}} expires soon',
      body: '{{case.sessionsLeft}} sessions left.',
    },
  });
  const rule = await api('/api/v1/automation-rules', {
    token: admin,
    body: {
      name: `${label} rule`,
      category,
      type: 'once',
      population: 'cases',
      facilityIds: [facilityId],
      conditions: { match: 'all', conditions: [{ field: 'sessionsLeft', op: 'gt', value: 0 }] },
      actions: [{ kind: 'email', templateId: template.json.id, membershipId: STAFF }],
    },
  });
  expect(rule.status, rule.text).toBe(201);
  const play = await api(`/api/v1/automation-rules/${rule.json.id}/play`, { token: admin, body: {} });
  expect(play.json.status).toBe('running');
  return {
    admin,
    facilityId,
    caseName,
    ruleId: rule.json.id as string,
    patientId: patient.json.id as string,
  };
}
