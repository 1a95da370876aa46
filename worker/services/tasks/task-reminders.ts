import { and, asc, eq, isNull, lte, ne, or, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { memberships, outboxMessages, staffTasks } from '../../../db/schema';
import { TenantDb } from '../../lib/tenant-db';
import { iso } from '../../lib/time';
import { actId } from '../automations/act-ids';
import { staffAddress } from '../automations/recipients';
import { queueTenantEmailWhen } from '../email/outbox';

/** Assignees one cron run sends a digest to; the rest wait for the next run. */
const DIGESTS_PER_RUN = 100;
/** Tasks one digest covers; more wait for the next day's. */
const TASKS_PER_DIGEST = 200;

/** Open, due by `today`, and not yet reminded for the due date it has now. */
const remindable = (today: string) =>
  and(
    isNull(staffTasks.doneAt),
    lte(staffTasks.dueDate, today),
    or(isNull(staffTasks.remindedFor), ne(staffTasks.remindedFor, staffTasks.dueDate)),
  ) as SQL;

/**
 * The digest's words: how many tasks fall due on which day, never their
 * titles or subjects (a task made by hand may name a patient); the panel shows which.
 */
function digestEmail(tasks: { dueDate: string }[], today: string) {
  const byDay = new Map<string, number>();
  for (const t of tasks) byDay.set(t.dueDate, (byDay.get(t.dueDate) ?? 0) + 1);
  const lines = [...byDay].map(
    ([day, n]) => `- ${n} ${n === 1 ? 'task' : 'tasks'} due ${day === today ? 'today' : `${day} (overdue)`}`,
  );
  const n = tasks.length;
  return {
    subject: n === 1 ? 'A task is due' : `${n} tasks are due`,
    text: `${lines.join('\n')}\n\nOpen Sidecar CRM to see which, and mark them done there.`,
  };
}

/**
 * One assignee's digest of `today`: their remindable tasks claimed and the
 * email queued in one batch. Its id is derived from (organisation, assignee,
 * day), so a day has one digest at most; the claim takes every listed task or
 * none (and none once the day's digest exists), and the email is queued only
 * if the claim took them all: overlapping runs send it once, a failed claim sends nothing.
 */
async function remindAssignee(tenant: TenantDb, assigneeId: string, today: string) {
  const to = await staffAddress(tenant, assigneeId);
  if (!to) return false;
  const tasks = await tenant
    .selectFields(
      { id: staffTasks.id, dueDate: staffTasks.dueDate },
      staffTasks,
      and(eq(staffTasks.assigneeId, assigneeId), remindable(today)),
    )
    .orderBy(asc(staffTasks.dueDate), asc(staffTasks.id))
    .limit(TASKS_PER_DIGEST);
  if (!tasks.length) return false;
  const messageId = await actId('msg', 'task-digest', tenant.organizationId, assigneeId, today);
  const ids = JSON.stringify(tasks.map((t) => t.id));
  const listed = sql`${staffTasks.id} IN (SELECT value FROM json_each(${ids}))`;
  const noDigestYet = sql`NOT EXISTS (SELECT 1 FROM ${outboxMessages} WHERE ${outboxMessages.id} = ${messageId})`;
  const [, queued] = await tenant.batch([
    tenant.update(
      staffTasks,
      { remindedFor: sql`${staffTasks.dueDate}`, reminderMessageId: messageId },
      and(
        listed,
        remindable(today),
        noDigestYet,
        sql`(SELECT count(*) FROM ${staffTasks} WHERE ${tenant.scope(staffTasks, listed, remindable(today))}) = ${tasks.length}`,
      ) as SQL,
    ),
    queueTenantEmailWhen(
      tenant,
      { id: messageId, to: to.email, ...digestEmail(tasks, today) },
      sql`${noDigestYet} AND (SELECT count(*) FROM ${staffTasks} WHERE ${tenant.scope(staffTasks, eq(staffTasks.reminderMessageId, messageId))}) = ${tasks.length}`,
    ),
  ]);
  return !!(queued as { meta?: { changes?: number } }).meta?.changes;
}

/**
 * Cron: each assignee with open tasks due today or before that were not yet
 * reminded for their due date gets one digest email a day through the outbox.
 * Safe to run twice: each task is reminded once per due date, each assignee
 * gets at most one digest a day (a task falling due after it waits for the next day's).
 */
export async function remindStaffTasks(db: Db, now = Date.now()) {
  const today = iso(now).slice(0, 10);
  const groups = await db
    .selectDistinct({ organizationId: staffTasks.organizationId, assigneeId: staffTasks.assigneeId })
    .from(staffTasks)
    .innerJoin(memberships, eq(memberships.id, staffTasks.assigneeId))
    .where(and(remindable(today), eq(memberships.status, 'active')))
    .limit(DIGESTS_PER_RUN);
  let sent = 0;
  for (const g of groups)
    if (await remindAssignee(new TenantDb(db, g.organizationId), g.assigneeId, today)) sent++;
  return sent;
}
