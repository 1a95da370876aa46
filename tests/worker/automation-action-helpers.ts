import { eq } from 'drizzle-orm';
import { expect } from 'vitest';
import { outboxMessages } from '../../db/schema';
import { dayFromNow } from './automation-helpers';
import { api, createFacility, db } from './helpers';
import { createProvider } from './referral-helpers';

const today = new Date().toISOString().slice(0, 10);

type Family = {
  /** The lead's (and so the patient's own) contact; either may be left out. */
  email?: string;
  phone?: string;
  dateOfBirth: string;
  guardian?: { name: string; email?: string; phone?: string };
  /** A referring provider with this email sends the lead, when given. */
  referrerEmail?: string;
};

/**
 * A person as the practice meets them: a lead (referred by a provider, or
 * not), converted to a patient at a new location, with one open case expiring
 * in 10 days. Answers the ids a rule's actions reach.
 */
export async function patientWithCase(admin: string, label: string, who: Family) {
  const facilityId = await createFacility(admin, `${label} Clinic`);
  const lead = {
    firstName: label,
    lastName: 'Family',
    email: who.email,
    phone: who.phone,
    dateOfBirth: who.dateOfBirth,
    responsibleParty: who.guardian ? { ...who.guardian, relationship: 'Mother' } : undefined,
  };
  let leadId: string;
  if (who.referrerEmail) {
    const provider = await createProvider(admin, 'Rosa', `${label}son`, { email: who.referrerEmail });
    const made = await api('/api/v1/referrals/with-lead', {
      token: admin,
      body: { providerId: provider.id, referralDate: today, channel: 'letter', lead },
    });
    expect(made.status, made.text).toBe(201);
    leadId = made.json.lead.id;
  } else {
    const made = await api('/api/v1/leads', { token: admin, body: lead });
    expect(made.status, made.text).toBe(201);
    leadId = made.json.lead.id;
  }
  const converted = await api(`/api/v1/leads/${leadId}/convert`, {
    token: admin,
    body: { facilityId, dateOfBirth: who.dateOfBirth },
  });
  expect(converted.status, converted.text).toBe(200);
  const patientId = converted.json.patientId as string;
  const caseName = `${label} case`;
  const upsert = await api('/api/v1/cases/upsert', {
    token: admin,
    body: {
      items: [
        {
          externalId: `${label}-case`,
          patientId,
          facilityId,
          name: caseName,
          status: 'open',
          expiryDate: dayFromNow(10),
          maxSessions: 5,
        },
      ],
    },
  });
  expect(upsert.status, upsert.text).toBe(200);
  const cases = await api(`/api/v1/cases?patientId=${patientId}`, { token: admin });
  return { facilityId, leadId, patientId, caseName, caseId: cases.json.items?.[0]?.id as string };
}

export async function template(admin: string, name: string, channel: 'email' | 'sms', body: string) {
  const res = await api('/api/v1/message-templates', {
    token: admin,
    body: {
      name,
      channel,
      category: 'case_updates',
      subject: channel === 'email' ? `About {{case.name}} for {{recipient.firstName}}` : undefined,
      body,
    },
  });
  expect(res.status, res.text).toBe(201);
  return res.json.id as string;
}

/** A rule on the location's cases with sessions left, doing `actions`; answers the create response. */
export function caseRule(admin: string, name: string, facilityId: string, actions: unknown[]) {
  return api('/api/v1/automation-rules', {
    token: admin,
    body: {
      name,
      category: 'case_updates',
      type: 'once',
      population: 'cases',
      facilityIds: [facilityId],
      conditions: { match: 'all', conditions: [{ field: 'sessionsLeft', op: 'gt', value: 0 }] },
      actions,
    },
  });
}

/** Creates and plays the rule; answers its id. */
export async function playingRule(admin: string, name: string, facilityId: string, actions: unknown[]) {
  const rule = await caseRule(admin, name, facilityId, actions);
  expect(rule.status, rule.text).toBe(201);
  const play = await api(`/api/v1/automation-rules/${rule.json.id}/play`, { token: admin, body: {} });
  expect(play.json.status).toBe('running');
  return rule.json.id as string;
}

/** The rule's runs as the API shows them, with what each action did. */
export async function runsOf(admin: string, ruleId: string) {
  const res = await api(`/api/v1/automation-rules/runs?ruleId=${ruleId}`, { token: admin });
  expect(res.status, res.text).toBe(200);
  return res.json.items as {
    subjectId: string;
    actions: {
      actionIndex: number;
      kind: string;
      status: string;
      to: string | null;
      reason: string | null;
      outboxMessageId: string | null;
      taskId: string | null;
      webhookDeliveryId: string | null;
    }[];
    outboxMessageId: string | null;
  }[];
}

export async function outboxRow(id: string) {
  const [row] = await db().select().from(outboxMessages).where(eq(outboxMessages.id, id));
  return row;
}
