import { and, eq, type SQL } from 'drizzle-orm';
import { leadActivities, leads, patientMessages, patients, unsubscribes } from '../../../db/schema';
import type { AuditLog } from '../../lib/audit-log';
import { newId } from '../../lib/crypto';
import type { TenantDb } from '../../lib/tenant-db';
import { iso } from '../../lib/time';
import { ALL_CATEGORIES, addressKey, unsubscribe } from '../automations/unsubscribes';
import { phoneKey } from '../leads/phone-key';

/** The carrier keywords (CTIA): these words alone, in any case, stop, resume or ask for help. */
const STOP_WORDS = new Set(['stop', 'stopall', 'unsubscribe', 'cancel', 'end', 'quit']);
const START_WORDS = new Set(['start', 'unstop']);
const HELP_WORDS = new Set(['help', 'info']);

export type InboundSms = { from: string; body: string; messageSid: string };

/**
 * A text message someone sent the practice: STOP unsubscribes the number from
 * every automation SMS, START undoes it, HELP is answered; every message lands
 * on the timeline of the leads with that number and on the page of the
 * patients whose own number it is (once, however often the provider delivers
 * it). Answers the reply to text back, if any.
 */
export async function receiveSms(tenant: TenantDb, audit: AuditLog, sms: InboundSms) {
  const org = await tenant.organization();
  const word = sms.body.trim().toLowerCase();
  const key = phoneKey(sms.from);
  const matching = key
    ? await tenant.selectFields({ id: leads.id }, leads, eq(leads.phoneKey, key)).limit(20)
    : [];
  const ownersOf = key
    ? await tenant.selectFields({ id: patients.id }, patients, eq(patients.phoneKey, key)).limit(20)
    : [];
  const patientPages = ownersOf.flatMap((patient) => [
    tenant
      .insert(patientMessages, {
        id: newId('pms'),
        patientId: patient.id,
        channel: 'sms',
        direction: 'inbound',
        text: sms.body,
        providerId: sms.messageSid,
        createdAt: iso(),
      })
      .onConflictDoNothing(),
    audit.statement({
      organizationId: tenant.organizationId,
      action: 'update',
      entityType: 'patient',
      entityId: patient.id,
      detail: { for: 'inbound_sms' },
    }),
  ]);
  const timeline = matching.flatMap((lead) => [
    tenant.insert(leadActivities, {
      id: newId('lac'),
      leadId: lead.id,
      kind: 'sms',
      text: sms.body,
      detail: { direction: 'inbound', messageSid: sms.messageSid },
      createdBy: 'sms',
      createdAt: iso(),
    }),
    audit.statement({
      organizationId: tenant.organizationId,
      action: 'update',
      entityType: 'lead',
      entityId: lead.id,
      detail: { for: 'inbound_sms' },
    }),
  ]);
  let reply: string | null = null;
  const preference = [];
  if (STOP_WORDS.has(word)) {
    preference.push(unsubscribe(tenant, 'sms', sms.from, ALL_CATEGORIES, 'sms_stop'));
    reply = `${org.name}: you will get no more automated texts. Reply START to receive them again.`;
  } else if (START_WORDS.has(word)) {
    preference.push(
      tenant.delete(
        unsubscribes,
        and(eq(unsubscribes.channel, 'sms'), eq(unsubscribes.address, addressKey('sms', sms.from))) as SQL,
      ),
    );
    reply = `${org.name}: automated texts are on again. Reply STOP to end them.`;
  } else if (HELP_WORDS.has(word)) {
    reply = `${org.name}: automated reminders from your care team. Reply STOP to end them. For help, call the practice.`;
  }
  await tenant.batch([...preference, ...timeline, ...patientPages]);
  return { reply, leads: matching.length, patients: ownersOf.length };
}
