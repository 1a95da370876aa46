import { and, eq, inArray, lt, notLike, or } from 'drizzle-orm';
import { d1Database } from '../../db/client';
import { loginThrottles, outboxAttachments, outboxMessages, sessions } from '../../db/schema';
import type { Bindings } from '../env';
import { DAY, iso } from '../lib/time';
import { runAutomations } from '../services/automations/run-automations';
import { backfillConsents } from '../services/consents/backfill-consents';
import { emailAdapterFor } from '../services/email/email-adapters';
import { flushNoticeDigests } from '../services/email/notice-digest';
import { deliverOutbox } from '../services/email/outbox';
import { expireIntakeRequests, remindIntakeRequests } from '../services/intake/request-reminders';
import { storeMissingPdfs } from '../services/intake-pdf/store-submission-pdf';
import { removeStaleLeadImports } from '../services/leads/lead-import-staging';
import { remindDueTasks } from '../services/leads/lead-tasks';
import { escalateRecordsRequests } from '../services/records/escalations';
import { queueProgressReports } from '../services/referral-letters/progress-reports';
import { remindStaffTasks } from '../services/tasks/task-reminders';

/**
 * The cron trigger: running automation rules evaluated, waiting notices sent as one digest per recipient, due staff tasks as one digest per assignee a day, lead follow-up and intake form reminders, records request escalations, referral progress reports queued, expired intake
 * links marked, signed PDFs that were not stored made again, consents signed before the consents table recorded, outbox delivery retried, and what has no use left removed
 * (sessions past their absolute expiry for a day, stale throttle counters, lead lists previewed a day ago and never imported).
 * Every step is safe to run twice.
 */
export async function runScheduled(env: Bindings, now = Date.now()) {
  const db = d1Database(env.DB);
  const reminded = await remindDueTasks(db, now);
  const intakeReminded = await remindIntakeRequests(db, now);
  const intakeExpired = await expireIntakeRequests(db, now);
  const pdfsStored = await storeMissingPdfs(db, env.FILES, now);
  const consentsBackfilled = await backfillConsents(db, now);
  const recordsEscalated = await escalateRecordsRequests(db, now);
  const progressReportsDue = await queueProgressReports(db, now);
  // Automation messages go out through the send queue (the `queue` handler), not the delivery below.
  const automated = await runAutomations(
    db,
    { queue: env.AUTOMATION_SENDS, baseUrl: env.PUBLIC_BASE_URL },
    now,
  );
  const digests = await flushNoticeDigests(db, now);
  const staffTasksReminded = await remindStaffTasks(db, now);
  const delivered = await deliverOutbox(db, emailAdapterFor(env));
  const staleLeadImports = await removeStaleLeadImports(env.FILES, now);
  await db.batch([
    // Delivered emails keep who, what and when, but not their links: a sign-in link must not outlive its use in a table.
    db
      .update(outboxMessages)
      .set({ bodyText: '(removed a day after delivery)', bodyHtml: null })
      .where(and(eq(outboxMessages.status, 'sent'), lt(outboxMessages.sentAt, iso(now - DAY)))),
    // Attachments (a letter's PDF) go with the body: patient data does not outlive delivery in a table.
    db.delete(outboxAttachments).where(
      inArray(
        outboxAttachments.messageId,
        db
          .select({ id: outboxMessages.id })
          .from(outboxMessages)
          .where(and(eq(outboxMessages.status, 'sent'), lt(outboxMessages.sentAt, iso(now - DAY)))),
      ),
    ),
    db.delete(sessions).where(lt(sessions.expiresAt, iso(now - DAY))),
    db.delete(loginThrottles).where(
      or(
        lt(loginThrottles.lockedUntil, iso(now - DAY)),
        // A known address (`known:`) stays until its own end, kept in locked_until.
        and(lt(loginThrottles.windowStartedAt, iso(now - DAY)), notLike(loginThrottles.key, 'known:%')),
      ),
    ),
  ]);
  return {
    delivered,
    digests,
    reminded,
    intakeReminded,
    intakeExpired,
    pdfsStored,
    consentsBackfilled,
    recordsEscalated,
    progressReportsDue,
    automated,
    staffTasksReminded,
    staleLeadImports,
  };
}
