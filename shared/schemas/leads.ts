import { z } from 'zod';
import { emailSchema, idSchema, timestampSchema } from './common';
import { multiLineText, requiredText, singleLineText } from './text';

export const LEAD_CHANNELS = [
  'web_form',
  'phone',
  'walk_in',
  'referral',
  'email',
  'web_page',
  'other',
] as const;
export const STAGE_OUTCOMES = ['open', 'won', 'lost'] as const;
export const ACTIVITY_KINDS = [
  'call',
  'email',
  'note',
  'stage_change',
  'assignment',
  'conversion',
  'created',
  'consent_revoked',
  'consultation_booked',
  'consultation_cancelled',
] as const;

const dateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'expected YYYY-MM-DD' });

export const responsiblePartySchema = z.strictObject({
  name: requiredText("Enter the responsible party's name", 120),
  relationship: requiredText('Enter the relationship', 60),
  email: emailSchema.optional(),
  phone: singleLineText(40).optional(),
});

export const captureSchema = z.strictObject({
  url: z
    .url({ protocol: /^https?$/ })
    .max(2000)
    .optional(),
  title: singleLineText(500).optional(),
  capturedAt: z.iso.datetime().optional(),
  channel: z.enum(LEAD_CHANNELS),
});

export const leadCreateSchema = z
  .strictObject({
    firstName: requiredText('Enter the first name', 80),
    lastName: requiredText('Enter the last name', 80),
    email: emailSchema.optional(),
    phone: singleLineText(40).optional(),
    dateOfBirth: dateSchema.optional(),
    responsibleParty: responsiblePartySchema.optional(),
    sourceId: idSchema.optional(),
    stageId: idSchema.optional(),
    coordinatorId: idSchema.optional(),
    notes: multiLineText(4000).optional(),
    capture: captureSchema.optional(),
  })
  .refine((v) => v.email || v.phone, { message: 'Give an email address or a phone number', path: ['email'] });

/** Corrections to a lead; `null` clears an optional field. */
export const leadUpdateSchema = z
  .strictObject({
    firstName: requiredText('Enter the first name', 80),
    lastName: requiredText('Enter the last name', 80),
    email: emailSchema.nullable(),
    phone: requiredText('Enter the phone number', 40).nullable(),
    dateOfBirth: dateSchema.nullable(),
    responsibleParty: responsiblePartySchema.nullable(),
    sourceId: idSchema.nullable(),
    notes: multiLineText(4000).nullable(),
  })
  .partial()
  .refine((v) => Object.keys(v).length > 0, { message: 'Nothing to change' });

export const leadMatchSchema = z.strictObject({
  firstName: singleLineText(80).optional(),
  lastName: singleLineText(80).optional(),
  email: emailSchema.optional(),
  phone: singleLineText(40).optional(),
  dateOfBirth: dateSchema.optional(),
  /** A parent's address: another child's lead may carry it as its own email or its responsible party's. */
  responsiblePartyEmail: emailSchema.optional(),
});

export const leadSchema = z.object({
  id: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  dateOfBirth: z.string().nullable(),
  responsibleParty: z
    .object({
      name: z.string(),
      relationship: z.string(),
      email: z.string().optional(),
      phone: z.string().optional(),
    })
    .nullable(),
  sourceId: z.string().nullable(),
  stageId: z.string(),
  stageEnteredAt: timestampSchema,
  coordinatorId: z.string().nullable(),
  notes: z.string().nullable(),
  capture: z
    .object({
      url: z.string().optional(),
      title: z.string().optional(),
      capturedAt: z.string().optional(),
      channel: z.string(),
    })
    .nullable(),
  patientId: z.string().nullable(),
  mergedInto: z.string().nullable(),
  createdAt: timestampSchema,
});

export const duplicateMatchSchema = z.object({
  id: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  /** Why the match was proposed, in words (one per matched field). */
  reasons: z.array(z.string()),
  /** The same, naming the field of the person checked that matched. */
  matched: z.array(z.object({ field: z.string(), reason: z.string() })),
});

export const stageMoveSchema = z.strictObject({
  stageId: idSchema,
  note: multiLineText(1000).optional(),
});
export const assignSchema = z.strictObject({ coordinatorId: idSchema.optional() });
export const activityCreateSchema = z.strictObject({
  kind: z.enum(['call', 'email', 'note']),
  text: multiLineText(4000).min(1, { message: 'Write what happened' }),
});
export const convertSchema = z.strictObject({ facilityId: idSchema, dateOfBirth: dateSchema.optional() });

export const taskCreateSchema = z.strictObject({
  title: requiredText('Enter what to do'),
  dueAt: z.iso.datetime(),
});
export const taskUpdateSchema = z
  .strictObject({ done: z.boolean().optional(), dueAt: z.iso.datetime().optional() })
  .refine((v) => Object.keys(v).length > 0, { message: 'Nothing to change' });
