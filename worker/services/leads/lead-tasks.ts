import { and, asc, eq, isNull, lte, ne, or } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { leads, leadTasks, memberships, users } from '../../../db/schema';
import { AppError } from '../../lib/app-error';
import type { AuditLog } from '../../lib/audit-log';
import { newId } from '../../lib/crypto';
import type { TenantDb } from '../../lib/tenant-db';
import { iso } from '../../lib/time';
import type { AuthContext } from '../auth/session-context';
import { queueEmail } from '../email/outbox';

const toTask = (t: typeof leadTasks.$inferSelect) => ({
  id: t.id,
  title: t.title,
  dueAt: t.dueAt,
  done: !!t.doneAt,
  doneAt: t.doneAt,
});

export async function listTasks(tenant: TenantDb, leadId: string) {
  await tenant.get(leads, leadId, 'Lead');
  return (await tenant.select(leadTasks, eq(leadTasks.leadId, leadId)).orderBy(asc(leadTasks.dueAt))).map(
    toTask,
  );
}

export async function addTask(
  tenant: TenantDb,
  audit: AuditLog,
  auth: AuthContext,
  leadId: string,
  input: { title: string; dueAt: string },
) {
  await tenant.get(leads, leadId, 'Lead');
  const id = newId('tsk');
  await tenant.batch([
    tenant.insert(leadTasks, {
      id,
      leadId,
      title: input.title,
      dueAt: new Date(input.dueAt).toISOString(),
      createdBy: auth.userId,
      createdAt: iso(),
    }),
    audit.statement({ action: 'create', entityType: 'lead_task', entityId: id, detail: { leadId } }),
  ]);
  return toTask(await tenant.get(leadTasks, id, 'Task'));
}

export async function updateTask(
  tenant: TenantDb,
  audit: AuditLog,
  leadId: string,
  taskId: string,
  input: { done?: boolean; dueAt?: string },
) {
  const [task] = await tenant.select(leadTasks, and(eq(leadTasks.id, taskId), eq(leadTasks.leadId, leadId)));
  if (!task) throw new AppError('not_found', 'Task not found');
  await tenant.batch([
    tenant.update(
      leadTasks,
      {
        ...(input.done === undefined ? {} : { doneAt: input.done ? iso() : null }),
        ...(input.dueAt ? { dueAt: new Date(input.dueAt).toISOString() } : {}),
      },
      eq(leadTasks.id, taskId),
    ),
    audit.statement({
      action: 'update',
      entityType: 'lead_task',
      entityId: taskId,
      detail: { leadId, changed: Object.keys(input) },
    }),
  ]);
  return toTask(await tenant.get(leadTasks, taskId, 'Task'));
}

/**
 * The cron job: every open task that is due (or overdue) and not yet reminded
 * for its current due time is claimed atomically, then its coordinator gets
 * one email. Running the trigger again sends nothing twice; moving the due
 * time makes the task remindable again.
 */
export async function remindDueTasks(db: Db, now = Date.now()) {
  const due = await db
    .select({ task: leadTasks, coordinatorEmail: users.email })
    .from(leadTasks)
    .innerJoin(leads, eq(leads.id, leadTasks.leadId))
    .innerJoin(memberships, eq(memberships.id, leads.coordinatorId))
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(
        isNull(leadTasks.doneAt),
        lte(leadTasks.dueAt, iso(now)),
        or(isNull(leadTasks.notifiedFor), ne(leadTasks.notifiedFor, leadTasks.dueAt)),
      ),
    )
    .limit(500);
  let sent = 0;
  for (const { task, coordinatorEmail } of due) {
    const claimed = await db
      .update(leadTasks)
      .set({ notifiedFor: task.dueAt })
      .where(
        and(
          eq(leadTasks.id, task.id),
          or(isNull(leadTasks.notifiedFor), ne(leadTasks.notifiedFor, task.dueAt)),
        ),
      )
      .returning({ id: leadTasks.id });
    if (!claimed.length) continue;
    await queueEmail(db, {
      organizationId: task.organizationId,
      to: coordinatorEmail,
      // No task title or lead name in email: they may name a patient.
      subject: 'A lead follow-up is due',
      text: `A follow-up on one of your leads is due (${task.dueAt}).\n\nOpen Sidecar CRM to see which.`,
    }).statement;
    sent++;
  }
  return sent;
}
