import { beforeAll, describe, expect, it } from 'vitest';
import {
  api,
  BASE,
  createFacility,
  loginAs,
  mailbox,
  seed,
  settleBackgroundWork,
  workerFetch,
} from './helpers';
import { auditOf, runCron } from './intake-helpers';
import { pdfText } from './pdf-text';
import { createProvider } from './referral-helpers';

const today = new Date().toISOString().slice(0, 10);
const monthsAgo = (n: number) => {
  const d = new Date();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() - n);
  return d.toISOString().slice(0, 10);
};

let admin: string;
let coordinator: string;

beforeAll(async () => {
  await seed();
  admin = await loginAs('clinic_admin');
  coordinator = await loginAs('treatment_coordinator');
});

type LetterItem = { id: string; event: string; kind: string; status: string };

async function referredLead(last: string, phone: string) {
  const provider = await createProvider(admin, 'Rosa', last);
  const res = await api('/api/v1/referrals/with-lead', {
    token: coordinator,
    body: {
      providerId: provider.id,
      referralDate: today,
      channel: 'letter',
      reason: 'Crossbite, age 9',
      lead: {
        firstName: 'Milo',
        lastName: `Park${last}`,
        phone,
        dateOfBirth: '2016-04-02',
        // A minor's lead names the adult responsible for them.
        responsibleParty: { name: 'Hana Park', relationship: 'Mother' },
      },
    },
  });
  expect(res.status).toBe(201);
  return { provider, referralId: res.json.referral.id as string, leadId: res.json.lead.id as string };
}

async function lettersOf(referralId: string): Promise<LetterItem[]> {
  const res = await api(`/api/v1/referral-letters?referralId=${referralId}`, { token: coordinator });
  expect(res.status).toBe(200);
  return res.json.items;
}

const milestones = (referralId: string, body: Record<string, unknown>, token = coordinator) =>
  api(`/api/v1/referrals/${referralId}/milestones`, { token, method: 'PATCH', body });

