import { staffTasks } from '../../../db/schema';
import { addCalendarDays } from '../../../shared/calendar-date';
import type { TenantDb } from '../../lib/tenant-db';
import type { SubjectRef } from './recipients';

/**
 * The statement creating a rule's task for the caller's batch: its id is the
 * act's, so overlapping or repeated runs create it once. Due `dueInDays`
 * after the day the rule acted.
 */
export function taskStatement(
  tenant: TenantDb,
  task: {
    id: string;
    assigneeId: string;
    title: string;
    dueInDays: number;
    subject: SubjectRef;
    patientId: string | null;
    leadId: string | null;
    ruleId: string;
    ruleVersion: number;
  },
  now: string,
) {
  return tenant
    .insert(staffTasks, {
      id: task.id,
      assigneeId: task.assigneeId,
      title: task.title,
      subjectType: task.subject.type,
      subjectId: task.subject.id,
      patientId: task.patientId,
      leadId: task.leadId,
      dueDate: addCalendarDays(now.slice(0, 10), task.dueInDays),
      ruleId: task.ruleId,
      ruleVersion: task.ruleVersion,
      createdAt: now,
    })
    .onConflictDoNothing();
}
