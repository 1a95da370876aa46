import { createMessageBatch, env } from 'cloudflare:test';
import { createHmac } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ORGS } from '../../scripts/seed-demo';
import { consumeSends } from '../../worker/services/automations/consume-sends';
import type { AutomationSend } from '../../worker/services/automations/send-queue';
import { twilioAdapter } from '../../worker/services/sms/sms-adapters';
import { counting, deliverBatch, ORG, recordedSend, row, sendAnyTime } from './automation-helpers';
import { api, BASE, createFacility, loginAs, workerFetch } from './helpers';
import { createLead } from './intake-helpers';

const URL = `${BASE}/webhooks/sms/${ORG}`;

/** Twilio's signature computed here with node:crypto, independently of the worker's Web Crypto code. */
function sign(url: string, params: Record<string, string>, token = env.TWILIO_AUTH_TOKEN ?? '') {
  const data =
    url +
    Object.keys(params)
      .sort()
      .map((k) => k + params[k])
      .join('');
  return createHmac('sha1', token).update(data).digest('base64');
}

function inbound(params: Record<string, string>, signature = sign(URL, params), url = URL) {
  return workerFetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'X-Twilio-Signature': signature },
    body: new URLSearchParams(params).toString(),
  });
}

const FROM = '+15125550147';
let admin: string;
let leadId: string;

beforeAll(async () => {
  admin = await loginAs('clinic_admin');
  leadId = await createLead(admin, { firstName: 'Texting', lastName: 'Lead', phone: '(512) 555-0147' });
});

describe('inbound SMS (Twilio webhook)', () => {
  it('refuses a request without a valid signature, or signed for another URL', async () => {
    const params = { From: FROM, Body: 'STOP', MessageSid: 'SM1' };
    expect((await inbound(params, 'bm90IGEgc2lnbmF0dXJl')).status).toBe(403);
    expect((await inbound(params, sign(`${BASE}/webhooks/sms/elsewhere`, params))).status).toBe(403);
    expect((await inbound({ ...params, Body: 'START' }, sign(URL, params))).status).toBe(403);
  });

  it('a reply lands on the lead’s timeline', async () => {
    const res = await inbound({ From: FROM, Body: 'Can we move Tuesday?', MessageSid: 'SM2' });
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('<?xml version="1.0" encoding="UTF-8"?><Response></Response>');
    const timeline = await api(`/api/v1/leads/${leadId}/timeline`, { token: admin });
    expect(timeline.json.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          kind: 'sms',
          text: 'Can we move Tuesday?',
          detail: { direction: 'inbound', messageSid: 'SM2' },
        }),
      ]),
    );
  });

  it('HELP is answered; STOP unsubscribes the number from every automated text; START resumes', async () => {
    const help = await inbound({ From: FROM, Body: ' help ', MessageSid: 'SM3' });
    expect(await help.text()).toContain(`<Message>${DEMO_ORGS.demo.name}: automated reminders`);
    await sendAnyTime(admin);
    const text = (category: string) =>
      recordedSend(`SMS ${category}`, { recipient: FROM, category, channel: 'sms' });
    const before = await text('appointment_reminders');
    await deliverBatch([{ organizationId: ORG, messageId: before }], counting({ n: 0 }));
    expect((await row(before)).status).toBe('sent');
    const stop = await inbound({ From: FROM, Body: 'Stop', MessageSid: 'SM4' });
    expect(await stop.text()).toContain('you will get no more automated texts');
    const after = await text('nurture');
    await deliverBatch([{ organizationId: ORG, messageId: after }], counting({ n: 0 }));
    expect((await row(after)).status).toBe('suppressed');
    await inbound({ From: FROM, Body: 'START', MessageSid: 'SM5' });
    const resumed = await text('nurture');
    await deliverBatch([{ organizationId: ORG, messageId: resumed }], counting({ n: 0 }));
    expect((await row(resumed)).status).toBe('sent');
  });

  it('another organisation’s URL does not touch this organisation’s leads', async () => {
    const url = `${BASE}/webhooks/sms/${DEMO_ORGS.other.id}`;
    const params = { From: FROM, Body: 'Hello other', MessageSid: 'SM6' };
    expect((await inbound(params, sign(url, params), url)).status).toBe(200);
    const timeline = await api(`/api/v1/leads/${leadId}/timeline`, { token: admin });
    expect(timeline.json.items.some((i: { text: string }) => i.text === 'Hello other')).toBe(false);
  });

  it('the local adapter delivers a text to the dev phone page; the Twilio adapter calls the Messages API', async () => {
    await sendAnyTime(admin);
    const id = await recordedSend('Dev phone', { recipient: '+15125550199', channel: 'sms' });
    const consumer = createMessageBatch<AutomationSend>('sidecar-automation-sends', [
      { id: 'm0', timestamp: new Date(), attempts: 1, body: { organizationId: ORG, messageId: id } },
    ]);
    await consumeSends(consumer, env);
    expect(await row(id)).toMatchObject({ status: 'sent', provider: 'dev-phone' });
    const phone = await api('/dev/phone.json');
    expect(phone.json.items).toEqual(
      expect.arrayContaining([expect.objectContaining({ recipient: '+15125550199', status: 'sent' })]),
    );
    expect(phone.json.items.every((m: { channel: string }) => m.channel === 'sms')).toBe(true);
    expect((await workerFetch(`${BASE}/dev/phone`)).status).toBe(200);

    const seen: Request[] = [];
    const twilio = twilioAdapter('AC123', 'secret-token', '+15125550100', async (input, init) => {
      seen.push(new Request(input, init));
      return Response.json({ sid: 'SM999' }, { status: 201 });
    });
    expect(await twilio.send({ to: '+15125550199', body: 'See you Tuesday' })).toEqual({
      ok: true,
      providerMessageId: 'SM999',
    });
    const [request] = seen;
    expect(request?.url).toBe('https://api.twilio.com/2010-04-01/Accounts/AC123/Messages.json');
    expect(request?.headers.get('Authorization')).toBe(`Basic ${btoa('AC123:secret-token')}`);
    expect(Object.fromEntries(new URLSearchParams(await request!.text()))).toEqual({
      To: '+15125550199',
      From: '+15125550100',
      Body: 'See you Tuesday',
    });
    const refused = twilioAdapter(
      'AC123',
      'bad',
      '+15125550100',
      async () => new Response('', { status: 401 }),
    );
    expect(await refused.send({ to: '+1', body: 'x' })).toEqual({ ok: false, error: 'twilio answered 401' });
  });
});

