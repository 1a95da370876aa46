import { and, inArray, or, type SQL, sql } from 'drizzle-orm';
import { cases } from '../../../db/schema';
import { addCalendarDays } from '../../../shared/calendar-date';
import {
  CASE_RULE_FIELDS,
  type RuleCondition,
  type RuleConditions,
  type RuleDefinition,
} from '../../../shared/schemas/automation-rules';
import { DAY } from '../../lib/time';
import { caseParameterSql } from '../cases/case-parameters';

/** The SQL of every field a case rule can test, as of `now` (case columns and the parameters). */
export function caseFieldSql(now: string): Record<string, SQL> {
  return {
    status: sql`${cases.status}`,
    name: sql`${cases.name}`,
    issueDate: sql`${cases.issueDate}`,
    expiryDate: sql`${cases.expiryDate}`,
    maxSessions: sql`${cases.maxSessions}`,
    invoiceableCents: sql`${cases.invoiceableCents}`,
    ...caseParameterSql(now),
  };
}

/** One condition as SQL; text compares without case, dates count days from `now`'s calendar day. */
export function conditionSql(c: RuleCondition, now: string): SQL {
  const field = caseFieldSql(now)[c.field] as SQL;
  const kind = CASE_RULE_FIELDS[c.field];
  const today = now.slice(0, 10);
  const value = c.value ?? null;
  const days = Number(value ?? 0);
  const lhs = kind === 'text' ? sql`lower(${field})` : field;
  const rhs = kind === 'text' ? String(value ?? '').toLowerCase() : value;
  switch (c.op) {
    case 'eq':
      return sql`${lhs} = ${rhs}`;
    case 'ne':
      return sql`(${lhs} IS NULL OR ${lhs} <> ${rhs})`;
    case 'gt':
      return sql`${lhs} > ${rhs}`;
    case 'gte':
      return sql`${lhs} >= ${rhs}`;
    case 'lt':
      return sql`${lhs} < ${rhs}`;
    case 'lte':
      return sql`${lhs} <= ${rhs}`;
    case 'contains':
      return sql`instr(${lhs}, ${rhs}) > 0`;
    case 'within_next_days':
      return sql`${field} BETWEEN ${today} AND ${addCalendarDays(today, days)}`;
    case 'within_past_days':
      return sql`${field} BETWEEN ${addCalendarDays(today, -days)} AND ${addCalendarDays(today, -1)}`;
    case 'is_empty':
      return sql`${field} IS NULL`;
    case 'is_not_empty':
      return sql`${field} IS NOT NULL`;
  }
}

const combine = (match: 'all' | 'any', parts: SQL[]) =>
  parts.length === 0 ? sql`1 = 1` : ((match === 'all' ? and(...parts) : or(...parts)) as SQL);

export function conditionsSql(tree: RuleConditions, now: string): SQL {
  return combine(
    tree.match,
    tree.conditions.map((c) =>
      'field' in c
        ? conditionSql(c, now)
        : combine(
            c.match,
            c.conditions.map((inner) => conditionSql(inner, now)),
          ),
    ),
  );
}

/**
 * The occurrence a case is in for this rule on `now`'s day, as SQL: one for a
 * "once" rule, the period number for "every N days", the date itself for
 * "relative to a date" (a changed date is a new occurrence).
 */
export function occurrenceSql(rule: RuleDefinition, now: string): SQL<string> {
  if (rule.type === 'once') return sql<string>`'once'`;
  if (rule.type === 'recurring') {
    const period = Math.floor(Date.parse(`${now.slice(0, 10)}T00:00:00Z`) / DAY / (rule.everyDays ?? 1));
    return sql<string>`${`p${period}`}`;
  }
  return sql<string>`${rule.relativeField === 'issueDate' ? cases.issueDate : cases.expiryDate}`;
}

/**
 * Everything a case must satisfy on `now`'s day: the locations, open-ended
 * conditions and, for a relative rule, the date window from (date + offset)
 * to the date itself, so a day the cron missed is caught up.
 */
export function ruleMatchSql(rule: RuleDefinition, now: string): SQL {
  const today = now.slice(0, 10);
  const parts: SQL[] = [conditionsSql(rule.conditions, now)];
  if (rule.facilityIds.length) parts.push(inArray(cases.facilityId, rule.facilityIds));
  if (rule.type === 'relative') {
    const date = rule.relativeField === 'issueDate' ? cases.issueDate : cases.expiryDate;
    const offset = rule.offsetDays ?? 0;
    // Due from (date + offset) on: for 14 days before expiry, from 14 days before until the day itself.
    const from = sql`${date} <= ${addCalendarDays(today, -offset)}`;
    const until =
      offset < 0 ? sql`${date} >= ${today}` : sql`${date} >= ${addCalendarDays(today, -offset - 7)}`;
    parts.push(and(from, until) as SQL);
  }
  return and(...parts) as SQL;
}
