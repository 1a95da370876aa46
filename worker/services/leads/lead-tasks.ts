import { and, asc, eq, isNull, lte, ne, or } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { leads, leadTasks } from '../../../db/schema';
import { AppError } from '../../lib/app-error';
import type { AuditLog } from '../../lib/audit-log';
import { newId } from '../../lib/crypto';
import { TenantDb } from '../../lib/tenant-db';
import { iso } from '../../lib/time';
import type { AuthContext } from '../auth/session-context';
import { queueEmail } from '../email/outbox';
import { followUpRecipients } from './follow-up-recipients';

const toTask = (t: typeof leadTasks.$inferSelect) => ({
  id: t.id,
  title: t.title,
  dueAt: t.dueAt,
  done: !!t.doneAt,
  doneAt: t.doneAt,
});

/** The lead's follow-ups, soonest first, with who their reminders go to. */
export async function listTasks(tenant: TenantDb, leadId: string) {
  const lead = await tenant.get(leads, leadId, 'Lead');
  const [rows, reminded] = await Promise.all([
    tenant.select(leadTasks, eq(leadTasks.leadId, leadId)).orderBy(asc(leadTasks.dueAt)),
    followUpRecipients(tenant, lead),
  ]);
  return {
    items: rows.map(toTask),
    remindersTo: { basis: reminded.basis, names: reminded.people.map((p) => p.name) },
  };
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
 * for its current due time is claimed atomically, then the people the lead's
 * reminders go to (followUpRecipients: its coordinator, else its creator, else
 * the organisation's treatment coordinators) get one email each. Running the
 * trigger again sends nothing twice; moving the due time makes the task
 * remindable again.
 */
export async function remindDueTasks(db: Db, now = Date.now()) {
  const due = await db
    .select({ task: leadTasks, coordinatorId: leads.coordinatorId, createdBy: leads.createdBy })
    .from(leadTasks)
    .innerJoin(leads, eq(leads.id, leadTasks.leadId))
    .where(
      and(
        isNull(leadTasks.doneAt),
        lte(leadTasks.dueAt, iso(now)),
        or(isNull(leadTasks.notifiedFor), ne(leadTasks.notifiedFor, leadTasks.dueAt)),
      ),
    )
    .limit(500);
  let sent = 0;
  for (const { task, ...lead } of due) {
    const { basis, people } = await followUpRecipients(new TenantDb(db, task.organizationId), lead);
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
    if (!claimed.length || !people.length) continue;
    const whose =
      basis === 'coordinator'
        ? 'one of your leads'
        : basis === 'creator'
          ? 'a lead you added, which nobody is assigned to,'
          : 'a website lead nobody is assigned to';
    const [first, ...rest] = people.map(
      (p) =>
        queueEmail(db, {
          organizationId: task.organizationId,
          to: p.email,
          // No task title or lead name in email: they may name a patient.
          subject: 'A lead follow-up is due',
          text: `A follow-up on ${whose} is due (${task.dueAt}).\n\nOpen Sidecar CRM to see which.`,
        }).statement,
    );
    await db.batch([first!, ...rest]);
    sent++;
  }
  return sent;
}
