import { and, eq, isNull, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { memberships, recordsRequestEvents, recordsRequests, users } from '../../../db/schema';
import { newId } from '../../lib/crypto';
import { iso } from '../../lib/time';
import { queueEmail } from '../email/outbox';
import { today } from './records-requests';

type Threshold = {
  kind: 'halfway' | 'eighty' | 'overdue';
  key: 'halfwayNotifiedAt' | 'eightyNotifiedAt' | 'overdueNotifiedAt';
  /** Share of the time from receipt to the due date that has passed. */
  share: number;
  to: 'assignee' | 'admins' | 'both';
  subject: string;
};

const THRESHOLDS: Threshold[] = [
  {
    kind: 'halfway',
    key: 'halfwayNotifiedAt',
    share: 0.5,
    to: 'assignee',
    subject: 'A records request is half-way to its due date',
  },
  {
    kind: 'eighty',
    key: 'eightyNotifiedAt',
    share: 0.8,
    to: 'admins',
    subject: 'A records request has used 80% of its time',
  },
  {
    kind: 'overdue',
    key: 'overdueNotifiedAt',
    share: 1,
    to: 'both',
    subject: 'A records request is due today or overdue',
  },
];

function reached(share: number, day: string): SQL {
  if (share >= 1) return sql`${recordsRequests.dueOn} <= ${day}`;
  return sql`julianday(${day}) - julianday(${recordsRequests.receivedOn}) >= ${share} * (julianday(${recordsRequests.dueOn}) - julianday(${recordsRequests.receivedOn}))`;
}

async function recipients(db: Db, organizationId: string, assigneeId: string | null, to: Threshold['to']) {
  const wanted: SQL[] = [];
  if (to !== 'admins' && assigneeId) wanted.push(eq(memberships.id, assigneeId));
  if (to !== 'assignee') wanted.push(eq(memberships.role, 'clinic_admin'));
  if (!wanted.length) return [];
  const rows = await db
    .select({ email: users.email })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(
        eq(memberships.organizationId, organizationId),
        eq(memberships.status, 'active'),
        sql`(${sql.join(wanted, sql` OR `)})`,
      ),
    );
  return [...new Set(rows.map((r) => r.email))];
}

/**
 * The cron job: each open request is escalated at half its time (to the
 * person assigned), at 80% (to the clinic administrators) and on its due date
 * (overdue, to both), once each. A request is claimed by setting its column
 * where it is still empty, so running the job again sends nothing twice.
 */
export async function escalateRecordsRequests(db: Db, now = Date.now()) {
  const day = today(now);
  let sent = 0;
  for (const threshold of THRESHOLDS) {
    const column = recordsRequests[threshold.key];
    const due = await db
      .select({
        id: recordsRequests.id,
        organizationId: recordsRequests.organizationId,
        assigneeId: recordsRequests.assigneeId,
        dueOn: recordsRequests.dueOn,
      })
      .from(recordsRequests)
      .where(and(eq(recordsRequests.open, true), isNull(column), reached(threshold.share, day)))
      .limit(500);
    for (const request of due) {
      const [claimed] = await db
        .update(recordsRequests)
        .set({ [threshold.key]: iso(now) })
        .where(and(eq(recordsRequests.id, request.id), isNull(column)))
        .returning({ id: recordsRequests.id });
      if (!claimed) continue;
      const to = await recipients(db, request.organizationId, request.assigneeId, threshold.to);
      await db.batch([
        db.insert(recordsRequestEvents).values({
          id: newId('rre'),
          organizationId: request.organizationId,
          requestId: request.id,
          kind: 'escalation',
          text: threshold.kind,
          detail: { to: threshold.to, dueOn: request.dueOn, recipients: to.length },
          createdBy: null,
          createdAt: iso(now),
        }),
        // No patient or requester in the email: it is not a secure channel.
        ...to.map(
          (email) =>
            queueEmail(db, {
              organizationId: request.organizationId,
              to: email,
              subject: threshold.subject,
              text: `${threshold.subject} (due ${request.dueOn}).\n\nOpen Sidecar CRM, Records, to see which.`,
            }).statement,
        ),
      ]);
      sent += to.length;
    }
  }
  return sent;
}
