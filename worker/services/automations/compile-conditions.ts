import { and, or, type SQL, sql } from 'drizzle-orm';
import type { RuleFieldKind } from '../../../shared/automation/populations';
import { addCalendarDays } from '../../../shared/calendar-date';
import type { RuleCondition, RuleConditions, RuleDefinition } from '../../../shared/schemas/automation-rules';
import { DAY } from '../../lib/time';

/** A population's fields as SQL on one day, how each is compared, and the fixed values of its choices. */
export type FieldSet = {
  sql: Record<string, SQL>;
  kinds: Record<string, RuleFieldKind>;
  choices: Record<string, readonly string[]>;
};

/**
 * A date field as a range of whole UTC days, so the same comparison holds for
 * a calendar date (`2026-05-01`) and a time stamp on that day, and a column's
 * index can still answer it: `from` inclusive, `until` exclusive.
 */
function dayRange(field: SQL, from: string | null, until: string | null): SQL {
  const parts = [from ? sql`${field} >= ${from}` : undefined, until ? sql`${field} < ${until}` : undefined];
  return and(...parts) as SQL;
}

function dateConditionSql(c: RuleCondition, field: SQL, today: string): SQL {
  const days = Number(c.value ?? 0);
  const day = String(c.value ?? '');
  const next = (d: string) => addCalendarDays(d, 1);
  switch (c.op) {
    case 'within_next_days':
      return dayRange(field, today, addCalendarDays(today, days + 1));
    case 'within_past_days':
      return dayRange(field, addCalendarDays(today, -days), today);
    case 'eq':
      return dayRange(field, day, next(day));
    case 'ne':
      return sql`(${field} IS NULL OR NOT (${dayRange(field, day, next(day))}))`;
    case 'gt':
      return dayRange(field, next(day), null);
    case 'gte':
      return dayRange(field, day, null);
    case 'lt':
      return dayRange(field, null, day);
    case 'lte':
      return dayRange(field, null, next(day));
    case 'is_empty':
      return sql`${field} IS NULL`;
    default:
      return sql`${field} IS NOT NULL`;
  }
}

/**
 * One condition as SQL: text compares without case, a choice exactly (so an
 * index on the column answers it), numbers as numbers, dates by day counted
 * from `now`'s UTC day.
 */
export function conditionSql(c: RuleCondition, fields: FieldSet, now: string): SQL {
  const field = fields.sql[c.field] as SQL;
  const kind = fields.kinds[c.field];
  if (kind === 'date') return dateConditionSql(c, field, now.slice(0, 10));
  const value = c.value ?? null;
  // Text is lower-cased on both sides; a fixed choice is stored in lower case, so only the value is,
  // which keeps the column bare for its index (`status = 'open'` over `cases_org_status_expiry`).
  const fixedChoice =
    kind === 'choice' && fields.choices[c.field] ? String(value ?? '').toLowerCase() : value;
  const lhs = kind === 'text' ? sql`lower(${field})` : field;
  const rhs = kind === 'text' ? String(value ?? '').toLowerCase() : fixedChoice;
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
    case 'is_empty':
      return sql`${field} IS NULL`;
    case 'is_not_empty':
      return sql`${field} IS NOT NULL`;
    default:
      // Day counts on anything but a date are refused by the schema.
      return sql`0`;
  }
}

const combine = (match: 'all' | 'any', parts: SQL[]) =>
  parts.length === 0 ? sql`1 = 1` : ((match === 'all' ? and(...parts) : or(...parts)) as SQL);

export function conditionsSql(tree: RuleConditions, fields: FieldSet, now: string): SQL {
  return combine(
    tree.match,
    tree.conditions.map((c) =>
      'field' in c
        ? conditionSql(c, fields, now)
        : combine(
            c.match,
            c.conditions.map((inner) => conditionSql(inner, fields, now)),
          ),
    ),
  );
}

/**
 * The occurrence a subject is in for this rule on `now`'s day, as SQL: one
 * for a "once" rule, the period number for "every N days", the date itself
 * for "relative to a date" (a changed date is a new occurrence).
 */
export function occurrenceSql(rule: RuleDefinition, fields: FieldSet, now: string): SQL<string> {
  if (rule.type === 'once') return sql<string>`'once'`;
  if (rule.type === 'recurring') {
    const period = Math.floor(Date.parse(`${now.slice(0, 10)}T00:00:00Z`) / DAY / (rule.everyDays ?? 1));
    return sql<string>`${`p${period}`}`;
  }
  return sql<string>`${fields.sql[rule.relativeField ?? '']}`;
}

/**
 * The date window of a relative rule: due from (date + offset) on, so a day
 * the cron missed is caught up: for 14 days before expiry, from 14 days
 * before until the day itself; after a date, for a week.
 */
export function relativeWindowSql(rule: RuleDefinition, fields: FieldSet, now: string): SQL | undefined {
  if (rule.type !== 'relative') return undefined;
  const today = now.slice(0, 10);
  const date = fields.sql[rule.relativeField ?? ''] as SQL;
  const offset = rule.offsetDays ?? 0;
  const until = addCalendarDays(today, -offset + 1);
  return offset < 0
    ? dayRange(date, today, until)
    : dayRange(date, addCalendarDays(today, -offset - 7), until);
}

/**
 * Everything a subject must satisfy on `now`'s day besides being visible and
 * at the rule's locations (the population's scope): the conditions and, for
 * a relative rule, the date window.
 */
export function ruleMatchSql(rule: RuleDefinition, fields: FieldSet, now: string): SQL {
  return and(conditionsSql(rule.conditions, fields, now), relativeWindowSql(rule, fields, now)) as SQL;
}
