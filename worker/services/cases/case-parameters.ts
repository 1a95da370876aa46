import { type SQL, sql } from 'drizzle-orm';
import { appointments, cases } from '../../../db/schema';
import type { CaseParameter } from '../../../shared/schemas/cases';

/**
 * The case parameters of spec 002, each defined once as a SQL expression over
 * a row of `cases` (correlated subqueries on `appointments`, each answered
 * from the `appointments_case_params` index). Lists select them and rule
 * conditions compare them, so what a list shows is what a rule tests.
 *
 * - done: appointments of the case that have ended by `now` and were not
 *   cancelled or missed (booked or attended);
 * - booked: appointments of the case that were not cancelled (a booking, not
 *   attendance: 2 booked of a maximum of 5 is 40%, attended or not);
 * - left: maximum sessions minus done, never below 0;
 * - invoiced: the sum of the case's appointments' invoiced amounts.
 * Percentages are rounded to one decimal and null when the maximum (or the
 * invoiceable amount) is missing or zero; amounts are cents.
 */
export function caseParameterSql(now: string): Record<CaseParameter, SQL<number | null>> {
  const done = sql`(SELECT count(*) FROM ${appointments} WHERE ${appointments.caseId} = ${cases.id} AND ${appointments.status} IN ('booked', 'attended') AND ${appointments.endsAt} <= ${now})`;
  const booked = sql`(SELECT count(*) FROM ${appointments} WHERE ${appointments.caseId} = ${cases.id} AND ${appointments.status} IN ('booked', 'attended', 'did_not_attend'))`;
  const invoiced = sql`(SELECT coalesce(sum(${appointments.invoicedCents}), 0) FROM ${appointments} WHERE ${appointments.caseId} = ${cases.id})`;
  const percentOf = (part: SQL, whole: SQL) =>
    sql<number | null>`CASE WHEN ${whole} > 0 THEN round(100.0 * ${part} / ${whole}, 1) END`;
  return {
    sessionsDone: sql<number>`${done}`,
    sessionsBooked: sql<number>`${booked}`,
    sessionsLeft: sql<number | null>`max(${cases.maxSessions} - ${done}, 0)`,
    percentBooked: percentOf(booked, sql`${cases.maxSessions}`),
    percentDone: percentOf(done, sql`${cases.maxSessions}`),
    totalInvoicedCents: sql<number>`${invoiced}`,
    invoiceableLeftCents: sql<number | null>`${cases.invoiceableCents} - ${invoiced}`,
    percentInvoiced: percentOf(invoiced, sql`${cases.invoiceableCents}`),
  };
}
