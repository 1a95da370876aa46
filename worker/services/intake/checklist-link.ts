import { and, eq, isNull } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import { checklistTemplateItems, patientChecklistItems, patients } from '../../../db/schema';
import type { AuditLog } from '../../lib/audit-log';
import type { TenantDb } from '../../lib/tenant-db';
import { ensureChecklist, patientItems, statusStatements } from '../checklists/patient-checklist';

/** Who completed an item the system completed: shown in `doneBy` and the status history. */
export const INTAKE_ACTOR = 'intake_form';

/**
 * For a patient's submission of a template: the statements that mark done
 * every open checklist item "intake form X submitted" for that template, and
 * the enrollment status that follows, for the submission's own batch. The
 * checklist is copied first if it was never opened (as opening it would).
 */
export async function checklistCompletion(
  tenant: TenantDb,
  audit: AuditLog,
  input: { patientId: string; templateId: string; templateName: string; submissionId: string; now: string },
): Promise<BatchItem<'sqlite'>[]> {
  const [row] = await tenant.select(patients, eq(patients.id, input.patientId));
  if (!row) return [];
  const patient = await ensureChecklist(tenant, row);
  const linked = await tenant.selectFields(
    { id: checklistTemplateItems.id },
    checklistTemplateItems,
    eq(checklistTemplateItems.intakeTemplateId, input.templateId),
  );
  const linkedIds = new Set(linked.map((l) => l.id));
  const items = await patientItems(tenant, patient.id);
  const due = items.filter(
    (i) => !i.doneAt && !i.removedAt && i.templateItemId && linkedIds.has(i.templateItemId),
  );
  if (!due.length) return [];
  const dueIds = new Set(due.map((i) => i.id));
  const statements: BatchItem<'sqlite'>[] = due.flatMap((item) => [
    tenant.update(
      patientChecklistItems,
      {
        doneAt: input.now,
        doneBy: INTAKE_ACTOR,
        note: item.note ?? `Completed by the submitted form "${input.templateName}"`,
        updatedAt: input.now,
      },
      and(eq(patientChecklistItems.id, item.id), isNull(patientChecklistItems.doneAt))!,
    ),
    audit.statement({
      action: 'update',
      entityType: 'patient_checklist_item',
      entityId: item.id,
      detail: { patientId: patient.id, change: 'done', submissionId: input.submissionId },
    }),
  ]);
  const after = items.map((i) => (dueIds.has(i.id) ? { ...i, doneAt: input.now } : i));
  const status = await statusStatements(
    tenant,
    audit,
    patient,
    after,
    INTAKE_ACTOR,
    `Intake form "${input.templateName}" submitted`,
  );
  return [...statements, ...status.statements];
}
