import { z } from 'zod';
import {
  ALL_RULE_FIELD_NAMES,
  CASE_RULE_FIELDS,
  dateFieldsOf,
  POPULATION_FIELDS,
  POPULATIONS_WITH_LOCATIONS,
  RULE_FIELD_CHOICES,
  RULE_POPULATIONS,
} from '../automation/populations';
import { actOutcomeSchema, ruleActionSchema } from './automation-actions';
import { idSchema, timestampSchema } from './common';
import { UNSUBSCRIBE_CATEGORIES } from './message-templates';
import { requiredText, singleLineText } from './text';

export const RULE_TYPES = ['once', 'recurring', 'relative'] as const;
export const RULE_STATUSES = ['draft', 'running', 'paused'] as const;

export {
  CASE_RULE_FIELDS,
  POPULATION_FIELDS,
  RULE_FIELD_CHOICES,
  RULE_POPULATIONS,
  type RuleFieldKind,
  type RulePopulation,
} from '../automation/populations';
export const CASE_RULE_FIELD_NAMES = Object.keys(CASE_RULE_FIELDS) as [string, ...string[]];

export const RULE_OPERATORS = [
  'eq',
  'ne',
  'gt',
  'gte',
  'lt',
  'lte',
  'contains',
  /** A date from today to `value` days ahead. */
  'within_next_days',
  /** A date from `value` days ago to yesterday. */
  'within_past_days',
  'is_empty',
  'is_not_empty',
] as const;
export type RuleOperator = (typeof RULE_OPERATORS)[number];

export const ruleConditionSchema = z.strictObject({
  /** A field of the rule's population (POPULATION_FIELDS). */
  field: z.enum(ALL_RULE_FIELD_NAMES),
  op: z.enum(RULE_OPERATORS),
  value: z
    .union([z.number(), singleLineText(200)])
    .nullable()
    .optional(),
});
export type RuleCondition = z.infer<typeof ruleConditionSchema>;

const match = z.enum(['all', 'any']);
/** Conditions combined with and (`all`) or or (`any`), one level of nested groups. */
export const ruleConditionsSchema = z.strictObject({
  match,
  conditions: z
    .array(
      z.union([
        ruleConditionSchema,
        z.strictObject({ match, conditions: z.array(ruleConditionSchema).min(1).max(20) }),
      ]),
    )
    .max(20),
});
export type RuleConditions = z.infer<typeof ruleConditionsSchema>;

export { type RuleAction, ruleActionSchema } from './automation-actions';

const DATE_VALUE = /^\d{4}-\d{2}-\d{2}$/;
/** Operators that count days from today, whatever the field's own values. */
const DAY_COUNT_OPERATORS: readonly RuleOperator[] = ['within_next_days', 'within_past_days'];

/** A condition's problem against its population's field list, or null. */
function conditionProblem(population: (typeof RULE_POPULATIONS)[number], c: RuleCondition): string | null {
  const kind = POPULATION_FIELDS[population][c.field];
  if (!kind) return `Not a field of ${population.replace(/_/g, ' ')}`;
  if (c.op === 'is_empty' || c.op === 'is_not_empty') return null;
  if (DAY_COUNT_OPERATORS.includes(c.op))
    return kind === 'date' && typeof c.value === 'number' && c.value >= 0
      ? null
      : 'Count days on a date field';
  if (c.value === null || c.value === undefined) return 'Enter a value to compare with';
  if (kind === 'number') return typeof c.value === 'number' ? null : 'Enter a number';
  if (kind === 'date')
    return typeof c.value === 'string' && DATE_VALUE.test(c.value) && c.op !== 'contains'
      ? null
      : 'Enter a date as YYYY-MM-DD';
  if (kind === 'choice') {
    if (!['eq', 'ne'].includes(c.op)) return 'Compare a choice with is or is not';
    const choices = RULE_FIELD_CHOICES[population]?.[c.field];
    return !choices || choices.includes(String(c.value).toLowerCase())
      ? null
      : `Choose one of ${choices.join(', ')}`;
  }
  return null;
}

