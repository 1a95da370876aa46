import { eq, sql } from 'drizzle-orm';
import { referralMilestones, referrals } from '../../../db/schema';
import { type ConsultationOutcome, OUTCOME_LETTER } from '../../../shared/referral-letters';
import type { Milestones, MilestonesUpdate } from '../../../shared/schemas/referral-letters';
import { AppError } from '../../lib/app-error';
import type { AuditLog } from '../../lib/audit-log';
import type { TenantDb } from '../../lib/tenant-db';
import { iso } from '../../lib/time';
import { incomingReferralsOfLead, queueLetter } from './queue-letters';

type MilestoneRow = typeof referralMilestones.$inferSelect;

function toMilestones(referralId: string, row: Omit<MilestoneRow, 'organizationId'> | undefined): Milestones {
  return {
    referralId,
    consultationDate: row?.consultationDate ?? null,
    consultationOutcome: (row?.consultationOutcome as ConsultationOutcome | null | undefined) ?? null,
    findings: row?.findings ?? null,
    treatmentStartDate: row?.treatmentStartDate ?? null,
    completedDate: row?.completedDate ?? null,
  };
}

async function incomingReferral(tenant: TenantDb, id: string) {
  const referral = await tenant.get(referrals, id, 'Referral');
  if (referral.direction !== 'incoming')
    throw new AppError('validation_failed', 'Milestones and letters belong to referrals we received', [
      { path: 'id', issue: 'outgoing referral' },
    ]);
  return referral;
}

export async function readMilestones(tenant: TenantDb, audit: AuditLog, id: string) {
  const referral = await tenant.get(referrals, id, 'Referral');
  const [row] = await tenant.select(referralMilestones, eq(referralMilestones.referralId, id));
  audit.record({ action: 'read', entityType: 'referral_milestones', entityId: referral.id });
  return toMilestones(id, row);
}

/**
 * Records what happened after the referral; each milestone given queues its
 * letter in the same batch (once per event: the consultation outcome, the
 * treatment start, the completion).
 */
export async function updateMilestones(
  tenant: TenantDb,
  audit: AuditLog,
  id: string,
  input: MilestonesUpdate,
) {
  const referral = await incomingReferral(tenant, id);
  const [current] = await tenant.select(referralMilestones, eq(referralMilestones.referralId, id));
  const next = { ...toMilestones(id, current), ...input, updatedAt: iso() };
  if (next.completedDate && !next.treatmentStartDate)
    throw new AppError('validation_failed', 'Record the treatment start before its completion', [
      { path: 'completedDate', issue: 'no treatment start' },
    ]);
  const letters = [
    input.consultationOutcome
      ? queueLetter(tenant, referral, 'consultation', OUTCOME_LETTER[input.consultationOutcome])
      : null,
    input.treatmentStartDate ? queueLetter(tenant, referral, 'treatment_started', 'treatment_started') : null,
    input.completedDate ? queueLetter(tenant, referral, 'completed', 'treatment_completed') : null,
  ].filter((s) => s !== null);
  await tenant.batch([
    tenant
      .insert(referralMilestones, next)
      .onConflictDoUpdate({ target: referralMilestones.referralId, set: next }),
    ...letters,
    audit.statement({
      action: 'update',
      entityType: 'referral_milestones',
      entityId: id,
      detail: { fields: Object.keys(input), outcome: input.consultationOutcome ?? null },
    }),
  ]);
  return toMilestones(id, next);
}

/**
 * A lead converted: treatment starts for each referral it came with (the
 * start date kept if one was recorded) and each queues its treatment-started
 * letter; statements for the conversion's own batch.
 */
export async function conversionLetterStatements(tenant: TenantDb, leadId: string, day: string) {
  const statements = [];
  for (const referral of await incomingReferralsOfLead(tenant, leadId)) {
    statements.push(
      tenant
        .insert(referralMilestones, { referralId: referral.id, treatmentStartDate: day, updatedAt: iso() })
        .onConflictDoUpdate({
          target: referralMilestones.referralId,
          set: {
            treatmentStartDate: sql`coalesce(${referralMilestones.treatmentStartDate}, excluded.treatment_start_date)`,
            updatedAt: iso(),
          },
        }),
      queueLetter(tenant, referral, 'treatment_started', 'treatment_started'),
    );
  }
  return statements;
}
