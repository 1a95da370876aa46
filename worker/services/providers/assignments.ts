import { and, asc, eq, inArray, isNull, notExists } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import { assignments, patients, providers } from '../../../db/schema';
import { count } from '../../../shared/words';
import { AppError } from '../../lib/app-error';
import type { AuditLog } from '../../lib/audit-log';
import { newId } from '../../lib/crypto';
import { inListChunks } from '../../lib/d1-limits';
import type { TenantDb } from '../../lib/tenant-db';
import { iso } from '../../lib/time';
import type { AuthContext } from '../auth/session-context';
import { queueTenantEmail } from '../email/outbox';
import { visibleFacility } from '../facilities/facility-access';

/** Enrolled (active) patients of a facility with no current provider (spec 000, step 6). */
export async function pendingPool(tenant: TenantDb, audit: AuditLog, _auth: AuthContext, facilityId: string) {
  await visibleFacility(tenant, facilityId);
  const rows = await tenant
    .select(
      patients,
      and(
        eq(patients.facilityId, facilityId),
        eq(patients.enrollmentStatus, 'active'),
        notExists(
          tenant.selectFields(
            { id: assignments.id },
            assignments,
            and(eq(assignments.patientId, patients.id), isNull(assignments.endedAt)),
          ),
        ),
      ),
    )
    .orderBy(asc(patients.nameKey));
  audit.record({ action: 'list', entityType: 'pending_pool', detail: { facilityId, count: rows.length } });
  return rows.map((p) => ({
    id: p.id,
    firstName: p.firstName,
    lastName: p.lastName,
    dateOfBirth: p.dateOfBirth,
    roomNumber: p.roomNumber,
  }));
}

/**
 * Assigns patients to providers, all or nothing: a patient's current
 * assignment is ended as "reassigned" in the same batch, each provider is told
 * by email how many patients they received (no patient details in email), and
 * a provider's capacity is enforced.
 */
export async function assignPatients(
  tenant: TenantDb,
  audit: AuditLog,
  auth: AuthContext,
  pairs: { patientId: string; providerId: string }[],
) {
  const patientIds = [...new Set(pairs.map((p) => p.patientId))];
  if (patientIds.length !== pairs.length)
    throw new AppError('validation_failed', 'A patient appears twice in this assignment');
  const found: { id: string; enrollmentStatus: string }[] = [];
  for (const part of inListChunks(patientIds)) {
    const rows = await tenant.selectFields(
      { id: patients.id, enrollmentStatus: patients.enrollmentStatus },
      patients,
      and(inArray(patients.id, part), tenant.facilityFilter(patients.facilityId)),
    );
    found.push(...rows);
  }
  if (found.length !== patientIds.length)
    throw new AppError('not_found', `${patientIds.length - found.length} of the patients were not found`);
  // The pending pool holds enrolled patients only; a discharged patient or one
  // still onboarding has no place on a provider's list.
  const notEnrolled = found.filter((p) => p.enrollmentStatus !== 'active').length;
  if (notEnrolled)
    throw new AppError(
      'conflict',
      `Only enrolled patients can be assigned: ${notEnrolled} of them ${notEnrolled === 1 ? 'is' : 'are'} discharged or not yet enrolled`,
    );

  const providerIds = [...new Set(pairs.map((p) => p.providerId))];
  const providerRows = await tenant.select(
    providers,
    and(inArray(providers.id, providerIds), eq(providers.active, true)),
  );
  if (providerRows.length !== providerIds.length)
    throw new AppError('not_found', 'A provider was not found or is no longer active');

  const current = [];
  for (const part of inListChunks(patientIds)) {
    current.push(
      ...(await tenant.select(
        assignments,
        and(inArray(assignments.patientId, part), isNull(assignments.endedAt)),
      )),
    );
  }
  const loads = await tenant.select(
    assignments,
    and(inArray(assignments.providerId, providerIds), isNull(assignments.endedAt)),
  );
  for (const p of providerRows) {
    const staying = loads.filter((a) => a.providerId === p.id && !patientIds.includes(a.patientId)).length;
    const incoming = pairs.filter((x) => x.providerId === p.id).length;
    if (staying + incoming > p.capacity) {
      throw new AppError(
        'conflict',
        `${p.name} can take ${count(Math.max(0, p.capacity - staying), 'more patient')}, not ${incoming}`,
      );
    }
  }

  const now = iso();
  const statements: BatchItem<'sqlite'>[] = [];
  const unchanged = new Set(
    current
      .filter((a) => pairs.some((p) => p.patientId === a.patientId && p.providerId === a.providerId))
      .map((a) => a.patientId),
  );
  for (const a of current) {
    if (unchanged.has(a.patientId)) continue;
    statements.push(
      tenant.update(
        assignments,
        { endedAt: now, endedBy: auth.userId, endReason: 'reassigned' },
        eq(assignments.id, a.id),
      ),
    );
  }
  const fresh = pairs.filter((p) => !unchanged.has(p.patientId));
  // Seven columns a row: 14 rows keep each statement under D1's 100 parameters.
  statements.push(
    ...tenant.insertMany(
      assignments,
      fresh.map((p) => ({ id: newId('asg'), ...p, assignedAt: now, assignedBy: auth.userId })),
    ),
  );
  for (const p of providerRows) {
    const n = fresh.filter((x) => x.providerId === p.id).length;
    if (n && p.email) {
      statements.push(
        queueTenantEmail(tenant, {
          to: p.email,
          subject: `${n} new patient${n === 1 ? '' : 's'} assigned to you`,
          text: `${n} patient${n === 1 ? ' has' : 's have'} been assigned to you in Sidecar CRM.\n\nSign in to see who they are.`,
        }).statement,
      );
    }
  }
  statements.push(
    audit.statement({
      action: 'update',
      entityType: 'assignment',
      detail: { assigned: fresh.length, reassigned: current.length - unchanged.size },
    }),
  );
  await tenant.batch(statements);
  return { assigned: fresh.length, unchanged: unchanged.size };
}

