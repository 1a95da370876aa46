import { beforeAll, describe, expect, it } from 'vitest';
import { api, loginAs, mailbox } from './helpers';
import { publishedTemplate, sendForm } from './intake-helpers';

const SITE = 'http://127.0.0.1:8787';
let coordinator: string;
let admin: string;

beforeAll(async () => {
  coordinator = await loginAs('treatment_coordinator');
  admin = await loginAs('clinic_admin');
});

const minor = {
  firstName: 'Mia',
  lastName: 'Park',
  dateOfBirth: '2014-03-02',
  email: 'mia.park@example.test',
};
const newLead = (body: Record<string, unknown>) => api('/api/v1/leads', { token: coordinator, body });
const paths = (res: { json: { error: { details: { path: string }[] } } }) =>
  res.json.error.details.map((d) => d.path);

describe('a minor needs a responsible party who is another person', () => {
  it('refuses, through the API, a minor with no responsible party, or one who is the minor', async () => {
    const none = await newLead(minor);
    expect(none.status).toBe(400);
    expect(none.json.error.message).toBe(
      'Someone under 18 needs a responsible party (a parent or guardian): enter their name and relationship',
    );
    expect(paths(none)).toEqual(['responsibleParty']);
    const self = await newLead({ ...minor, responsibleParty: { name: 'Jin Park', relationship: ' Self ' } });
    expect(self.status).toBe(400);
    expect(paths(self)).toEqual(['responsibleParty.relationship']);
    const sameName = await newLead({
      ...minor,
      responsibleParty: { name: 'mia  PARK', relationship: 'Mother' },
    });
    expect(sameName.status).toBe(400);
    expect(paths(sameName)).toEqual(['responsibleParty.name']);
    const reversed = await newLead({
      ...minor,
      responsibleParty: { name: 'Park, Mia', relationship: 'Guardian' },
    });
    expect(paths(reversed)).toEqual(['responsibleParty.name']);

    // An adult needs none; an age not given asks for none.
    expect((await newLead({ ...minor, firstName: 'Ada', dateOfBirth: '1990-01-01' })).status).toBe(201);
    expect((await newLead({ firstName: 'No', lastName: 'Age', phone: '555-400-0001' })).status).toBe(201);

    const ok = await newLead({ ...minor, responsibleParty: { name: 'Jin Park', relationship: 'Mother' } });
    expect(ok.status).toBe(201);
    // Edits keep the rule: the guardian cannot be removed, nor the minor named as her own.
    const cleared = await api(`/api/v1/leads/${ok.json.lead.id}`, {
      token: coordinator,
      method: 'PATCH',
      body: { responsibleParty: null },
    });
    expect(cleared.status).toBe(400);
    const renamed = await api(`/api/v1/leads/${ok.json.lead.id}`, {
      token: coordinator,
      method: 'PATCH',
      body: { firstName: 'Jin' },
    });
    expect(renamed.status).toBe(400);
    const adult = (await newLead({ firstName: 'Tom', lastName: 'Grown', phone: '555-400-0002' })).json.lead;
    const madeMinor = await api(`/api/v1/leads/${adult.id}`, {
      token: coordinator,
      method: 'PATCH',
      body: { dateOfBirth: '2015-05-05' },
    });
    expect(madeMinor.status).toBe(400);
    expect(paths(madeMinor)).toEqual(['responsibleParty']);
  });

  it('refuses the same on the public website form, and keeps the guardian it is given', async () => {
    const key = (await api('/api/v1/lead-form', { token: coordinator })).json.key;
    const post = (body: Record<string, string>, ip: string) =>
      api(`/api/v1/public/leads/${key}`, { method: 'POST', ip, headers: { Origin: SITE }, body });
    const kid = {
      firstName: 'Kai',
      lastName: 'Web',
      email: 'kai.web@example.test',
      dateOfBirth: '2013-01-01',
    };
    const none = await post(kid, '192.0.2.90');
    expect(none.status).toBe(400);
    expect(paths(none)).toEqual(['guardianName']);
    const self = await post({ ...kid, guardianName: 'Lou Web', guardianRelationship: 'self' }, '192.0.2.91');
    expect(paths(self)).toEqual(['guardianRelationship']);
    const same = await post(
      { ...kid, guardianName: 'Kai Web', guardianRelationship: 'Father' },
      '192.0.2.92',
    );
    expect(paths(same)).toEqual(['guardianName']);
    const ok = await post(
      { ...kid, guardianName: 'Lou Web', guardianRelationship: 'Father', guardianEmail: 'Lou@Example.test' },
      '192.0.2.93',
    );
    expect(ok.status).toBe(202);
    const found = (await api('/api/v1/leads?q=kai.web', { token: coordinator })).json.items;
    expect(found.map((l: { responsibleParty: unknown }) => l.responsibleParty)).toEqual([
      { name: 'Lou Web', relationship: 'Father', email: 'lou@example.test' },
    ]);
  });

  it("emails a minor's intake form to the responsible party, never to the minor's own address", async () => {
    const { templateId } = await publishedTemplate(admin, 'Guardian routing');
    const withGuardianEmail = (
      await newLead({
        ...minor,
        firstName: 'Zoe',
        email: 'zoe.own@example.test',
        responsibleParty: { name: 'Ray Park', relationship: 'Father', email: 'ray.park@example.test' },
      })
    ).json.lead;
    const sent = await sendForm(admin, { templateId, leadId: withGuardianEmail.id, delivery: 'email' });
    expect(sent.status).toBe(201);
    expect(sent.json.recipientEmail).toBe('ray.park@example.test');
    const toChild = await sendForm(admin, {
      templateId,
      leadId: withGuardianEmail.id,
      delivery: 'email',
      email: 'zoe.own@example.test',
    });
    expect(toChild.status).toBe(400);
    expect(paths(toChild)).toEqual(['email']);

    // No guardian address: the minor's own is not used in its place.
    const noGuardianEmail = (
      await newLead({
        ...minor,
        firstName: 'Ivy',
        email: 'ivy.own@example.test',
        responsibleParty: { name: 'Sam Park', relationship: 'Mother' },
      })
    ).json.lead;
    const refused = await sendForm(admin, { templateId, leadId: noGuardianEmail.id, delivery: 'email' });
    expect(refused.status).toBe(409);
    expect(refused.json.error.message).toContain('under 18');
    const given = await sendForm(admin, {
      templateId,
      leadId: noGuardianEmail.id,
      delivery: 'email',
      email: 'sam.park@example.test',
    });
    expect(given.status).toBe(201);
    const recipients = (await mailbox()).map((m) => m.recipient);
    expect(recipients).toEqual(expect.arrayContaining(['ray.park@example.test', 'sam.park@example.test']));
    expect(recipients).not.toContain('zoe.own@example.test');
    expect(recipients).not.toContain('ivy.own@example.test');
  });
});
