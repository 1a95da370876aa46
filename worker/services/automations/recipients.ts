import { and, desc, eq, isNull, or, type SQL, sql } from 'drizzle-orm';
import {
  cases,
  intakeRequests,
  leads,
  memberships,
  patients,
  recordsRequests,
  referrals,
  referringProviders,
  users,
} from '../../../db/schema';
import { isMinorOn } from '../../../shared/intake/minor-age';
import type { ActionRecipient } from '../../../shared/schemas/automation-actions';
import type { TenantDb } from '../../lib/tenant-db';

/** What a rule acts on: its type (`case` or the population's name, `cases`) and id. */
export type SubjectRef = { type: string; id: string };

type Person = { firstName: string; dateOfBirth: string | null; email: string | null; phone: string | null };
type Party = { firstName: string | null; email: string | null; phone: string | null };

/** The people around one subject that a message action may go to. */
export type SubjectPeople = {
  patientId: string | null;
  leadId: string | null;
  /** The patient's own email and phone, each else the one they gave as a lead. */
  patient: Person | null;
  lead: Person | null;
  guardian: Party | null;
  referrer: Party | null;
};

export type Channel = 'email' | 'sms';
export type Resolved = { address: string; firstName: string | null } | { skip: string };

const firstWord = (name: string) => name.trim().split(/\s+/)[0] ?? null;

/** A phone number as E.164 (`+15550102000`), what SMS providers and STOP replies use; null if it is not one. */
export function toE164(phone: string | null | undefined): string | null {
  if (!phone) return null;
  const digits = phone.replace(/\D/g, '');
  if (phone.trim().startsWith('+')) return digits.length >= 8 && digits.length <= 15 ? `+${digits}` : null;
  if (digits.length === 10) return `+1${digits}`;
  if (digits.length === 11 && digits.startsWith('1')) return `+${digits}`;
  return null;
}

/** A subject type, singular or as the rule's population names it (`cases`, `intake_requests`, …). */
const singular = (type: string) => type.replace(/s$/, '');

/**
 * The patient and lead a subject is about: a case's patient, a lead's patient
 * once converted, an intake or records request's patient or lead. Facilities
 * (and anything else) are about no one.
 */
async function subjectPersons(
  tenant: TenantDb,
  subject: SubjectRef,
): Promise<{ patientId: string | null; leadId: string | null }> {
  const type = singular(subject.type);
  if (type === 'patient') return { patientId: subject.id, leadId: null };
  const [row] =
    type === 'lead'
      ? await tenant
          .selectFields({ patientId: leads.patientId, leadId: leads.id }, leads, eq(leads.id, subject.id))
          .limit(1)
      : type === 'case'
        ? await tenant
            .selectFields(
              { patientId: cases.patientId, leadId: sql<null>`NULL` },
              cases,
              eq(cases.id, subject.id),
            )
            .limit(1)
        : type === 'intake_request'
          ? await tenant
              .selectFields(
                { patientId: intakeRequests.patientId, leadId: intakeRequests.leadId },
                intakeRequests,
                eq(intakeRequests.id, subject.id),
              )
              .limit(1)
          : type === 'records_request'
            ? await tenant
                .selectFields(
                  { patientId: recordsRequests.patientId, leadId: recordsRequests.leadId },
                  recordsRequests,
                  eq(recordsRequests.id, subject.id),
                )
                .limit(1)
            : [];
  return { patientId: row?.patientId ?? null, leadId: row?.leadId ?? null };
}

async function leadOf(tenant: TenantDb, where: SQL) {
  const [lead] = await tenant
    .selectFields(
      {
        id: leads.id,
        firstName: leads.firstName,
        dateOfBirth: leads.dateOfBirth,
        email: leads.email,
        phone: leads.phone,
        responsibleParty: leads.responsibleParty,
      },
      leads,
      and(where, isNull(leads.mergedInto)),
    )
    .orderBy(desc(leads.createdAt))
    .limit(1);
  return lead ?? null;
}

/** The referring provider of the newest incoming referral of the patient or their lead. */
async function referrerOf(tenant: TenantDb, patientId: string | null, leadId: string | null) {
  const who = [
    patientId ? eq(referrals.patientId, patientId) : undefined,
    leadId ? eq(referrals.leadId, leadId) : undefined,
  ].filter((c) => c !== undefined);
  if (who.length === 0) return null;
  const [row] = await tenant
    .join(
      {
        firstName: referringProviders.firstName,
        email: referringProviders.email,
      },
      referrals,
      [{ table: referringProviders, on: eq(referringProviders.id, referrals.providerId) }],
      and(eq(referrals.direction, 'incoming'), or(...who)),
    )
    .orderBy(desc(referrals.referralDate), desc(referrals.createdAt))
    .limit(1);
  if (!row) return null;
  return { firstName: row.firstName, email: row.email, phone: null };
}

