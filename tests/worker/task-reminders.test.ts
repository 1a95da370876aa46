import { and, eq, like, or } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { outboxMessages, staffTasks } from '../../db/schema';
import { remindStaffTasks } from '../../worker/services/tasks/task-reminders';
import { ORG, runCron, STAFF, STAFF_EMAIL } from './automation-helpers';
import { db, seed } from './helpers';

const DAY = 86_400_000;
const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const OTHER_ORG = 'org_other_practice';
const ADMIN = 'mem_demo_clinic_admin';

let n = 0;
/** A task as a rule leaves it: open, for `assigneeId`, due on `dueDate`. */
async function task(
  assigneeId: string,
  dueDate: string,
  over: { organizationId?: string; doneAt?: string } = {},
) {
  const id = `stk_reminder_${++n}`;
  await db()
    .insert(staffTasks)
    .values({
      id,
      organizationId: over.organizationId ?? ORG,
      assigneeId,
      title: `Call Ann Example about her referral ${n}`,
      subjectType: 'case',
      subjectId: `cas_reminder_${n}`,
      dueDate,
      doneAt: over.doneAt ?? null,
      createdAt: new Date().toISOString(),
    });
  return id;
}

/** The task digests in the outbox, to one address. */
const digestsTo = (recipient: string) =>
  db()
    .select()
    .from(outboxMessages)
    .where(
      and(
        eq(outboxMessages.recipient, recipient),
        or(like(outboxMessages.subject, '% tasks are due'), eq(outboxMessages.subject, 'A task is due')),
      ),
    );

const remindedFor = async (id: string) =>
  (await db().select().from(staffTasks).where(eq(staffTasks.id, id)))[0]?.remindedFor;

describe('staff task reminders', () => {
  beforeAll(() => seed());

  it('one digest per assignee a day, each task once per due date, however often and at once the cron runs', async () => {
    const now = Date.now();
    const today = dayOf(now);
    const dueToday = await task(STAFF, today);
    const overdue = await task(STAFF, dayOf(now - 3 * DAY));
    const tomorrow = await task(STAFF, dayOf(now + DAY));
    await task(STAFF, today, { doneAt: new Date().toISOString() });
    await task(ADMIN, today);
    const theirs = await task('mem_other_clinic_admin', today, { organizationId: OTHER_ORG });

    await Promise.all([remindStaffTasks(db(), now), remindStaffTasks(db(), now)]);
    await remindStaffTasks(db(), now);
    const [digest, ...more] = await digestsTo(STAFF_EMAIL);
    expect(more).toEqual([]);
    expect(digest).toMatchObject({ organizationId: ORG, channel: 'email', subject: '2 tasks are due' });
    expect(digest?.bodyText).toContain('- 1 task due today');
    expect(digest?.bodyText).toContain(`- 1 task due ${dayOf(now - 3 * DAY)} (overdue)`);
    // The title may name a patient: the email never carries it.
    expect(digest?.bodyText).not.toContain('Ann');
    expect(await remindedFor(dueToday)).toBe(today);
    expect(await remindedFor(overdue)).toBe(dayOf(now - 3 * DAY));
    expect(await remindedFor(tomorrow)).toBeNull();
    expect(await digestsTo('clinic_admin@demo.test')).toHaveLength(1);
    // Another organisation's assignee gets theirs, from their own organisation.
    expect(await digestsTo('clinic_admin@other.test')).toMatchObject([{ organizationId: OTHER_ORG }]);
    expect(await remindedFor(theirs)).toBe(today);

    // A task falling due later the same day waits for tomorrow's digest.
    const late = await task(STAFF, today);
    await remindStaffTasks(db(), now + 60_000);
    expect(await digestsTo(STAFF_EMAIL)).toHaveLength(1);

    // Tomorrow: the late task and the one due then, not those already reminded for their due date.
    await Promise.all([remindStaffTasks(db(), now + DAY), remindStaffTasks(db(), now + DAY)]);
    const next = (await digestsTo(STAFF_EMAIL)).filter((m) => m.id !== digest?.id);
    expect(next).toHaveLength(1);
    expect(next[0]?.subject).toBe('2 tasks are due');
    expect(next[0]?.bodyText).toContain('- 1 task due today');
    expect(next[0]?.bodyText).toContain(`- 1 task due ${today} (overdue)`);
    expect(await remindedFor(late)).toBe(today);
    expect(await remindedFor(tomorrow)).toBe(dayOf(now + DAY));
  });

  it('runs from the cron trigger, and the outbox delivers the digest', async () => {
    const due = await task('mem_demo_doctor', dayOf(Date.now() - DAY));
    await runCron();
    const [digest] = await digestsTo('doctor@demo.test');
    expect(digest).toMatchObject({ subject: 'A task is due', status: 'sent' });
    expect(await remindedFor(due)).toBe(dayOf(Date.now() - DAY));
  });
});
