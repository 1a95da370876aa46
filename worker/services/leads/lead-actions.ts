import { and, asc, count, eq, isNull } from 'drizzle-orm';
import type { z } from 'zod';
import { leadActivities, leads, leadTasks, memberships, patients } from '../../../db/schema';
import type { mergeSchema } from '../../../shared/schemas/leads';
import { AppError } from '../../lib/app-error';
import type { AuditLog } from '../../lib/audit-log';
import { newId } from '../../lib/crypto';
import type { TenantDb } from '../../lib/tenant-db';
import { iso } from '../../lib/time';
import type { AuthContext } from '../auth/session-context';
import { planNewPatient } from '../patients/patients';
import { conversionLetterStatements } from '../referral-letters/milestones';
import { toLead } from './leads';
import { listStages } from './pipeline';
import { leadRecordsFollow } from './records-follow-lead';

const activity = (
  tenant: TenantDb,
  leadId: string,
  kind: string,
  userId: string,
  text: string | null,
  detail: Record<string, unknown> | null,
) =>
  tenant.insert(leadActivities, {
    id: newId('lac'),
    leadId,
    kind,
    text,
    detail,
    createdBy: userId,
    createdAt: iso(),
  });

/** Moves a lead to another stage; the move is on the timeline. */
export async function moveStage(
  tenant: TenantDb,
  audit: AuditLog,
  auth: AuthContext,
  id: string,
  input: { stageId: string; note?: string },
) {
  const lead = await tenant.get(leads, id, 'Lead');
  const stages = await listStages(tenant);
  const to = stages.find((s) => s.id === input.stageId);
  if (!to)
    throw new AppError('validation_failed', 'Unknown pipeline stage', [
      { path: 'stageId', issue: 'unknown stage' },
    ]);
  if (to.id === lead.stageId) return toLead(lead);
  const from = stages.find((s) => s.id === lead.stageId);
  const now = iso();
  await tenant.batch([
    tenant.update(leads, { stageId: to.id, stageEnteredAt: now, updatedAt: now }, eq(leads.id, id)),
    activity(tenant, id, 'stage_change', auth.userId, input.note ?? null, {
      // Names for the timeline as it read then; ids so analytics survive a rename.
      from: from?.name ?? null,
      fromStageId: from?.id ?? null,
      to: to.name,
      toStageId: to.id,
      daysInStage: Math.floor((Date.parse(now) - Date.parse(lead.stageEnteredAt)) / 86_400_000),
    }),
    audit.statement({ action: 'update', entityType: 'lead', entityId: id, detail: { stage: to.name } }),
  ]);
  return toLead(await tenant.get(leads, id, 'Lead'));
}

/**
 * Assigns a coordinator by hand, or (no id) round-robin: the active treatment
 * coordinator with the fewest open leads, ties broken by membership age.
 */
export async function assignLead(
  tenant: TenantDb,
  audit: AuditLog,
  auth: AuthContext,
  id: string,
  coordinatorId?: string,
) {
  await tenant.get(leads, id, 'Lead');
  let chosen = coordinatorId;
  if (chosen) {
    const [m] = await tenant.select(
      memberships,
      and(eq(memberships.id, chosen), eq(memberships.status, 'active')),
    );
    if (!m)
      throw new AppError('validation_failed', 'That coordinator is not an active member', [
        { path: 'coordinatorId', issue: 'unknown member' },
      ]);
  } else {
    const coordinators = await tenant
      .select(
        memberships,
        and(eq(memberships.role, 'treatment_coordinator'), eq(memberships.status, 'active')),
      )
      .orderBy(asc(memberships.createdAt));
    if (!coordinators.length)
      throw new AppError('conflict', 'There is no active treatment coordinator to assign to');
    const open = await tenant
      .selectFields(
        { coordinatorId: leads.coordinatorId, n: count() },
        leads,
        and(isNull(leads.patientId), isNull(leads.mergedInto)),
      )
      .groupBy(leads.coordinatorId);
    const load = new Map(open.map((o) => [o.coordinatorId, o.n]));
    chosen = [...coordinators].sort((a, b) => (load.get(a.id) ?? 0) - (load.get(b.id) ?? 0))[0]!.id;
  }
  const now = iso();
  await tenant.batch([
    tenant.update(leads, { coordinatorId: chosen, updatedAt: now }, eq(leads.id, id)),
    activity(tenant, id, 'assignment', auth.userId, null, {
      coordinatorId: chosen,
      automatic: !coordinatorId,
    }),
    audit.statement({
      action: 'update',
      entityType: 'lead',
      entityId: id,
      detail: { coordinatorId: chosen, automatic: !coordinatorId },
    }),
  ]);
  return toLead(await tenant.get(leads, id, 'Lead'));
}

export async function addActivity(
  tenant: TenantDb,
  audit: AuditLog,
  auth: AuthContext,
  id: string,
  input: { kind: string; text: string },
) {
  await tenant.get(leads, id, 'Lead');
  await tenant.batch([
    activity(tenant, id, input.kind, auth.userId, input.text, null),
    tenant.update(leads, { updatedAt: iso() }, eq(leads.id, id)),
    audit.statement({ action: 'update', entityType: 'lead', entityId: id, detail: { activity: input.kind } }),
  ]);
}