/**
 * Everyone a message about `subject` may go to. The guardian is the lead's
 * responsible party; for a minor patient without one, their emergency contact
 * (whoever the facility calls for a child is answerable for them).
 */
export async function subjectPeople(tenant: TenantDb, subject: SubjectRef, today: string) {
  const ids = await subjectPersons(tenant, subject);
  const [patient] = ids.patientId
    ? await tenant
        .selectFields(
          {
            firstName: patients.firstName,
            dateOfBirth: patients.dateOfBirth,
            leadId: patients.leadId,
            email: patients.email,
            phone: patients.phone,
            contactName: patients.emergencyContactName,
            contactPhone: patients.emergencyContactPhone,
          },
          patients,
          eq(patients.id, ids.patientId),
        )
        .limit(1)
    : [];
  const lead = ids.leadId
    ? await leadOf(tenant, eq(leads.id, ids.leadId))
    : patient
      ? await leadOf(
          tenant,
          patient.leadId ? eq(leads.id, patient.leadId) : eq(leads.patientId, ids.patientId ?? ''),
        )
      : null;
  const leadPerson: Person | null = lead
    ? { firstName: lead.firstName, dateOfBirth: lead.dateOfBirth, email: lead.email, phone: lead.phone }
    : null;
  const patientPerson: Person | null = patient
    ? {
        firstName: patient.firstName,
        dateOfBirth: patient.dateOfBirth,
        email: patient.email ?? lead?.email ?? null,
        phone: patient.phone ?? lead?.phone ?? null,
      }
    : null;
  const party = lead?.responsibleParty;
  const minorPatient = !!patient && isMinorOn(patient.dateOfBirth, today);
  const guardian: Party | null = party
    ? { firstName: firstWord(party.name), email: party.email ?? null, phone: party.phone ?? null }
    : minorPatient && patient.contactName
      ? { firstName: firstWord(patient.contactName), email: null, phone: patient.contactPhone }
      : null;
  const people: SubjectPeople = {
    patientId: ids.patientId,
    leadId: lead?.id ?? ids.leadId,
    patient: patientPerson,
    lead: leadPerson,
    guardian,
    referrer: await referrerOf(tenant, ids.patientId, lead?.id ?? ids.leadId),
  };
  return people;
}

/** The staff member's address: email only (staff keep no mobile number here). */
export async function staffAddress(tenant: TenantDb, membershipId: string) {
  const [member] = await tenant.join(
    { email: users.email, name: users.name, status: memberships.status },
    memberships,
    [{ table: users, on: eq(users.id, memberships.userId) }],
    eq(memberships.id, membershipId),
  );
  return member?.status === 'active' ? { email: member.email, firstName: firstWord(member.name) } : null;
}

const WHAT: Record<ActionRecipient, string> = {
  patient: 'The patient',
  guardian: 'The guardian',
  lead: 'The lead',
  staff: 'The staff member',
  referrer: 'The referring provider',
};
const NO_ADDRESS: Record<Channel, string> = { email: 'email address', sms: 'mobile number' };

/**
 * Where a message goes, or why it does not. The minor guard: a minor's own
 * address is never used while they have a guardian; the rule must send to the
 * guardian (`to: 'guardian'`) instead, and is skipped with the reason otherwise.
 */
export function resolveRecipient(
  people: SubjectPeople,
  to: Exclude<ActionRecipient, 'staff'>,
  channel: Channel,
  today: string,
): Resolved {
  const person = to === 'patient' ? people.patient : to === 'lead' ? people.lead : null;
  if (person?.dateOfBirth && isMinorOn(person.dateOfBirth, today) && people.guardian)
    return {
      skip: `${WHAT[to]} is a minor with a guardian: messages go to the guardian only (send to the guardian)`,
    };
  const party = to === 'guardian' ? people.guardian : to === 'referrer' ? people.referrer : null;
  const target = person ?? party;
  if (!target) return { skip: `${WHAT[to]} is not known for this subject` };
  const address = channel === 'email' ? target.email?.trim().toLowerCase() : toE164(target.phone);
  if (!address) return { skip: `${WHAT[to]} has no ${NO_ADDRESS[channel]} on file` };
  return { address, firstName: person ? person.firstName : (party?.firstName ?? null) };
}