export const taskSchema = z.object({
  id: z.string(),
  title: z.string(),
  dueAt: z.string(),
  done: z.boolean(),
  doneAt: z.string().nullable(),
});

const points = z.number().int().min(-100).max(100);
export const scoringRulesSchema = z.strictObject({
  source: z.partialRecord(z.enum(LEAD_CHANNELS), points),
  contact: z.strictObject({ email: points, phone: points, dateOfBirth: points, responsibleParty: points }),
  age: z.strictObject({
    freshDays: z.number().int().min(1).max(365),
    fresh: points,
    recentDays: z.number().int().min(1).max(365),
    recent: points,
  }),
  activity: z.strictObject({ each: points, max: points }),
  stage: z.strictObject({ perStep: points, max: points }),
});
export const scoreSchema = z.object({
  score: z.number(),
  contributions: z.array(z.object({ rule: z.string(), points: z.number() })),
});

export const MERGE_ATTRIBUTIONS = ['kept', 'duplicate'] as const;
export const mergeSchema = z.strictObject({
  duplicateId: idSchema,
  /** Whose source the merged lead is credited to: this (kept) lead's, unless the person chooses the duplicate's. */
  attribution: z.enum(MERGE_ATTRIBUTIONS).default('kept'),
});

export const leadListQuerySchema = z.strictObject({
  q: singleLineText(100).optional(),
  stageId: idSchema.optional(),
  coordinatorId: idSchema.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(1000).optional(),
});

/** A new lead, with the likely duplicates to open, merge or ignore. */
export const leadCreatedSchema = z.object({
  lead: leadSchema,
  likelyDuplicates: z.array(duplicateMatchSchema),
});
export const leadMatchesSchema = z.object({ items: z.array(duplicateMatchSchema) });
export const leadConvertedSchema = z.object({ lead: leadSchema, patientId: z.string() });

export const leadActivitySchema = z.object({
  id: z.string(),
  /** One of ACTIVITY_KINDS; kept open so older kinds still read. */
  kind: z.string(),
  text: z.string().nullable(),
  /** What the activity recorded (stage moved from/to, coordinator, patient): free-form by kind. */
  detail: z.record(z.string(), z.unknown()).nullable(),
  createdBy: z.string(),
  createdAt: z.string(),
});
export const leadTimelineSchema = z.object({ items: z.array(leadActivitySchema) });
export const taskListSchema = z.object({
  items: z.array(taskSchema),
  /**
   * Who the follow-ups' reminders go to: the assigned coordinator, else the
   * member who added the lead, else (website leads) the treatment coordinators.
   */
  remindersTo: z.object({
    basis: z.enum(['coordinator', 'creator', 'lead_coordinators', 'nobody']),
    names: z.array(z.string()),
  }),
});

export const leadAnalyticsQuerySchema = z.strictObject({
  from: z.iso.datetime().optional(),
  to: z.iso.datetime().optional(),
});
const conversion = { leads: z.number(), won: z.number(), conversionRate: z.number() };
export const leadAnalyticsSchema = z.object({
  period: z.object({ from: timestampSchema, to: timestampSchema }),
  totals: z.object(conversion),
  funnel: z.array(
    z.object({ stageId: z.string(), name: z.string(), outcome: z.string(), leads: z.number() }),
  ),
  bySource: z.array(z.object({ sourceId: z.string().nullable(), name: z.string(), ...conversion })),
  byCoordinator: z.array(z.object({ coordinatorId: z.string().nullable(), ...conversion })),
  timeInStage: z.array(
    z.object({
      stageId: z.string(),
      name: z.string(),
      moves: z.number(),
      averageDays: z.number().nullable(),
    }),
  ),
  newLeads: z.array(z.object({ week: z.string(), leads: z.number() })),
});

export type Lead = z.infer<typeof leadSchema>;
export type LeadCreate = z.infer<typeof leadCreateSchema>;
export type LeadUpdate = z.infer<typeof leadUpdateSchema>;
export type LeadCreated = z.infer<typeof leadCreatedSchema>;
export type LeadConverted = z.infer<typeof leadConvertedSchema>;
export type DuplicateMatch = z.infer<typeof duplicateMatchSchema>;
export type MergeAttribution = (typeof MERGE_ATTRIBUTIONS)[number];
export type LeadActivity = z.infer<typeof leadActivitySchema>;
export type LeadTask = z.infer<typeof taskSchema>;
export type RemindersTo = z.infer<typeof taskListSchema>['remindersTo'];
export type LeadScore = z.infer<typeof scoreSchema>;
export type ScoringRules = z.infer<typeof scoringRulesSchema>;
export type LeadAnalytics = z.infer<typeof leadAnalyticsSchema>;

/** Active members who can look after leads, with their open leads. */
export const coordinatorListSchema = z.object({
  items: z.array(z.object({ id: z.string(), name: z.string(), role: z.string(), openLeads: z.number() })),
});

export type Coordinator = z.infer<typeof coordinatorListSchema>['items'][number];
