import { and, eq, isNull } from 'drizzle-orm';
import { assignments, patientStatusEvents, patients } from '../../../db/schema';
import { deriveEnrollment, ENROLLMENT_ORDER, type EnrollmentStatus } from '../../../shared/enrollment';
import { AppError } from '../../lib/app-error';
import type { AuditLog } from '../../lib/audit-log';
import type { TenantDb } from '../../lib/tenant-db';
import { iso } from '../../lib/time';
import type { AuthContext } from '../auth/session-context';
import { visiblePatient } from '../patients/patient-access';
import { patientChecklist } from './checklist-actions';
import { ensureChecklist, patientItems, recomputeStatus } from './patient-checklist';

/**
 * A manual status. Discharge ("completed") needs patients:edit and a reason;
 * any status ahead of the checklist needs the enrollment:override permission
 * and a reason, and shows as an override until the checklist catches up.
 */
export async function setStatus(
  tenant: TenantDb,
  audit: AuditLog,
  auth: AuthContext,
  patientId: string,
  input: { status: EnrollmentStatus; reason: string },
) {
  const patient = await ensureChecklist(tenant, await visiblePatient(tenant, patientId));
  const now = iso();
  if (input.status === 'completed') {
    await tenant.batch([
      tenant.update(patients, { completedAt: now, updatedAt: now }, eq(patients.id, patientId)),
      // Discharge frees the provider: the assignment ends, kept in the history.
      tenant.update(
        assignments,
        { endedAt: now, endedBy: auth.userId, endReason: 'discharged' },
        and(eq(assignments.patientId, patientId), isNull(assignments.endedAt)),
      ),
      audit.statement({
        action: 'update',
        entityType: 'patient_enrollment',
        entityId: patientId,
        detail: { completed: true },
      }),
    ]);
    await recomputeStatus(tenant, audit, patientId, auth.userId, input.reason);
    return patientChecklist(tenant, audit, auth, patientId);
  }
  const items = await patientItems(tenant, patientId);
  const derived = deriveEnrollment(
    items.map((i) => ({ required: i.required, done: !!i.doneAt, removed: !!i.removedAt })),
    {
      completedAt: null,
    },
  ).derived;
  const ahead = ENROLLMENT_ORDER.indexOf(input.status) > ENROLLMENT_ORDER.indexOf(derived);
  if (ahead && !auth.permissions.includes('enrollment:override')) {
    audit.record({
      action: 'update',
      entityType: 'patient_enrollment',
      entityId: patientId,
      outcome: 'denied',
      detail: { to: input.status },
    });
    throw new AppError(
      'forbidden',
      'Only roles allowed to override enrollment can set a status ahead of the checklist',
    );
  }
  await tenant.batch([
    tenant.update(
      patients,
      {
        completedAt: null,
        statusOverride: ahead ? input.status : null,
        statusOverrideReason: ahead ? input.reason : null,
        updatedAt: now,
      },
      eq(patients.id, patientId),
    ),
    audit.statement({
      action: 'update',
      entityType: 'patient_enrollment',
      entityId: patientId,
      detail: { override: ahead ? input.status : null },
    }),
  ]);
  await recomputeStatus(
    tenant,
    audit,
    patientId,
    auth.userId,
    ahead ? `Override: ${input.reason}` : input.reason,
  );
  return patientChecklist(tenant, audit, auth, patient.id);
}

export async function statusHistory(
  tenant: TenantDb,
  audit: AuditLog,
  _auth: AuthContext,
  patientId: string,
) {
  await visiblePatient(tenant, patientId);
  const rows = await tenant
    .select(patientStatusEvents, eq(patientStatusEvents.patientId, patientId))
    .orderBy(patientStatusEvents.createdAt);
  audit.record({ action: 'read', entityType: 'patient_status_history', entityId: patientId });
  return rows.map((r) => ({
    fromStatus: r.fromStatus,
    toStatus: r.toStatus,
    reason: r.reason,
    changedBy: r.changedBy,
    createdAt: r.createdAt,
  }));
}
