import { z } from 'zod';
import { idSchema, timestampSchema } from './common';
import { requiredText } from './text';

/** Whom a message action goes to, seen from the rule's subject. */
export const ACTION_RECIPIENTS = ['patient', 'guardian', 'lead', 'staff', 'referrer'] as const;
export type ActionRecipient = (typeof ACTION_RECIPIENTS)[number];

const STAFF_NEEDS_MEMBER = 'Choose the staff member';
const ONLY_STAFF_NAMED = 'Only a message to a staff member names one';

/** A staff recipient names the membership; any other recipient is found from the subject. */
const staffNamed = (a: { to: ActionRecipient; membershipId?: string | null }, ctx: z.RefinementCtx) => {
  if (a.to === 'staff' && !a.membershipId)
    ctx.addIssue({ code: 'custom', message: STAFF_NEEDS_MEMBER, path: ['membershipId'] });
  if (a.to !== 'staff' && a.membershipId)
    ctx.addIssue({ code: 'custom', message: ONLY_STAFF_NAMED, path: ['membershipId'] });
};

export const emailActionSchema = z
  .strictObject({
    kind: z.literal('email'),
    templateId: idSchema,
    /** Rules saved before recipients existed emailed a staff member: no `to` still means staff. */
    to: z.enum(ACTION_RECIPIENTS).default('staff'),
    membershipId: idSchema.nullable().optional(),
  })
  .superRefine(staffNamed);

export const smsActionSchema = z
  .strictObject({
    kind: z.literal('sms'),
    templateId: idSchema,
    to: z.enum(ACTION_RECIPIENTS),
    membershipId: idSchema.nullable().optional(),
  })
  .superRefine(staffNamed);

/** A task for a staff member about the subject, due a number of days after the rule acts. */
export const taskActionSchema = z.strictObject({
  kind: z.literal('task'),
  membershipId: idSchema,
  title: requiredText('Enter what the task is', 200),
  dueInDays: z.number().int().min(0).max(365),
});

/** A signed POST to one of the organisation's webhook endpoints. */
export const webhookActionSchema = z.strictObject({
  kind: z.literal('webhook'),
  endpointId: idSchema,
});

export const ruleActionSchema = z.discriminatedUnion('kind', [
  emailActionSchema,
  smsActionSchema,
  taskActionSchema,
  webhookActionSchema,
]);
export type RuleAction = z.infer<typeof ruleActionSchema>;
export type MessageAction = Extract<RuleAction, { kind: 'email' | 'sms' }>;

/**
 * What one action of one run did: `queued` (a message or webhook handed to
 * the queue), `created` (a task), or `skipped` with the reason (no address,
 * the minor guard, a template no longer fit for its channel).
 */
export const ACT_STATUSES = ['queued', 'created', 'skipped'] as const;
export const actOutcomeSchema = z.object({
  actionIndex: z.number(),
  kind: z.enum(['email', 'sms', 'task', 'webhook']),
  status: z.enum(ACT_STATUSES),
  /** Whom it went to (`patient`, `guardian`, … for messages), when it is a message. */
  to: z.enum(ACTION_RECIPIENTS).nullable(),
  reason: z.string().nullable(),
  outboxMessageId: z.string().nullable(),
  taskId: z.string().nullable(),
  webhookDeliveryId: z.string().nullable(),
  createdAt: timestampSchema,
});
export type ActOutcome = z.infer<typeof actOutcomeSchema>;
