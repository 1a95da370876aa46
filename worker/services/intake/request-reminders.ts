import { and, eq, gt, inArray, isNotNull, isNull, lte, type SQL } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import type { Db } from '../../../db/client';
import { intakeRequests, leads, organizations, patients } from '../../../db/schema';
import { AuditLog } from '../../lib/audit-log';
import { chunk, STATEMENTS_PER_BATCH } from '../../lib/d1-limits';
import { DAY, iso, ms } from '../../lib/time';
import { queueEmail } from '../email/outbox';
import { intakeReminderEmail } from './request-emails';
import { OPEN_STATUSES } from './request-status';

/** Reminders go out 3 days before expiry, or halfway through a shorter link's life. */
export const REMINDER_LEAD_MS = 3 * DAY;

const cronAudit = (db: Db, now: number) =>
  new AuditLog(db, { ip: null, userAgent: null, requestId: `cron-${iso(now)}` });

function reminderDue(row: { sentAt: string; expiresAt: string }, now: number) {
  const life = ms(row.expiresAt) - ms(row.sentAt);
  return now >= ms(row.expiresAt) - Math.min(REMINDER_LEAD_MS, life / 2);
}

/**
 * The cron step: one reminder per emailed link that is still open and close
 * to expiry. Each request is claimed with `UPDATE … WHERE reminded_at IS NULL
 * RETURNING` before its email is queued, so two overlapping runs send one
 * reminder. Renewing a link makes it remindable again.
 */
export async function remindIntakeRequests(db: Db, now = Date.now()) {
  const candidates = await db
    .select({
      request: intakeRequests,
      organizationName: organizations.name,
      leadFirstName: leads.firstName,
      patientFirstName: patients.firstName,
    })
    .from(intakeRequests)
    .innerJoin(organizations, eq(organizations.id, intakeRequests.organizationId))
    .leftJoin(leads, eq(leads.id, intakeRequests.leadId))
    .leftJoin(patients, eq(patients.id, intakeRequests.patientId))
    .where(
      and(
        inArray(intakeRequests.status, OPEN_STATUSES),
        isNull(intakeRequests.remindedAt),
        isNotNull(intakeRequests.recipientEmail),
        gt(intakeRequests.expiresAt, iso(now)),
        lte(intakeRequests.expiresAt, iso(now + REMINDER_LEAD_MS)),
      ),
    )
    .limit(500);
  const audit = cronAudit(db, now);
  let sent = 0;
  for (const { request, organizationName, leadFirstName, patientFirstName } of candidates) {
    if (!reminderDue(request, now)) continue;
    const claimed = await db
      .update(intakeRequests)
      .set({ remindedAt: iso(now) })
      .where(
        and(
          eq(intakeRequests.id, request.id),
          eq(intakeRequests.tokenHash, request.tokenHash),
          isNull(intakeRequests.remindedAt),
        ) as SQL,
      )
      .returning({ id: intakeRequests.id });
    if (!claimed.length) continue;
    await db.batch([
      queueEmail(db, {
        organizationId: request.organizationId,
        ...intakeReminderEmail({
          to: request.recipientEmail!,
          organizationName,
          firstName: leadFirstName ?? patientFirstName ?? 'you',
          sentAt: request.sentAt,
          expiresAt: request.expiresAt,
        }),
      }).statement,
      audit.statement({
        action: 'update',
        entityType: 'intake_request',
        entityId: request.id,
        organizationId: request.organizationId,
        actorUserId: null,
        detail: { reminded: true },
      }),
    ]);
    sent++;
  }
  return sent;
}

/**
 * The cron step: open links past their expiry become `expired`, once (the
 * status itself is the guard), each with an audit event. Reads already show
 * them expired; this makes lists and exports agree without computing.
 */
export async function expireIntakeRequests(db: Db, now = Date.now()) {
  const expired = await db
    .update(intakeRequests)
    .set({ status: 'expired', expiredAt: iso(now), updatedAt: iso(now) })
    .where(and(inArray(intakeRequests.status, OPEN_STATUSES), lte(intakeRequests.expiresAt, iso(now))))
    .returning({ id: intakeRequests.id, organizationId: intakeRequests.organizationId });
  const audit = cronAudit(db, now);
  const statements: BatchItem<'sqlite'>[] = expired.map((r) =>
    audit.statement({
      action: 'update',
      entityType: 'intake_request',
      entityId: r.id,
      organizationId: r.organizationId,
      actorUserId: null,
      detail: { expired: true },
    }),
  );
  for (const [first, ...rest] of chunk(statements, STATEMENTS_PER_BATCH)) {
    if (first) await db.batch([first, ...rest]);
  }
  return expired.length;
}