export async function unassignPatient(
  tenant: TenantDb,
  audit: AuditLog,
  auth: AuthContext,
  patientId: string,
) {
  const [visible] = await tenant.select(
    patients,
    and(eq(patients.id, patientId), tenant.facilityFilter(patients.facilityId)),
  );
  if (!visible) throw new AppError('not_found', 'Patient not found');
  const [open] = await tenant.select(
    assignments,
    and(eq(assignments.patientId, patientId), isNull(assignments.endedAt)),
  );
  if (!open) throw new AppError('conflict', 'This patient has no provider to unassign');
  await tenant.batch([
    tenant.update(
      assignments,
      { endedAt: iso(), endedBy: auth.userId, endReason: 'unassigned' },
      eq(assignments.id, open.id),
    ),
    audit.statement({
      action: 'update',
      entityType: 'assignment',
      entityId: open.id,
      detail: { unassigned: true },
    }),
  ]);
}

export async function assignmentHistory(
  tenant: TenantDb,
  audit: AuditLog,
  _auth: AuthContext,
  patientId: string,
) {
  const [visible] = await tenant.select(
    patients,
    and(eq(patients.id, patientId), tenant.facilityFilter(patients.facilityId)),
  );
  if (!visible) throw new AppError('not_found', 'Patient not found');
  const rows = await tenant
    .join(
      { a: assignments, providerName: providers.name },
      assignments,
      [{ table: providers, on: eq(providers.id, assignments.providerId) }],
      eq(assignments.patientId, patientId),
    )
    .orderBy(asc(assignments.assignedAt));
  audit.record({ action: 'read', entityType: 'assignment_history', entityId: patientId });
  return rows.map(({ a, providerName }) => ({
    providerId: a.providerId,
    providerName,
    assignedAt: a.assignedAt,
    assignedBy: a.assignedBy,
    endedAt: a.endedAt,
    endedBy: a.endedBy,
    endReason: a.endReason,
  }));
}
