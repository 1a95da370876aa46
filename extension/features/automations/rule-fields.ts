import {
  POPULATION_FIELDS,
  RULE_FIELD_CHOICES,
  type RuleFieldKind,
  type RulePopulation,
} from '../../../shared/automation/populations';
import {
  CASE_RULE_FIELDS,
  RULE_OPERATORS,
  type RuleCondition,
  type RuleDefinition,
  type RuleOperator,
} from '../../../shared/schemas/automation-rules';
import { CASE_STATUSES } from '../../../shared/schemas/cases';
import { DATE_OPERATOR_LABELS, FIELD_LABELS, labelOf, OPERATOR_LABELS } from './automation-labels';

/**
 * The rule builder's knowledge of fields and operators, derived from the
 * shared constants: a population's fields come from its field table, so a
 * population or field the schema adds is offered without a change here (a
 * population without its own table yet falls back to the case fields).
 */
export type FieldKind = RuleFieldKind;
export type Population = RuleDefinition['population'];

export function fieldsOf(population: string): Record<string, FieldKind> {
  return POPULATION_FIELDS[population as RulePopulation] ?? CASE_RULE_FIELDS;
}

const OPERATORS_BY_KIND: Record<FieldKind, readonly RuleOperator[]> = {
  text: ['eq', 'ne', 'contains', 'is_empty', 'is_not_empty'],
  // A choice is compared with is or is not (the schema refuses the rest).
  choice: ['eq', 'ne'],
  number: ['eq', 'ne', 'gt', 'gte', 'lt', 'lte', 'is_empty', 'is_not_empty'],
  date: ['within_next_days', 'within_past_days', 'eq', 'gt', 'lt', 'is_empty', 'is_not_empty'],
};

export function operatorsFor(kind: FieldKind): readonly RuleOperator[] {
  return OPERATORS_BY_KIND[kind].filter((op) => RULE_OPERATORS.includes(op));
}

export function operatorLabel(kind: FieldKind, op: RuleOperator) {
  return (kind === 'date' ? DATE_OPERATOR_LABELS[op] : undefined) ?? OPERATOR_LABELS[op];
}

/** How a condition's value is typed: a count of days, money in dollars (stored as cents), a percentage, … */
export type ValueInput = 'none' | 'days' | 'number' | 'money' | 'percent' | 'text' | 'date' | 'choice';

/** Text fields whose values are a fixed list. */
const FIELD_CHOICES: Record<string, readonly string[]> = { status: CASE_STATUSES };

/** The fixed values of a population's field (a lead's stage or source is an id of the organisation's own: typed). */
export const choicesOf = (field: string, population = 'cases') =>
  RULE_FIELD_CHOICES[population as RulePopulation]?.[field] ??
  (population === 'cases' ? FIELD_CHOICES[field] : undefined) ??
  [];

export function valueInputOf(
  field: string,
  kind: FieldKind,
  op: RuleOperator,
  population = 'cases',
): ValueInput {
  if (op === 'is_empty' || op === 'is_not_empty') return 'none';
  if (op === 'within_next_days' || op === 'within_past_days') return 'days';
  if (kind === 'date') return 'date';
  if (kind === 'choice') return choicesOf(field, population).length ? 'choice' : 'text';
  if (kind === 'text') return FIELD_CHOICES[field] && op !== 'contains' ? 'choice' : 'text';
  if (field.endsWith('Cents')) return 'money';
  if (field.startsWith('percent')) return 'percent';
  return 'number';
}

/** A typed value as the API stores it (money in cents); an empty or unreadable number is null. */
export function storedValue(input: ValueInput, typed: string): string | number | null {
  if (input === 'none') return null;
  if (input === 'text' || input === 'date' || input === 'choice') return typed;
  if (typed.trim() === '') return null;
  const n = Number(typed);
  if (!Number.isFinite(n)) return null;
  return input === 'money' ? Math.round(n * 100) : n;
}

/** A stored value as its input shows it. */
export function typedValue(input: ValueInput, value: RuleCondition['value']): string {
  if (value === null || value === undefined) return '';
  if (input === 'money' && typeof value === 'number') return String(value / 100);
  return String(value);
}

/** A new condition on `field`: its first operator and a value that reads sensibly. */
export function newCondition(population: string, field?: string): RuleCondition {
  const fields = fieldsOf(population);
  const name = field ?? Object.keys(fields)[0] ?? 'status';
  const kind = fields[name] ?? 'text';
  const op = operatorsFor(kind)[0] ?? 'eq';
  const input = valueInputOf(name, kind, op);
  const value = input === 'days' ? 14 : input === 'choice' ? (choicesOf(name)[0] ?? '') : null;
  return { field: name, op, value };
}

/** The condition after its field or operator changed: the value is kept only while it still fits. */
export function changedCondition(
  population: string,
  current: RuleCondition,
  change: { field?: string; op?: RuleOperator },
): RuleCondition {
  if (change.field && change.field !== current.field) return newCondition(population, change.field);
  const kind = fieldsOf(population)[current.field] ?? 'text';
  const op = change.op ?? current.op;
  const before = valueInputOf(current.field, kind, current.op);
  const after = valueInputOf(current.field, kind, op);
  return { ...current, op, value: before === after ? (current.value ?? null) : after === 'days' ? 14 : null };
}

/** "Expiry date is within the next 14 days", "Sessions left to go is more than 0". */
export function describeCondition(population: string, c: RuleCondition): string {
  const kind = fieldsOf(population)[c.field] ?? 'text';
  const input = valueInputOf(c.field, kind, c.op);
  const field = labelOf(FIELD_LABELS, c.field);
  const op = operatorLabel(kind, c.op);
  if (input === 'none') return `${field} ${op}`;
  const value = typedValue(input, c.value);
  if (input === 'days') return `${field} ${op.replace('…', value)}`;
  if (input === 'money') return `${field} ${op} $${value}`;
  if (input === 'percent') return `${field} ${op} ${value}%`;
  return `${field} ${op} ${value}`;
}
