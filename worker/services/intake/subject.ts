import { eq } from 'drizzle-orm';
import { leads, patients } from '../../../db/schema';
import type { PrefillKey } from '../../../shared/intake/definition';
import { isMinorOn } from '../../../shared/intake/engine';
import type { TenantDb } from '../../lib/tenant-db';

/**
 * The person a form is about: a lead or a patient. What the organisation
 * already knows of them, by prefill key, is what the form pre-fills and what
 * accepting a submission may change.
 */
export type Subject =
  | { type: 'lead'; id: string; row: typeof leads.$inferSelect }
  | {
      type: 'patient';
      id: string;
      row: typeof patients.$inferSelect;
      lead: typeof leads.$inferSelect | null;
    };

export type RecordValues = Partial<Record<PrefillKey, string>>;

/** The subject of a request or submission; null when the record is gone (never in practice). */
export async function loadSubject(
  tenant: TenantDb,
  ref: { leadId: string | null; patientId: string | null },
): Promise<Subject | null> {
  if (ref.leadId) {
    const [row] = await tenant.select(leads, eq(leads.id, ref.leadId));
    return row ? { type: 'lead', id: row.id, row } : null;
  }
  if (!ref.patientId) return null;
  const [row] = await tenant.select(patients, eq(patients.id, ref.patientId));
  if (!row) return null;
  // A converted lead may hold the email and phone the patient record was never given.
  const [lead] = row.leadId ? await tenant.select(leads, eq(leads.id, row.leadId)) : [];
  return { type: 'patient', id: row.id, row, lead: lead ?? null };
}

/**
 * The record's own values, by prefill key; a patient without an email or
 * phone of their own is offered the lead's they were converted from.
 */
export function recordValues(subject: Subject): RecordValues {
  const { row } = subject;
  const lead = subject.type === 'lead' ? null : subject.lead;
  const out: RecordValues = {
    firstName: row.firstName,
    lastName: row.lastName,
    dateOfBirth: row.dateOfBirth ?? undefined,
    email: row.email ?? lead?.email ?? undefined,
    phone: row.phone ?? lead?.phone ?? undefined,
  };
  for (const key of Object.keys(out) as PrefillKey[]) if (!out[key]) delete out[key];
  return out;
}

/**
 * Where an emailed link goes when staff give no address: for a minor with a
 * responsible party who has an email, to them (they decide and sign); else
 * the person's own address, else the responsible party's.
 */
export function defaultRecipient(subject: Subject, today: string): string | null {
  const lead = subject.type === 'lead' ? subject.row : subject.lead;
  const guardianEmail = lead?.responsibleParty?.email ?? null;
  // A minor's forms and messages go to the responsible party, never to the minor's own address.
  if (isSubjectMinor(subject, today)) return guardianEmail;
  return ownEmail(subject) ?? guardianEmail;
}

export const isSubjectMinor = (subject: Subject, today: string) =>
  !!subject.row.dateOfBirth && isMinorOn(subject.row.dateOfBirth, today);

/** The person's own address (a minor's forms may not be sent to it); a patient's falls back to their lead's. */
export const ownEmail = (subject: Subject) =>
  (subject.type === 'lead' ? subject.row.email : (subject.row.email ?? subject.lead?.email)) ?? null;

export const subjectRef = (subject: Subject) => ({
  leadId: subject.type === 'lead' ? subject.id : null,
  patientId: subject.type === 'patient' ? subject.id : null,
});