describe('letters on the events of a referral', () => {
  it('queues the thank-you with the referral and renders its merge fields, with no braces left', async () => {
    const { referralId } = await referredLead('Merge', '5125550201');
    const letters = await lettersOf(referralId);
    expect(letters).toMatchObject([{ event: 'thank_you', kind: 'thank_you', status: 'queued' }]);
    const letter = await api(`/api/v1/referral-letters/${letters[0]!.id}`, { token: coordinator });
    expect(letter.json.subject).toBe('Re: Milo ParkMerge, date of birth April 2, 2016');
    expect(letter.json.body).toContain('Dear Dr Merge,');
    expect(letter.json.body).toContain('Thank you for referring Milo ParkMerge to Demo');
    expect(letter.json.body).not.toContain('{{');
    expect(letter.json).toMatchObject({ providerName: 'Dr Rosa Merge, DDS', patientName: 'Milo ParkMerge' });
  });

  it('queues each event’s letter exactly once: consultation, conversion (treatment start), completion', async () => {
    const { referralId, leadId } = await referredLead('Once', '5125550202');
    const consult = {
      consultationDate: today,
      consultationOutcome: 'treatment_recommended',
      findings: 'Class II',
    };
    expect((await milestones(referralId, consult)).status).toBe(200);
    expect((await milestones(referralId, consult)).status).toBe(200);
    // A corrected outcome changes the still-queued letter instead of adding one.
    await milestones(referralId, { ...consult, consultationOutcome: 'observation_recall' });
    let letters = await lettersOf(referralId);
    expect(letters.map((l) => `${l.event}:${l.kind}`).sort()).toEqual([
      'consultation:consultation_observation',
      'thank_you:thank_you',
    ]);
    const facilityId = await createFacility(admin, 'Letters Clinic');
    expect(
      (await api(`/api/v1/leads/${leadId}/convert`, { token: coordinator, body: { facilityId } })).status,
    ).toBe(200);
    expect((await milestones(referralId, { treatmentStartDate: today })).status).toBe(200);
    expect((await milestones(referralId, { completedDate: today })).status).toBe(200);
    expect((await milestones(referralId, { completedDate: today })).status).toBe(200);
    letters = await lettersOf(referralId);
    expect(letters.map((l) => l.event).sort()).toEqual([
      'completed',
      'consultation',
      'thank_you',
      'treatment_started',
    ]);
    const read = await api(`/api/v1/referrals/${referralId}/milestones`, { token: coordinator });
    expect(read.json).toMatchObject({
      treatmentStartDate: today,
      completedDate: today,
      findings: 'Class II',
    });
  });

  it('refuses a consultation outcome without its date, completion before start, and outgoing referrals', async () => {
    const { referralId } = await referredLead('Rules', '5125550203');
    const noDate = await milestones(referralId, { consultationOutcome: 'declined' });
    expect(noDate.status).toBe(400);
    expect(noDate.json.error.details[0].path).toBe('consultationDate');
    const early = await milestones(referralId, { completedDate: today });
    expect(early.json.error.details).toEqual([{ path: 'completedDate', issue: 'no treatment start' }]);
    expect((await milestones(referralId, { outcome: 'x' })).status).toBe(400);
    const { provider } = await referredLead('Specialist', '5125550209');
    const outgoing = await api('/api/v1/referrals', {
      token: coordinator,
      body: { direction: 'outgoing', providerId: provider.id, referralDate: today, channel: 'letter' },
    });
    expect(outgoing.status).toBe(201);
    expect(await lettersOf(outgoing.json.id)).toEqual([]);
    const refused = await milestones(outgoing.json.id, { treatmentStartDate: today });
    expect(refused.json.error.details).toEqual([{ path: 'id', issue: 'outgoing referral' }]);
  });

  it('queues one progress report per interval from the cron, however often it runs', async () => {
    const { referralId } = await referredLead('Progress', '5125550204');
    await milestones(referralId, { treatmentStartDate: monthsAgo(7) });
    await runCron();
    await runCron();
    let progress = (await lettersOf(referralId)).filter((l) => l.kind === 'progress_report');
    expect(progress.map((l) => l.event)).toEqual(['progress_1']);
    const settings = await api('/api/v1/letter-templates/settings', {
      token: admin,
      method: 'PATCH',
      body: { progressEveryMonths: 3 },
    });
    expect(settings.json.progressEveryMonths).toBe(3);
    await runCron();
    await runCron();
    progress = (await lettersOf(referralId)).filter((l) => l.kind === 'progress_report');
    expect(progress.map((l) => l.event).sort()).toEqual(['progress_1', 'progress_2']);
    await api('/api/v1/letter-templates/settings', {
      token: admin,
      method: 'PATCH',
      body: { progressEveryMonths: 6 },
    });
    await milestones(referralId, { completedDate: today });
    await runCron();
    expect((await lettersOf(referralId)).filter((l) => l.kind === 'progress_report')).toHaveLength(2);
  });
});

describe('letter templates', () => {
  it('refuses unknown merge fields with the one envelope, previews against a real referral, and resets', async () => {
    const { referralId } = await referredLead('Template', '5125550205');
    const bad = await api('/api/v1/letter-templates/thank_you', {
      token: admin,
      method: 'PUT',
      body: { subject: 'Re: {{patient.name}}', body: 'Dear {{referrer.nickname}}, {{patient.ssn}}' },
    });
    expect(bad.status).toBe(400);
    expect(bad.json.error).toMatchObject({
      code: 'validation_failed',
      details: [{ path: 'body', issue: 'Unknown merge fields: {{referrer.nickname}}, {{patient.ssn}}' }],
    });
    const body =
      '{{referrer.salutation}}, thanks for {{patient.firstName}} ({{referral.reason}}).\n{{practice.signature}}';
    const preview = await api('/api/v1/letter-templates/preview', {
      token: coordinator,
      body: { referralId, kind: 'thank_you', subject: 'About {{patient.name}}', body },
    });
    expect(preview.json).toEqual({
      subject: 'About Milo ParkTemplate',
      body: expect.stringMatching(/^Dear Dr Template, thanks for Milo \(Crossbite, age 9\)\.\nSincerely,/),
    });
    expect(
      (
        await api('/api/v1/letter-templates/thank_you', {
          token: coordinator,
          method: 'PUT',
          body: { subject: 'x', body },
        })
      ).status,
    ).toBe(403);
    const saved = await api('/api/v1/letter-templates/thank_you', {
      token: admin,
      method: 'PUT',
      body: { subject: 'About {{patient.name}}', body },
    });
    expect(saved.json).toMatchObject({ kind: 'thank_you', builtIn: false });
    const [letter] = await lettersOf(referralId);
    const detail = await api(`/api/v1/referral-letters/${letter!.id}`, { token: coordinator });
    expect(detail.json.body).toContain('thanks for Milo (Crossbite, age 9)');
    const list = await api('/api/v1/letter-templates', { token: coordinator });
    expect(list.json.items).toHaveLength(7);
    expect(list.json.fields.map((f: { name: string }) => f.name)).toContain('consultation.findings');
    const reset = await api('/api/v1/letter-templates/thank_you', { token: admin, method: 'DELETE' });
    expect(reset.json).toMatchObject({ builtIn: true });
    const other = await loginAs('clinic_admin', 'other');
    const foreignPreview = await api('/api/v1/letter-templates/preview', {
      token: other,
      body: { referralId, kind: 'thank_you' },
    });
    expect(foreignPreview.status).toBe(404);
  });
});

