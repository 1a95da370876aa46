import { z } from 'zod';
import { actOutcomeSchema, ruleActionSchema } from './automation-actions';
import { CASE_PARAMETERS } from './cases';
import { idSchema, timestampSchema } from './common';
import { UNSUBSCRIBE_CATEGORIES } from './message-templates';
import { requiredText, singleLineText } from './text';

export const RULE_TYPES = ['once', 'recurring', 'relative'] as const;
export const RULE_STATUSES = ['draft', 'running', 'paused'] as const;

/** What a case rule may test: the case's own fields and the parameters of spec 002. */
export const CASE_RULE_FIELDS = {
  status: 'text',
  name: 'text',
  issueDate: 'date',
  expiryDate: 'date',
  maxSessions: 'number',
  invoiceableCents: 'number',
  ...Object.fromEntries(CASE_PARAMETERS.map((p) => [p, 'number'])),
} as Record<string, 'text' | 'date' | 'number'>;
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
  field: z.enum(CASE_RULE_FIELD_NAMES),
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

export const ruleDefinitionSchema = z
  .strictObject({
    name: requiredText('Enter the automation name', 120),
    category: z.enum(UNSUBSCRIBE_CATEGORIES),
    type: z.enum(RULE_TYPES),
    /** Recurring rules: every how many days while the case matches. */
    everyDays: z.number().int().min(1).max(365).nullable().optional(),
    /** Relative rules: the date field and the days before (negative) or after (positive) it. */
    relativeField: z.enum(['issueDate', 'expiryDate']).nullable().optional(),
    offsetDays: z.number().int().min(-365).max(365).nullable().optional(),
    population: z.literal('cases'),
    /** Locations (facilities) whose cases the rule looks at; empty means every location. */
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
  });
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
      caseId: z.string(),
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

export const explainQuerySchema = z.strictObject({ caseId: idSchema });
export const explainSchema = z.object({
  matchesNow: z.boolean(),
  /** The first check the case fails now (a location, a condition with the case's value, or the date window). */
  firstFailed: z
    .object({
      check: z.string(),
      condition: ruleConditionSchema.nullable(),
      actual: z.union([z.string(), z.number()]).nullable(),
    })
    .nullable(),
  runs: z.array(z.object({ version: z.number(), occurrence: z.string(), at: timestampSchema })),
});
