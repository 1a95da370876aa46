import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { automationRules, outboxMessages } from '../../db/schema';
import {
  caseRule,
  outboxRow,
  patientWithCase,
  playingRule,
  runsOf,
  template,
} from './automation-action-helpers';
import { counting, deliverBatch, ORG, runCron, STAFF, STAFF_EMAIL, sendAnyTime } from './automation-helpers';
import { api, db, loginAs } from './helpers';

let admin: string;
beforeAll(async () => {
  admin = await loginAs('clinic_admin');
  await sendAnyTime(admin);
});

const yearsAgo = (years: number) => `${new Date().getUTCFullYear() - years}-01-15`;
const pause = (ruleId: string) => api(`/api/v1/automation-rules/${ruleId}/pause`, { token: admin, body: {} });

describe('message actions: recipients resolved from the subject', () => {
  it("a minor's case: the guardian and the referrer get theirs, the minor's own address never, the reason visible", async () => {
    const kid = await patientWithCase(admin, 'Kit', {
      email: 'kit@family.example',
      phone: '(555) 010-3000',
      dateOfBirth: yearsAgo(9),
      guardian: { name: 'Mara Family', email: 'mara@family.example', phone: '555-010-3001' },
      referrerEmail: 'rosa@smiles.example',
    });
    const email = await template(
      admin,
      'Kit email',
      'email',
      'Hello {{recipient.firstName}}, about {{lead.firstName}}: {{case.name}}.',
    );
    const sms = await template(
      admin,
      'Kit text',
      'sms',
      'Hi {{recipient.firstName}}, {{practice.name}} here.',
    );
    const ruleId = await playingRule(admin, 'Kit rule', kid.facilityId, [
      { kind: 'email', templateId: email, to: 'patient' },
      { kind: 'email', templateId: email, to: 'guardian' },
      { kind: 'sms', templateId: sms, to: 'guardian' },
      { kind: 'email', templateId: email, to: 'referrer' },
      { kind: 'sms', templateId: sms, to: 'patient' },
    ]);
    await runCron();
    const [run] = await runsOf(admin, ruleId);
    expect(run?.subjectId).toBe(kid.caseId);
    const minorReason =
      'The patient is a minor with a guardian: messages go to the guardian only (send to the guardian)';
    expect(run?.actions.map((a) => [a.kind, a.to, a.status, a.reason])).toEqual([
      ['email', 'patient', 'skipped', minorReason],
      ['email', 'guardian', 'queued', null],
      ['sms', 'guardian', 'queued', null],
      ['email', 'referrer', 'queued', null],
      ['sms', 'patient', 'skipped', minorReason],
    ]);
    const ids = (run?.actions ?? []).map((a) => a.outboxMessageId);
    const [guardianEmail, guardianText, referrerEmail] = await Promise.all(
      [ids[1], ids[2], ids[3]].map((id) => outboxRow(id ?? '')),
    );
    expect(guardianEmail).toMatchObject({ channel: 'email', recipient: 'mara@family.example' });
    expect(guardianEmail?.subject).toBe('About Kit case for Mara');
    expect(guardianEmail?.bodyText).toMatch(/^Hello Mara, about Kit: Kit case\.\n/);
    expect(guardianText).toMatchObject({ channel: 'sms', recipient: '+15550103001' });
    expect(guardianText?.bodyText).toBe('Hi Mara, Demo Care Operations here.\nReply STOP to opt out.');
    expect(referrerEmail).toMatchObject({
      recipient: 'rosa@smiles.example',
      subject: 'About Kit case for Rosa',
    });
    // The minor's own address and number received nothing.
    expect(ids[0]).toBeNull();
    expect(ids[4]).toBeNull();
    await pause(ruleId);
  });

  it('an adult: their own number from the lead they were; a missing address or referrer is a skip with the reason', async () => {
    const adult = await patientWithCase(admin, 'Ada', {
      phone: '+44 20 7946 0958',
      dateOfBirth: yearsAgo(40),
    });
    const email = await template(admin, 'Ada email', 'email', '{{case.sessionsLeft}} sessions left.');
    const sms = await template(admin, 'Ada text', 'sms', 'Hi {{recipient.firstName}}.');
    const ruleId = await playingRule(admin, 'Ada rule', adult.facilityId, [
      { kind: 'email', templateId: email, to: 'patient' },
      { kind: 'sms', templateId: sms, to: 'patient' },
      { kind: 'sms', templateId: sms, to: 'lead' },
      { kind: 'email', templateId: email, to: 'referrer' },
      { kind: 'email', templateId: email, to: 'guardian' },
    ]);
    await runCron();
    const [run] = await runsOf(admin, ruleId);
    expect(run?.actions.map((a) => [a.to, a.status, a.reason])).toEqual([
      ['patient', 'skipped', 'The patient has no email address on file'],
      ['patient', 'queued', null],
      ['lead', 'queued', null],
      ['referrer', 'skipped', 'The referring provider is not known for this subject'],
      ['guardian', 'skipped', 'The guardian is not known for this subject'],
    ]);
    const text = await outboxRow(run?.outboxMessageId ?? '');
    expect(text).toMatchObject({
      channel: 'sms',
      recipient: '+442079460958',
      bodyText: 'Hi Ada.\nReply STOP to opt out.',
    });
    await pause(ruleId);
  });

  it("the patient's own email and phone come first, the lead's fill what the patient lacks", async () => {
    const own = await patientWithCase(admin, 'Orla', {
      email: 'orla.lead@x.example',
      phone: '555 010 3000',
      dateOfBirth: yearsAgo(50),
    });
    const edited = await api(`/api/v1/patients/${own.patientId}`, {
      method: 'PATCH',
      token: admin,
      body: { email: 'Orla.Own@X.example' },
    });
    expect(edited.status, edited.text).toBe(200);
    expect(edited.json).toMatchObject({ email: 'orla.own@x.example', phone: null });
    const email = await template(admin, 'Orla email', 'email', '{{case.sessionsLeft}} sessions left.');
    const sms = await template(admin, 'Orla text', 'sms', 'Hi {{recipient.firstName}}.');
    const ruleId = await playingRule(admin, 'Orla rule', own.facilityId, [
      { kind: 'email', templateId: email, to: 'patient' },
      { kind: 'sms', templateId: sms, to: 'patient' },
    ]);
    await runCron();
    const [run] = await runsOf(admin, ruleId);
    expect(run?.actions.map((a) => a.status)).toEqual(['queued', 'queued']);
    const [mail, text] = await Promise.all(run!.actions.map((a) => outboxRow(a.outboxMessageId ?? '')));
    expect(mail?.recipient).toBe('orla.own@x.example');
    expect(text?.recipient).toBe('+15550103000');
    await pause(ruleId);
  });

  it('two overlapping runs and a queue redelivery give one message per action and recipient', async () => {
    const p = await patientWithCase(admin, 'Once', {
      email: 'once@family.example',
      phone: '555-010-4000',
      dateOfBirth: yearsAgo(30),
    });
    const email = await template(admin, 'Once email', 'email', 'Hello {{recipient.firstName}}.');
    const sms = await template(admin, 'Once text', 'sms', 'Hello {{recipient.firstName}}.');
    const ruleId = await playingRule(admin, 'Once rule', p.facilityId, [
      { kind: 'email', templateId: email, to: 'patient' },
      { kind: 'sms', templateId: sms, to: 'patient' },
      { kind: 'email', templateId: email, to: 'staff', membershipId: STAFF },
    ]);
    await Promise.all([runCron(), runCron()]);
    const runs = await runsOf(admin, ruleId);
    expect(runs).toHaveLength(1);
    const ids = (runs[0]?.actions ?? []).map((a) => a.outboxMessageId ?? '');
    expect(new Set(ids).size).toBe(3);
    await vi.waitFor(
      async () => {
        const rows = await Promise.all(ids.map(outboxRow));
        expect(rows.map((r) => r?.status)).toEqual(['sent', 'sent', 'sent']);
      },
      { timeout: 10_000, interval: 100 },
    );
    const calls = { n: 0 };
    await deliverBatch(
      ids.map((messageId) => ({ organizationId: ORG, messageId })),
      counting(calls),
    );
    await runCron();
    expect(calls.n).toBe(0);
    const to = (recipient: string) =>
      db().select().from(outboxMessages).where(eq(outboxMessages.recipient, recipient));
    expect(await to('once@family.example')).toHaveLength(1);
    expect(await to('+15550104000')).toHaveLength(1);
    expect(await runsOf(admin, ruleId)).toHaveLength(1);
    await pause(ruleId);
  });

  it('a rule saved before recipients existed (no `to`) still reads and emails its staff member', async () => {
    const adult = await patientWithCase(admin, 'Old', {
      email: 'old@family.example',
      dateOfBirth: yearsAgo(50),
    });
    const email = await template(admin, 'Old email', 'email', 'Check {{case.name}}.');
    const ruleId = await playingRule(admin, 'Old rule', adult.facilityId, [
      { kind: 'email', templateId: email, to: 'staff', membershipId: STAFF },
    ]);
    // The row as an earlier release stored it.
    const [stored] = await db().select().from(automationRules).where(eq(automationRules.id, ruleId));
    const legacy = {
      ...stored?.definition,
      actions: [{ kind: 'email', templateId: email, membershipId: STAFF }],
    };
    await db().update(automationRules).set({ definition: legacy }).where(eq(automationRules.id, ruleId));
    const read = await api(`/api/v1/automation-rules/${ruleId}`, { token: admin });
    expect(read.json.definition.actions).toEqual([
      { kind: 'email', templateId: email, to: 'staff', membershipId: STAFF },
    ]);
    await runCron();
    const [run] = await runsOf(admin, ruleId);
    expect(run?.actions).toMatchObject([{ kind: 'email', to: 'staff', status: 'queued' }]);
    expect(await outboxRow(run?.outboxMessageId ?? '')).toMatchObject({
      recipient: STAFF_EMAIL,
      subject: 'About Old case for Front',
    });
    await pause(ruleId);
  });

  it('refuses a text template carrying care details, a template of the other channel, and staff without a member', async () => {
    const facilityId = (
      await patientWithCase(admin, 'Ref', { email: 'r@x.example', dateOfBirth: yearsAgo(30) })
    ).facilityId;
    const leaky = await template(
      admin,
      'Leaky text',
      'sms',
      'Your {{case.name}} has {{case.sessionsLeft}} left',
    );
    const email = await template(admin, 'Ref email', 'email', 'Body');
    const refused = await caseRule(admin, 'Leaky', facilityId, [
      { kind: 'sms', templateId: leaky, to: 'patient' },
      { kind: 'sms', templateId: email, to: 'guardian' },
    ]);
    expect(refused.status).toBe(400);
    expect(refused.json.error.details).toEqual([
      { path: 'actions.0.templateId', issue: 'a text message may not carry {{case.name}}' },
      { path: 'actions.0.templateId', issue: 'a text message may not carry {{case.sessionsLeft}}' },
      { path: 'actions.1.templateId', issue: 'the template is for email, not sms' },
    ]);
    const noMember = await caseRule(admin, 'No member', facilityId, [
      { kind: 'email', templateId: email, to: 'staff' },
    ]);
    expect(noMember.status).toBe(400);
    expect(noMember.json.error.details).toEqual([
      expect.objectContaining({ path: 'actions.0.membershipId' }),
    ]);
    const other = await loginAs('clinic_admin', 'other');
    const foreign = await caseRule(other, 'Foreign', facilityId, [
      { kind: 'email', templateId: email, to: 'patient' },
    ]);
    expect(foreign.status).toBe(400);
  });
});
