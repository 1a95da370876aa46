import { and, eq, getTableColumns, isNotNull, isNull, lte, ne, or, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { referralLetterSettings, referralLetters, referralMilestones, referrals } from '../../../db/schema';
import { DEFAULT_PROGRESS_MONTHS } from '../../../shared/referral-letters';
import { chunk, rowsPerStatement, STATEMENTS_PER_BATCH } from '../../lib/d1-limits';
import { iso } from '../../lib/time';
import { letterRow } from './queue-letters';

/** Whole calendar months from `from` to `to` (YYYY-MM-DD): 2026-01-31 → 2026-02-28 is 0. */
export function wholeMonthsBetween(from: string, to: string): number {
  const [fy, fm, fd] = from.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = to.split('-').map(Number) as [number, number, number];
  return (ty - fy) * 12 + (tm - fm) - (td < fd ? 1 : 0);
}

/**
 * The cron job: for every referred patient in treatment (started, not
 * completed, not declined), the progress report due now is queued (report
 * `n` after n × N months, N the organisation's interval). The letter's event
 * is `progress_<n>`, insert-or-ignore, so a second run, or a run after a
 * missed one, queues nothing twice and no backlog of old reports.
 */
export async function queueProgressReports(db: Db, now = Date.now()) {
  const today = iso(now).slice(0, 10);
  const candidates = await db
    .select({
      organizationId: referralMilestones.organizationId,
      referralId: referralMilestones.referralId,
      start: referralMilestones.treatmentStartDate,
      providerId: referrals.providerId,
      every: sql<number>`coalesce(${referralLetterSettings.progressEveryMonths}, ${DEFAULT_PROGRESS_MONTHS})`,
    })
    .from(referralMilestones)
    .innerJoin(
      referrals,
      and(eq(referrals.id, referralMilestones.referralId), eq(referrals.direction, 'incoming')),
    )
    .leftJoin(
      referralLetterSettings,
      eq(referralLetterSettings.organizationId, referralMilestones.organizationId),
    )
    .where(
      and(
        isNull(referralMilestones.completedDate),
        isNotNull(referralMilestones.treatmentStartDate),
        lte(referralMilestones.treatmentStartDate, sql`date(${today}, '-1 month')`),
        or(
          isNull(referralMilestones.consultationOutcome),
          ne(referralMilestones.consultationOutcome, 'declined'),
        ),
      ),
    );
  const rows = [];
  for (const c of candidates) {
    const due = Math.floor(wholeMonthsBetween(c.start ?? today, today) / c.every);
    if (due < 1) continue;
    rows.push({
      ...letterRow(
        { id: c.referralId, providerId: c.providerId },
        `progress_${due}`,
        'progress_report',
        iso(now),
      ),
      organizationId: c.organizationId,
    });
  }
  const perStatement = rowsPerStatement(Object.keys(getTableColumns(referralLetters)).length);
  const statements = chunk(rows, perStatement).map((part) =>
    db.insert(referralLetters).values(part).onConflictDoNothing(),
  );
  for (const batch of chunk(statements, STATEMENTS_PER_BATCH)) {
    const [first, ...rest] = batch;
    if (first) await db.batch([first, ...rest]);
  }
  // Reports due now, whether this run or an earlier one queued them.
  return rows.length;
}
