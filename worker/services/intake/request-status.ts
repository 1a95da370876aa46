import { and, eq, gt, inArray, lte, notInArray, or, type SQL } from 'drizzle-orm';
import { intakeRequests } from '../../../db/schema';
import type { IntakeRequestStatus } from '../../../shared/schemas/intake-api';
import { iso } from '../../lib/time';

/** A link in one of these states still works until it expires. */
export const OPEN_STATUSES = ['sent', 'opened', 'in_progress'] as const satisfies IntakeRequestStatus[];

type Row = Pick<typeof intakeRequests.$inferSelect, 'status' | 'expiresAt'>;

export const isOpenStatus = (status: string) => (OPEN_STATUSES as readonly string[]).includes(status);

/**
 * The status as the person and staff see it: a link past its expiry that was
 * not submitted is expired, even before the cron has written so.
 */
export function effectiveStatus(row: Row, now = Date.now()): IntakeRequestStatus {
  if (isOpenStatus(row.status) && row.expiresAt <= iso(now)) return 'expired';
  return row.status as IntakeRequestStatus;
}

/** The SQL twin of `effectiveStatus`, for list filters. */
export function statusIs(status: IntakeRequestStatus, now = Date.now()): SQL {
  const live = gt(intakeRequests.expiresAt, iso(now));
  if (status === 'expired')
    return or(
      eq(intakeRequests.status, 'expired'),
      and(inArray(intakeRequests.status, OPEN_STATUSES), lte(intakeRequests.expiresAt, iso(now))),
    ) as SQL;
  if (isOpenStatus(status)) return and(eq(intakeRequests.status, status), live) as SQL;
  return eq(intakeRequests.status, status);
}

/** Not submitted and not cancelled: what staff still wait for (expired ones need renewing). */
export const outstanding = (yes: boolean): SQL =>
  (yes ? inArray : notInArray)(intakeRequests.status, [...OPEN_STATUSES, 'expired']);
