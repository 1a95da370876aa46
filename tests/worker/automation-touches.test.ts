import { beforeAll, describe, expect, it } from 'vitest';
import { runCron, runningCaseRule, sendAnyTime } from './automation-helpers';
import { api, loginAs } from './helpers';

let admin: string;
let patientId: string;
let ruleId: string;
let caseId: string;

beforeAll(async () => {
  const setup = await runningCaseRule('Touch');
  admin = setup.admin;
  patientId = setup.patientId;
  ruleId = setup.ruleId;
  await sendAnyTime(admin);
  await runCron();
  const list = await api(`/api/v1/cases?patientId=${patientId}`, { token: admin });
  caseId = list.json.items[0].id;
});

describe('automation history of a record', () => {
  it('lists the runs on a patient’s cases, with the acting version’s name', async () => {
    const res = await api(`/api/v1/automation-touches?patientId=${patientId}`, { token: admin });
    expect(res.status, res.text).toBe(200);
    expect(res.json.items).toEqual([
      expect.objectContaining({
        ruleId,
        ruleName: 'Touch rule',
        version: 1,
        subjectId: caseId,
        occurrence: 'once',
        messageQueued: true,
      }),
    ]);
    const ofCase = await api(`/api/v1/automation-touches?caseId=${caseId}`, { token: admin });
    expect(ofCase.json.items.map((t: { id: string }) => t.id)).toEqual(
      res.json.items.map((t: { id: string }) => t.id),
    );
  });

  it('keeps the old version’s name after an edit makes a new version', async () => {
    const rule = await api(`/api/v1/automation-rules/${ruleId}`, { token: admin });
    const edited = await api(`/api/v1/automation-rules/${ruleId}`, {
      method: 'PUT',
      token: admin,
      body: { ...rule.json.definition, name: 'Touch rule, renamed' },
    });
    expect(edited.json.version).toBe(2);
    const res = await api(`/api/v1/automation-touches?caseId=${caseId}`, { token: admin });
    expect(res.json.items[0]).toMatchObject({ version: 1, ruleName: 'Touch rule' });
  });

  it('answers an empty list for a lead nothing acted on', async () => {
    const lead = await api('/api/v1/leads', {
      token: admin,
      body: { firstName: 'Quiet', lastName: 'Lead', email: 'quiet.lead@example.com' },
    });
    expect(lead.status, lead.text).toBe(201);
    const res = await api(`/api/v1/automation-touches?leadId=${lead.json.lead.id}`, { token: admin });
    expect(res.status, res.text).toBe(200);
    expect(res.json.items).toEqual([]);
  });

  it('asks for exactly one record', async () => {
    const none = await api('/api/v1/automation-touches', { token: admin });
    expect(none.status).toBe(400);
    expect(none.json.error.code).toBe('validation_failed');
    const two = await api(`/api/v1/automation-touches?patientId=${patientId}&caseId=${caseId}`, {
      token: admin,
    });
    expect(two.status).toBe(400);
  });

  it('answers another organisation’s record as missing, and refuses roles without automations', async () => {
    const other = await loginAs('clinic_admin', 'other');
    for (const q of [`patientId=${patientId}`, `caseId=${caseId}`, 'leadId=led_missing']) {
      const res = await api(`/api/v1/automation-touches?${q}`, { token: other });
      expect(res.status, q).toBe(404);
      expect(res.json.error.code).toBe('not_found');
    }
    const frontDesk = await loginAs('front_desk');
    const refused = await api(`/api/v1/automation-touches?patientId=${patientId}`, { token: frontDesk });
    expect(refused.status).toBe(403);
  });
});
