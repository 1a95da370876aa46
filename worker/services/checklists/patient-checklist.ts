import { and, asc, eq, isNull } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import {
  type checklistTemplateItems,
  patientChecklistItems,
  patientStatusEvents,
  patients,
} from '../../../db/schema';
import { deriveEnrollment, type EnrollmentStatus } from '../../../shared/enrollment';
import type { AuditLog } from '../../lib/audit-log';
import { newId } from '../../lib/crypto';
import type { TenantDb } from '../../lib/tenant-db';
import { iso } from '../../lib/time';
import { enrolledNoticeStatements } from './enrolled-notice';
import { effectiveTemplate, templateItems } from './templates';

type PatientRow = typeof patients.$inferSelect;
type ItemRow = typeof patientChecklistItems.$inferSelect;
type TemplateItemRow = typeof checklistTemplateItems.$inferSelect;

export async function patientItems(tenant: TenantDb, patientId: string) {
  return tenant
    .select(patientChecklistItems, eq(patientChecklistItems.patientId, patientId))
    .orderBy(asc(patientChecklistItems.sortOrder), asc(patientChecklistItems.id));
}

/**
 * Statements that bring one patient's checklist in line with template items:
 * new items are added, open items take the new title, kind and required flag,
 * open items the template dropped are marked removed. A done item is never
 * changed or removed.
 */
function syncStatements(
  tenant: TenantDb,
  patientId: string,
  current: ItemRow[],
  wanted: TemplateItemRow[],
): BatchItem<'sqlite'>[] {
  const now = iso();
  const byTemplate = new Map(current.filter((i) => i.templateItemId).map((i) => [i.templateItemId!, i]));
  const wantedIds = new Set(wanted.map((w) => w.id));
  const out: BatchItem<'sqlite'>[] = [];
  for (const w of wanted) {
    const have = byTemplate.get(w.id);
    const shape = {
      title: w.title,
      description: w.description,
      kind: w.kind,
      required: w.required,
      sortOrder: w.sortOrder,
      removedAt: null,
      updatedAt: now,
    };
    if (!have)
      out.push(
        tenant
          .insert(patientChecklistItems, { id: newId('pci'), patientId, templateItemId: w.id, ...shape })
          .onConflictDoNothing(),
      );
    else if (!have.doneAt)
      out.push(tenant.update(patientChecklistItems, shape, eq(patientChecklistItems.id, have.id)));
    else if (have.sortOrder !== w.sortOrder)
      out.push(
        tenant.update(
          patientChecklistItems,
          { sortOrder: w.sortOrder },
          eq(patientChecklistItems.id, have.id),
        ),
      );
  }
  for (const item of current) {
    if (item.templateItemId && !wantedIds.has(item.templateItemId) && !item.doneAt && !item.removedAt) {
      out.push(
        tenant.update(
          patientChecklistItems,
          { removedAt: now, updatedAt: now },
          eq(patientChecklistItems.id, item.id),
        ),
      );
    }
  }
  return out;
}

/** Copies the template that applies to the patient's facility the first time the checklist is opened. */
export async function ensureChecklist(tenant: TenantDb, patient: PatientRow): Promise<PatientRow> {
  if (patient.checklistTemplateId) return patient;
  const template = await effectiveTemplate(tenant, patient.facilityId);
  const statements = syncStatements(tenant, patient.id, [], await templateItems(tenant, template.id));
  await tenant.batch([
    tenant.update(
      patients,
      { checklistTemplateId: template.id },
      and(eq(patients.id, patient.id), isNull(patients.checklistTemplateId))!,
    ),
    ...statements,
  ]);
  return { ...patient, checklistTemplateId: template.id };
}

/**
 * Re-derives a patient's status from the checklist and writes it, with a
 * history row, when it changed; an override the checklist has caught up with
 * is cleared. When a patient becomes active, the facility's administrator is
 * told by email (no patient details in the message).
 */
export async function recomputeStatus(
  tenant: TenantDb,
  audit: AuditLog,
  patientId: string,
  changedBy: string,
  reason: string,
) {
  const [patient] = await tenant.select(patients, eq(patients.id, patientId));
  if (!patient) return null;
  const items = await patientItems(tenant, patientId);
  const { enrollment, statements } = await statusStatements(tenant, audit, patient, items, changedBy, reason);
  if (statements.length) await tenant.batch(statements);
  return enrollment;
}

/**
 * `recomputeStatus` for a caller that writes the checklist change and the
 * status in one batch: the statements for the status `items` imply (the
 * checklist as it will be once the caller's batch has run), none when it
 * stays the same.
 */
export async function statusStatements(
  tenant: TenantDb,
  audit: AuditLog,
  patient: PatientRow,
  items: Pick<ItemRow, 'required' | 'doneAt' | 'removedAt'>[],
  changedBy: string,
  reason: string,
) {
  const patientId = patient.id;
  const enrollment = deriveEnrollment(
    items.map((i) => ({ required: i.required, done: !!i.doneAt, removed: !!i.removedAt })),
    patient,
  );
  const from = patient.enrollmentStatus as EnrollmentStatus;
  const clearOverride = !!patient.statusOverride && !enrollment.overridden;
  const statements: BatchItem<'sqlite'>[] = [];
  if (enrollment.status === from && !clearOverride) return { enrollment, statements };
  const now = iso();
  statements.push(
    tenant.update(
      patients,
      {
        enrollmentStatus: enrollment.status,
        updatedAt: now,
        ...(clearOverride ? { statusOverride: null, statusOverrideReason: null } : {}),
      },
      eq(patients.id, patientId),
    ),
  );
  if (enrollment.status !== from) {
    statements.push(
      tenant.insert(patientStatusEvents, {
        id: newId('pse'),
        patientId,
        fromStatus: from,
        toStatus: enrollment.status,
        reason,
        changedBy,
        createdAt: now,
      }),
    );
    statements.push(
      audit.statement({
        action: 'update',
        entityType: 'patient_enrollment',
        entityId: patientId,
        detail: { from, to: enrollment.status, reason },
      }),
    );
    if (enrollment.status === 'active') {
      statements.push(...(await enrolledNoticeStatements(tenant, [patient.facilityId])));
    }
  }
  return { enrollment, statements };
}