describe('sending and downloading letters', () => {
  it('emails the letter through the outbox with its PDF attached, once, and audits it', async () => {
    const { provider, referralId } = await referredLead('Send', '5125550206');
    const [letter] = await lettersOf(referralId);
    const sent = await api(`/api/v1/referral-letters/${letter!.id}/send`, {
      token: coordinator,
      body: { via: 'email' },
    });
    expect(sent.status).toBe(200);
    expect(sent.json).toMatchObject({ status: 'sent', sentVia: 'email', sentTo: 'rosa.send@smiles.example' });
    await settleBackgroundWork();
    const mail = (await mailbox()).find((m) => m.recipient === 'rosa.send@smiles.example');
    if (!mail) throw new Error('no email to the referrer');
    expect(mail.status).toBe('sent');
    // Minimum necessary: the email names no patient; the letter is in the PDF.
    expect(`${mail.subject} ${mail.bodyText}`).not.toContain('Milo');
    expect(mail.attachments).toMatchObject([
      { fileName: `letter-${letter!.id}.pdf`, contentType: 'application/pdf' },
    ]);
    const file = await workerFetch(`${BASE}/dev/mailbox/attachments/${mail.attachments[0]!.id}`);
    const bytes = new Uint8Array(await file.arrayBuffer());
    expect(new TextDecoder().decode(bytes.subarray(0, 5))).toBe('%PDF-');
    const text = await pdfText(bytes);
    expect(text).toContain('Dear Dr Send,');
    expect(text).toContain('Send Family Dental');
    expect(text).toMatch(/Austin, TX 78701/i);
    const again = await api(`/api/v1/referral-letters/${letter!.id}/send`, {
      token: coordinator,
      body: { via: 'email' },
    });
    expect(again.status).toBe(409);
    const byProvider = await api(`/api/v1/referral-letters?providerId=${provider.id}`, {
      token: coordinator,
    });
    expect(byProvider.json.items).toMatchObject([{ id: letter!.id, status: 'sent' }]);
    const audit = await auditOf(admin, 'referral_letter', letter!.id);
    expect(audit).toEqual(expect.arrayContaining([expect.objectContaining({ action: 'export' })]));
  });

  it("puts each sent letter on the lead's timeline, and the patient's after conversion, audited", async () => {
    const { leadId, referralId } = await referredLead('Timeline', '5125550209');
    type Entry = { id: string; kind: string; text: string | null; detail: Record<string, unknown> | null };
    const lettersOnTimeline = async (id: string) => {
      const res = await api(`/api/v1/leads/${id}/timeline`, { token: coordinator });
      expect(res.status, res.text).toBe(200);
      return (res.json.items as Entry[]).filter((e) => e.kind === 'referral_letter');
    };
    // Queued is not sent: nothing on the timeline yet.
    expect(await lettersOnTimeline(leadId)).toEqual([]);
    const [thanks] = await lettersOf(referralId);
    expect(
      (
        await api(`/api/v1/referral-letters/${thanks!.id}/send`, {
          token: coordinator,
          body: { via: 'mail' },
        })
      ).status,
    ).toBe(200);
    expect(await lettersOnTimeline(leadId)).toMatchObject([
      {
        id: thanks!.id,
        text: 'Thank you for the referral letter sent to Dr Rosa Timeline, DDS for mail',
        detail: { letterId: thanks!.id, referralId, sentVia: 'mail' },
      },
    ]);
    const read = await auditOf(admin, 'lead_timeline', leadId);
    expect(read).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ action: 'read', detail: { letterIds: [thanks!.id] } }),
      ]),
    );

    // Converted: the patient's page reads the lead it came from, letters included.
    const facilityId = await createFacility(admin, 'Timeline Clinic');
    const converted = await api(`/api/v1/leads/${leadId}/convert`, { token: admin, body: { facilityId } });
    expect(converted.status, converted.text).toBe(200);
    const patient = await api(`/api/v1/patients/${converted.json.patientId}`, { token: admin });
    expect(patient.json.leadId).toBe(leadId);
    const started = (await lettersOf(referralId)).find((l) => l.event === 'treatment_started');
    expect(
      (
        await api(`/api/v1/referral-letters/${started!.id}/send`, {
          token: coordinator,
          body: { via: 'email' },
        })
      ).status,
    ).toBe(200);
    const after = await lettersOnTimeline(patient.json.leadId);
    expect(after.map((e) => e.id)).toEqual([started!.id, thanks!.id]);
    expect(after[0]!.text).toBe('Treatment started letter sent to Dr Rosa Timeline, DDS by email');
    // Another organisation's timeline read of this lead answers like a missing one.
    const other = await loginAs('clinic_admin', 'other');
    expect((await api(`/api/v1/leads/${leadId}/timeline`, { token: other })).status).toBe(404);
  });

  it('downloads the PDF for fax or mail (audited), records the way it went, and refuses what cannot be sent', async () => {
    const { referralId } = await referredLead('Fax', '5125550207');
    const [letter] = await lettersOf(referralId);
    const pdf = await workerFetch(`${BASE}/api/v1/referral-letters/${letter!.id}/pdf`, {
      headers: { Authorization: `Bearer ${coordinator}` },
    });
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('Content-Type')).toBe('application/pdf');
    expect(await pdfText(new Uint8Array(await pdf.arrayBuffer()))).toContain(
      'Re: Milo ParkFax, date of birth April 2, 2016',
    );
    await settleBackgroundWork();
    const audit = await auditOf(admin, 'referral_letter', letter!.id);
    expect(audit).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ action: 'export', detail: expect.objectContaining({ pdf: true }) }),
      ]),
    );
    const fax = await api(`/api/v1/referral-letters/${letter!.id}/send`, {
      token: coordinator,
      body: { via: 'fax' },
    });
    expect(fax.status).toBe(400);
    expect(fax.json.error.details).toEqual([{ path: 'via', issue: 'no fax number' }]);
    const mail = await api(`/api/v1/referral-letters/${letter!.id}/send`, {
      token: coordinator,
      body: { via: 'mail' },
    });
    expect(mail.json).toMatchObject({ status: 'sent', sentVia: 'mail', sentTo: 'Fax Family Dental' });
  });

  it('lets read-only roles see letters but not send or download them, and keeps tenants apart', async () => {
    const { referralId } = await referredLead('Perm', '5125550208');
    const [letter] = await lettersOf(referralId);
    const readOnly = await loginAs('read_only');
    expect((await api(`/api/v1/referral-letters?status=queued`, { token: readOnly })).status).toBe(200);
    expect((await api(`/api/v1/referral-letters/${letter!.id}`, { token: readOnly })).status).toBe(200);
    expect((await api(`/api/v1/referral-letters/${letter!.id}/pdf`, { token: readOnly })).status).toBe(403);
    expect(
      (await api(`/api/v1/referral-letters/${letter!.id}/send`, { token: readOnly, body: { via: 'mail' } }))
        .status,
    ).toBe(403);
    expect((await milestones(referralId, { treatmentStartDate: today }, readOnly)).status).toBe(403);
    const frontDesk = await loginAs('front_desk');
    expect((await api(`/api/v1/referral-letters/${letter!.id}/pdf`, { token: frontDesk })).status).toBe(200);
    const other = await loginAs('clinic_admin', 'other');
    expect((await api(`/api/v1/referral-letters/${letter!.id}`, { token: other })).status).toBe(404);
    expect((await api(`/api/v1/referral-letters/${letter!.id}/pdf`, { token: other })).status).toBe(404);
    expect(
      (await api(`/api/v1/referral-letters/${letter!.id}/send`, { token: other, body: { via: 'mail' } }))
        .status,
    ).toBe(404);
    expect((await milestones(referralId, { treatmentStartDate: today }, other)).status).toBe(404);
    const theirs = await api(`/api/v1/referral-letters?referralId=${referralId}`, { token: other });
    expect(theirs.json.items).toEqual([]);
  });
});