describe("a text from a patient's own number", () => {
  const PATIENT_FROM = '+15125550163';
  let patientId: string;
  let facilityId: string;

  beforeAll(async () => {
    facilityId = await createFacility(admin, 'Texting Terrace');
    const made = await api('/api/v1/patients', {
      token: admin,
      body: {
        facilityId,
        firstName: 'Pat',
        lastName: 'Texter',
        dateOfBirth: '1948-08-08',
        phone: '512.555.0163 ext. 4',
      },
    });
    expect(made.status).toBe(201);
    patientId = made.json.id;
  });

  it("lands on the patient's page once, however often the provider delivers it, and the read is audited", async () => {
    const params = { From: PATIENT_FROM, Body: 'Is my appointment still on Friday?', MessageSid: 'SM-P1' };
    expect((await inbound(params)).status).toBe(200);
    // Twilio retries a webhook it thinks failed: the same message is recorded once.
    expect((await inbound(params)).status).toBe(200);
    await inbound({ From: PATIENT_FROM, Body: 'Thanks!', MessageSid: 'SM-P2' });
    const messages = await api(`/api/v1/patients/${patientId}/messages`, { token: admin });
    expect(messages.status).toBe(200);
    expect(messages.json).toEqual({
      items: [
        expect.objectContaining({ channel: 'sms', direction: 'inbound', text: 'Thanks!' }),
        expect.objectContaining({ text: 'Is my appointment still on Friday?' }),
      ],
      more: false,
    });
    const reads = await api(`/api/v1/audit?entityType=patient&entityId=${patientId}`, { token: admin });
    expect(reads.json.items.map((e: { action: string; detail: unknown }) => [e.action, e.detail])).toEqual(
      expect.arrayContaining([
        ['read', { for: 'messages' }],
        ['update', { for: 'inbound_sms' }],
      ]),
    );
  });

  it('STOP from that number unsubscribes it and is kept on the page too', async () => {
    const stop = await inbound({ From: PATIENT_FROM, Body: 'STOP', MessageSid: 'SM-P3' });
    expect(await stop.text()).toContain('you will get no more automated texts');
    const messages = await api(`/api/v1/patients/${patientId}/messages`, { token: admin });
    expect(messages.json.items[0].text).toBe('STOP');
  });

  it("answers another organisation's patient id like a missing one, and keeps its texts apart", async () => {
    const other = await loginAs('clinic_admin', 'other');
    const missing = await api('/api/v1/patients/pat_missing/messages', { token: other });
    const foreign = await api(`/api/v1/patients/${patientId}/messages`, { token: other });
    expect(foreign.status).toBe(404);
    expect(foreign.json.error.message).toBe(missing.json.error.message);
    // The same text sent to the other organisation's number lands on none of this one's patients.
    const url = `${BASE}/webhooks/sms/${DEMO_ORGS.other.id}`;
    const params = { From: PATIENT_FROM, Body: 'Wrong practice', MessageSid: 'SM-P4' };
    expect((await inbound(params, sign(url, params), url)).status).toBe(200);
    const mine = await api(`/api/v1/patients/${patientId}/messages`, { token: admin });
    expect(mine.json.items.some((m: { text: string }) => m.text === 'Wrong practice')).toBe(false);
  });
});
