import { and, asc, eq, isNotNull, isNull, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import { leads, staffTasks } from '../../../db/schema';
import type { StaffTask, staffTaskQuerySchema } from '../../../shared/schemas/staff-tasks';
import { AppError } from '../../lib/app-error';
import type { AuditLog } from '../../lib/audit-log';
import { afterCursor, decodeCursor, pageFrom } from '../../lib/cursor';
import type { TenantDb } from '../../lib/tenant-db';
import { iso } from '../../lib/time';
import type { AuthContext } from '../auth/session-context';
import { visiblePatient } from '../patients/patient-access';

type Row = typeof staffTasks.$inferSelect;
const toTask = (r: Row): StaffTask => ({
  id: r.id,
  title: r.title,
  assigneeId: r.assigneeId,
  subjectType: r.subjectType,
  subjectId: r.subjectId,
  patientId: r.patientId,
  leadId: r.leadId,
  dueDate: r.dueDate,
  doneAt: r.doneAt,
  doneBy: r.doneBy,
  ruleId: r.ruleId,
  ruleVersion: r.ruleVersion,
  createdAt: r.createdAt,
});

const refuse = () =>
  new AppError('forbidden', 'Your role does not allow this. Ask an administrator if you need it.');

/**
 * The caller's own tasks, or every task about a patient (of a facility they
 * may see) or a lead (with the leads area): soonest due first, keyset-paged.
 */
export async function listStaffTasks(
  tenant: TenantDb,
  audit: AuditLog,
  auth: AuthContext,
  query: z.infer<typeof staffTaskQuerySchema>,
) {
  let who: SQL;
  if (query.patientId) {
    await visiblePatient(tenant, query.patientId);
    who = eq(staffTasks.patientId, query.patientId);
    audit.record({
      action: 'read',
      entityType: 'patient',
      entityId: query.patientId,
      detail: { for: 'tasks' },
    });
  } else if (query.leadId) {
    if (!auth.permissions.includes('leads:view')) throw refuse();
    await tenant.get(leads, query.leadId, 'Lead');
    who = eq(staffTasks.leadId, query.leadId);
    audit.record({ action: 'read', entityType: 'lead', entityId: query.leadId, detail: { for: 'tasks' } });
  } else {
    who = eq(staffTasks.assigneeId, auth.membershipId);
    audit.record({ action: 'read', entityType: 'staff_task', detail: { for: 'own_tasks' } });
  }
  const rows = await tenant
    .select(
      staffTasks,
      and(
        who,
        query.status === 'open' ? isNull(staffTasks.doneAt) : isNotNull(staffTasks.doneAt),
        afterCursor(staffTasks.dueDate, staffTasks.id, decodeCursor(query.cursor), 'asc'),
      ),
    )
    .orderBy(asc(staffTasks.dueDate), asc(staffTasks.id))
    .limit(query.limit + 1);
  return pageFrom(rows.map(toTask), query.limit, (t) => t.dueDate);
}

/**
 * Marks a task done: the assignee, or anyone who manages automations.
 * Another organisation's task answers like a missing one.
 */
export async function completeStaffTask(tenant: TenantDb, audit: AuditLog, auth: AuthContext, id: string) {
  const task = await tenant.get(staffTasks, id, 'Task');
  if (task.assigneeId !== auth.membershipId && !auth.permissions.includes('automations:edit')) throw refuse();
  if (task.doneAt) return toTask(task);
  const now = iso();
  await tenant.batch([
    tenant.update(
      staffTasks,
      { doneAt: now, doneBy: auth.membershipId },
      and(eq(staffTasks.id, id), isNull(staffTasks.doneAt)) as SQL,
    ),
    audit.statement({ action: 'update', entityType: 'staff_task', entityId: id, detail: { done: true } }),
  ]);
  return toTask(await tenant.get(staffTasks, id, 'Task'));
}
