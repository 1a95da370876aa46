import { eq } from 'drizzle-orm';
import {
  leads,
  memberships,
  patients,
  referralMilestones,
  referralPractices,
  referrals,
  referringProviders,
  users,
} from '../../../db/schema';
import {
  CONSULTATION_OUTCOME_LABELS,
  type ConsultationOutcome,
  type LetterKind,
  renderLetterFields,
} from '../../../shared/referral-letters';
import type { LetterValues } from '../../../shared/schemas/referral-letters';
import type { TenantDb } from '../../lib/tenant-db';
import { displayName } from '../referrals/provider-view';
import { letterSettings } from './letter-settings';
import { letterText } from './letter-templates';

const MONTHS = 'January February March April May June July August September October November December'.split(
  ' ',
);

/** "March 4, 2026" from YYYY-MM-DD, as a letter writes a date. */
export function longDate(date: string | null | undefined): string | null {
  if (!date) return null;
  const [y, m, d] = date.slice(0, 10).split('-').map(Number);
  return y && m && d ? `${MONTHS[m - 1]} ${d}, ${y}` : date;
}

async function coordinatorName(tenant: TenantDb, membershipId: string | null) {
  if (!membershipId) return null;
  const [row] = await tenant.join(
    { name: users.name },
    memberships,
    [{ table: users, on: eq(users.id, memberships.userId) }],
    eq(memberships.id, membershipId),
  );
  return row?.name ?? null;
}

/**
 * Everything a letter about one referral needs: the referrer and their
 * practice (the recipient block), the merge values and the letterhead. The
 * patient is the one the lead became, else the lead; only name and date of
 * birth are taken from them.
 */
export async function letterContext(tenant: TenantDb, referralId: string, today: string) {
  const referral = await tenant.get(referrals, referralId, 'Referral');
  const provider = await tenant.get(referringProviders, referral.providerId, 'Referring provider');
  const practice = await tenant.get(referralPractices, provider.practiceId, 'Practice');
  const [milestones] = await tenant.select(referralMilestones, eq(referralMilestones.referralId, referralId));
  const lead = referral.leadId ? await tenant.get(leads, referral.leadId, 'Lead') : null;
  const patientId = referral.patientId ?? lead?.patientId ?? null;
  const patient = patientId ? await tenant.get(patients, patientId, 'Patient') : null;
  const person = patient ?? lead;
  const organization = await tenant.organization();
  const settings = await letterSettings(tenant, organization.name);
  const outcome = milestones?.consultationOutcome as ConsultationOutcome | null | undefined;
  const values: LetterValues = {
    'referrer.name': displayName(provider),
    'referrer.salutation': `Dear Dr ${provider.lastName}`,
    'referrer.practice': practice.name,
    'patient.name': person ? `${person.firstName} ${person.lastName}` : null,
    'patient.firstName': person?.firstName ?? null,
    'patient.dateOfBirth': longDate(patient?.dateOfBirth ?? lead?.dateOfBirth),
    'referral.date': longDate(referral.referralDate),
    'referral.reason': referral.reason,
    'consultation.date': longDate(milestones?.consultationDate),
    'consultation.outcome': outcome ? CONSULTATION_OUTCOME_LABELS[outcome] : null,
    'consultation.findings': milestones?.findings ?? null,
    'treatment.startDate': longDate(milestones?.treatmentStartDate),
    'treatment.completedDate': longDate(milestones?.completedDate),
    'coordinator.name': await coordinatorName(tenant, lead?.coordinatorId ?? null),
    'practice.name': organization.name,
    'practice.signature': settings.signature,
    'letter.date': longDate(today),
  };
  return { referral, provider, practice, values, settings };
}

export type LetterContext = Awaited<ReturnType<typeof letterContext>>;

/** A kind's text (given, or the organisation's template) with this referral's values merged in. */
export async function renderLetter(
  tenant: TenantDb,
  context: LetterContext,
  kind: LetterKind,
  override: { subject?: string; body?: string } = {},
) {
  const saved =
    override.subject !== undefined && override.body !== undefined ? null : await letterText(tenant, kind);
  const subject = override.subject ?? saved?.subject ?? '';
  const body = override.body ?? saved?.body ?? '';
  return {
    subject: renderLetterFields(subject, context.values),
    body: renderLetterFields(body, context.values),
  };
}
