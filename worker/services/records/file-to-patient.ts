import { and, eq, isNull } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import { patientChecklistItems, patients } from '../../../db/schema';
import type { AuditLog } from '../../lib/audit-log';
import type { TenantDb } from '../../lib/tenant-db';
import { ensureChecklist, patientItems, statusStatements } from '../checklists/patient-checklist';

/** The onboarding checklist's item for records from a previous provider, by its title ("Records received", "Records from other providers received"). */
export const isRecordsReceivedItem = (title: string) => /\brecords\b.*\breceived\b/i.test(title);

/**
 * Filing incoming records to the patient: the statements that mark done the
 * patient's open "Records received" checklist item, when their template has
 * one, and the enrollment status that follows, for the move's own batch.
 */
export async function recordsReceivedCompletion(
  tenant: TenantDb,
  audit: AuditLog,
  input: { patientId: string; requestId: string; by: string; now: string },
): Promise<BatchItem<'sqlite'>[]> {
  const [row] = await tenant.select(patients, eq(patients.id, input.patientId));
  if (!row) return [];
  const patient = await ensureChecklist(tenant, row);
  const items = await patientItems(tenant, patient.id);
  const due = items.filter((i) => !i.doneAt && !i.removedAt && isRecordsReceivedItem(i.title));
  if (!due.length) return [];
  const dueIds = new Set(due.map((i) => i.id));
  const statements: BatchItem<'sqlite'>[] = due.flatMap((item) => [
    tenant.update(
      patientChecklistItems,
      {
        doneAt: input.now,
        doneBy: input.by,
        note: item.note ?? 'Completed when the records request was filed to the patient',
        updatedAt: input.now,
      },
      and(eq(patientChecklistItems.id, item.id), isNull(patientChecklistItems.doneAt))!,
    ),
    audit.statement({
      action: 'update',
      entityType: 'patient_checklist_item',
      entityId: item.id,
      detail: { patientId: patient.id, change: 'done', recordsRequestId: input.requestId },
    }),
  ]);
  const after = items.map((i) => (dueIds.has(i.id) ? { ...i, doneAt: input.now } : i));
  const status = await statusStatements(
    tenant,
    audit,
    patient,
    after,
    input.by,
    'Records from the previous provider filed',
  );
  return [...statements, ...status.statements];
}