/** Conditions, the relative date and locations must fit the rule's population. */
function checkPopulationFields(
  r: {
    population: (typeof RULE_POPULATIONS)[number];
    conditions: RuleConditions;
    relativeField?: string | null;
    facilityIds: string[];
  },
  ctx: z.RefinementCtx,
) {
  r.conditions.conditions.forEach((c, i) => {
    const inner =
      'field' in c
        ? [{ c, path: ['conditions', 'conditions', i] }]
        : c.conditions.map((d, j) => ({ c: d, path: ['conditions', 'conditions', i, 'conditions', j] }));
    for (const { c: condition, path } of inner) {
      const problem = conditionProblem(r.population, condition);
      if (problem) ctx.addIssue({ code: 'custom', message: problem, path: [...path, 'field'] });
    }
  });
  if (r.relativeField && !dateFieldsOf(r.population).includes(r.relativeField))
    ctx.addIssue({ code: 'custom', message: 'Choose a date of this population', path: ['relativeField'] });
  if (r.facilityIds.length && !POPULATIONS_WITH_LOCATIONS.includes(r.population))
    ctx.addIssue({
      code: 'custom',
      message: 'This population has no locations to choose',
      path: ['facilityIds'],
    });
}

export const ruleDefinitionSchema = z
  .strictObject({
    name: requiredText('Enter the automation name', 120),
    category: z.enum(UNSUBSCRIBE_CATEGORIES),
    type: z.enum(RULE_TYPES),
    /** Recurring rules: every how many days while the case matches. */
    everyDays: z.number().int().min(1).max(365).nullable().optional(),
    /** Relative rules: a date field of the population and the days before (negative) or after (positive) it. */
    relativeField: z.enum(ALL_RULE_FIELD_NAMES).nullable().optional(),
    offsetDays: z.number().int().min(-365).max(365).nullable().optional(),
    /** What the rule looks at; its conditions test that population's fields (POPULATION_FIELDS). */
    population: z.enum(RULE_POPULATIONS),
    /** Locations (facilities) the rule looks at (POPULATIONS_WITH_LOCATIONS only); empty means every location. */
    facilityIds: z.array(idSchema).max(50).default([]),
    conditions: ruleConditionsSchema,
    actions: z.array(ruleActionSchema).min(1).max(5),
  })
  .refine((r) => r.type !== 'recurring' || !!r.everyDays, {
    message: 'Say every how many days',
    path: ['everyDays'],
  })
  .refine((r) => r.type !== 'relative' || (!!r.relativeField && typeof r.offsetDays === 'number'), {
    message: 'Choose the date and the days before or after it',
    path: ['relativeField'],
  })
  .superRefine(checkPopulationFields);
export type RuleDefinition = z.infer<typeof ruleDefinitionSchema>;

export const ruleSchema = z.object({
  id: z.string(),
  status: z.enum(RULE_STATUSES),
  version: z.number(),
  definition: ruleDefinitionSchema,
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
});
export type Rule = z.infer<typeof ruleSchema>;
export const ruleListSchema = z.object({ items: z.array(ruleSchema) });

export const dryRunSchema = z.object({
  matching: z.number(),
  /** Matching now and not yet acted on by this version. */
  due: z.number(),
  sample: z.array(
    z.object({
      /** The subject's id (a case, lead, intake request, patient, facility or records request). */
      subjectId: z.string(),
      /** The same id, for a rule on cases. */
      caseId: z.string().optional(),
      values: z.record(z.string(), z.union([z.string(), z.number(), z.null()])),
    }),
  ),
  forecast: z.array(z.object({ date: z.string(), sends: z.number() })),
});
export type DryRun = z.infer<typeof dryRunSchema>;

export const ruleRunSchema = z.object({
  id: z.string(),
  ruleId: z.string(),
  version: z.number(),
  subjectId: z.string(),
  occurrence: z.string(),
  outboxMessageId: z.string().nullable(),
  /** What each action did: queued, created, or skipped with the reason. */
  actions: z.array(actOutcomeSchema),
  createdAt: timestampSchema,
});
export const ruleRunListSchema = z.object({ items: z.array(ruleRunSchema) });

/** The subject to explain: `subjectId` of the rule's population (`caseId` is the same, for a rule on cases). */
export const explainQuerySchema = z
  .strictObject({ subjectId: idSchema.optional(), caseId: idSchema.optional() })
  .refine((q) => !!(q.subjectId ?? q.caseId), { message: 'Name the subject', path: ['subjectId'] });
export const explainSchema = z.object({
  matchesNow: z.boolean(),
  /** The first check the subject fails now (a location, a condition with the subject's value, or the date window). */
  firstFailed: z
    .object({
      check: z.string(),
      condition: ruleConditionSchema.nullable(),
      actual: z.union([z.string(), z.number()]).nullable(),
    })
    .nullable(),
  runs: z.array(z.object({ version: z.number(), occurrence: z.string(), at: timestampSchema })),
});