/**
 * Turns a lead into a patient of a facility (location), carrying the contact
 * details and keeping the link both ways; the lead moves to the first "won"
 * stage. The patient, the link, the stage and the timeline land together.
 */
export async function convertLead(
  tenant: TenantDb,
  audit: AuditLog,
  auth: AuthContext,
  id: string,
  input: { facilityId: string; dateOfBirth?: string },
) {
  const lead = await tenant.get(leads, id, 'Lead');
  if (lead.patientId) throw new AppError('conflict', 'This lead is already a patient');
  const { id: patientId, statement } = await planNewPatient(
    tenant,
    auth,
    input.facilityId,
    {
      firstName: lead.firstName,
      lastName: lead.lastName,
      dateOfBirth: input.dateOfBirth ?? lead.dateOfBirth,
      emergencyContactName: lead.responsibleParty?.name,
      emergencyContactRelationship: lead.responsibleParty?.relationship,
      emergencyContactPhone: lead.responsibleParty?.phone ?? lead.phone,
    },
    { leadId: id },
  );
  const won = (await listStages(tenant)).find((s) => s.outcome === 'won');
  const now = iso();
  const letters = await conversionLetterStatements(tenant, id, now.slice(0, 10));
  await tenant.batch([
    statement,
    ...letters,
    tenant.update(
      leads,
      { patientId, ...(won ? { stageId: won.id, stageEnteredAt: now } : {}), updatedAt: now },
      eq(leads.id, id),
    ),
    ...leadRecordsFollow(tenant, id, { leadId: id, patientId }),
    activity(tenant, id, 'conversion', auth.userId, null, { patientId, facilityId: input.facilityId }),
    audit.statement({
      action: 'create',
      entityType: 'patient',
      entityId: patientId,
      detail: { fromLead: id },
    }),
  ]);
  return { lead: toLead(await tenant.get(leads, id, 'Lead')), patientId };
}

/**
 * Merges a duplicate into this lead: both timelines and follow-ups are kept
 * (moved onto this lead, the duplicate's entries marked as its), contact
 * details this lead lacks are taken from the duplicate, and the duplicate
 * stays, marked merged, for the record; it then leaves every figure. The
 * source credited stays this lead's own (the duplicate's only when this one
 * has none) unless the person chooses the duplicate's.
 */
export async function mergeLead(
  tenant: TenantDb,
  audit: AuditLog,
  auth: AuthContext,
  id: string,
  input: z.infer<typeof mergeSchema>,
) {
  const duplicateId = input.duplicateId;
  if (id === duplicateId)
    throw new AppError('validation_failed', 'A lead cannot be merged into itself', [
      { path: 'duplicateId', issue: 'same lead' },
    ]);
  const keep = await tenant.get(leads, id, 'Lead');
  const other = await tenant.get(leads, duplicateId, 'Lead');
  if (keep.mergedInto || other.mergedInto)
    throw new AppError('conflict', 'One of these leads was already merged');
  if (other.patientId && keep.patientId)
    throw new AppError('conflict', 'Both leads are already patients; merge the patients instead');
  const now = iso();
  await tenant.batch([
    tenant.update(
      leadActivities,
      { leadId: id, mergedFrom: duplicateId },
      and(eq(leadActivities.leadId, duplicateId), isNull(leadActivities.mergedFrom)),
    ),
    // Entries the duplicate had itself taken in from an earlier merge keep their origin.
    tenant.update(leadActivities, { leadId: id }, eq(leadActivities.leadId, duplicateId)),
    tenant.update(leadTasks, { leadId: id }, eq(leadTasks.leadId, duplicateId)),
    ...leadRecordsFollow(tenant, duplicateId, { leadId: id, patientId: keep.patientId ?? other.patientId }),
    tenant.update(
      leads,
      {
        email: keep.email ?? other.email,
        phone: keep.phone ?? other.phone,
        phoneKey: keep.phoneKey ?? other.phoneKey,
        dateOfBirth: keep.dateOfBirth ?? other.dateOfBirth,
        responsibleParty: keep.responsibleParty ?? other.responsibleParty,
        sourceId: input.attribution === 'duplicate' ? other.sourceId : (keep.sourceId ?? other.sourceId),
        coordinatorId: keep.coordinatorId ?? other.coordinatorId,
        patientId: keep.patientId ?? other.patientId,
        notes: [keep.notes, other.notes].filter(Boolean).join('\n\n') || null,
        updatedAt: now,
      },
      eq(leads.id, id),
    ),
    tenant.update(leads, { mergedInto: id, updatedAt: now }, eq(leads.id, duplicateId)),
    // A patient converted from the duplicate now leads back to the surviving lead.
    ...(other.patientId && !keep.patientId
      ? [tenant.update(patients, { leadId: id, updatedAt: now }, eq(patients.id, other.patientId))]
      : []),
    activity(tenant, id, 'merge', auth.userId, null, {
      mergedLeadId: duplicateId,
      attribution: input.attribution,
    }),
    audit.statement({
      action: 'update',
      entityType: 'lead',
      entityId: id,
      detail: { merged: duplicateId, attribution: input.attribution },
    }),
  ]);
  return toLead(await tenant.get(leads, id, 'Lead'));
}
