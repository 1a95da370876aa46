import { z } from 'zod';
import {
  CONSULTATION_OUTCOMES,
  LETTER_KINDS,
  type LetterField,
  unknownLetterFields,
} from '../referral-letters';
import { idSchema, timestampSchema } from './common';
import { multiLineText, requiredText } from './text';

const dateSchema = z.iso.date({ message: 'Use a date as YYYY-MM-DD' });
export const LETTER_STATUSES = ['queued', 'sent'] as const;
export const LETTER_SEND_WAYS = ['email', 'fax', 'mail'] as const;

/** Template text whose every `{{ field }}` must be a letter field; the issue names each unknown one. */
const templateText = <T extends z.ZodType<string>>(schema: T) =>
  schema.superRefine((value, ctx) => {
    const unknown = unknownLetterFields(value);
    if (unknown.length)
      ctx.addIssue({
        code: 'custom',
        message: `Unknown merge field${unknown.length > 1 ? 's' : ''}: ${unknown.map((f) => `{{${f}}}`).join(', ')}`,
      });
  });

export const letterTemplateInputSchema = z.strictObject({
  subject: templateText(requiredText('Enter the subject line', 300)),
  body: templateText(multiLineText(20000).refine((v) => v.length > 0, 'Write the letter')),
});

export const letterKindParams = z.strictObject({ kind: z.enum(LETTER_KINDS) });

export const letterTemplateSchema = z.object({
  kind: z.enum(LETTER_KINDS),
  label: z.string(),
  subject: z.string(),
  body: z.string(),
  /** True while the organisation uses the built-in text. */
  builtIn: z.boolean(),
  updatedAt: timestampSchema.nullable(),
});

export const letterFieldSchema = z.object({ name: z.string(), label: z.string() });

export const letterTemplateListSchema = z.object({
  items: z.array(letterTemplateSchema),
  fields: z.array(letterFieldSchema),
});

/** A preview of unsaved (or saved, when omitted) template text against one real referral. */
export const letterPreviewInputSchema = z.strictObject({
  referralId: idSchema,
  kind: z.enum(LETTER_KINDS),
  subject: z.string().max(300).optional(),
  body: z.string().max(20000).optional(),
});

export const letterPreviewSchema = z.object({ subject: z.string(), body: z.string() });

export const letterSettingsSchema = z.object({
  letterhead: z.string(),
  signature: z.string(),
  progressEveryMonths: z.number().int(),
});

export const letterSettingsUpdateSchema = z
  .strictObject({
    letterhead: multiLineText(600).optional(),
    signature: multiLineText(600).optional(),
    progressEveryMonths: z.number().int().min(1).max(24).optional(),
  })
  .refine((v) => Object.keys(v).length > 0, { message: 'Nothing to change' });

export const milestonesSchema = z.object({
  referralId: z.string(),
  consultationDate: z.string().nullable(),
  consultationOutcome: z.enum(CONSULTATION_OUTCOMES).nullable(),
  findings: z.string().nullable(),
  treatmentStartDate: z.string().nullable(),
  completedDate: z.string().nullable(),
});

/** The consultation outcome needs its date; each milestone set queues its letter once. */
export const milestonesUpdateSchema = z
  .strictObject({
    consultationDate: dateSchema.optional(),
    consultationOutcome: z.enum(CONSULTATION_OUTCOMES).optional(),
    findings: multiLineText(4000).optional(),
    treatmentStartDate: dateSchema.optional(),
    completedDate: dateSchema.optional(),
  })
  .refine((v) => Object.keys(v).length > 0, { message: 'Nothing to change' })
  .refine((v) => !v.consultationOutcome || v.consultationDate, {
    message: 'Enter the consultation date with its outcome',
    path: ['consultationDate'],
  });

export const letterSchema = z.object({
  id: z.string(),
  referralId: z.string(),
  providerId: z.string(),
  providerName: z.string(),
  /** Where an email goes: the provider's address, else the practice's. */
  providerEmail: z.string().nullable(),
  letterPreference: z.string(),
  patientName: z.string(),
  event: z.string(),
  kind: z.enum(LETTER_KINDS),
  label: z.string(),
  status: z.enum(LETTER_STATUSES),
  sentVia: z.enum(LETTER_SEND_WAYS).nullable(),
  sentTo: z.string().nullable(),
  sentAt: timestampSchema.nullable(),
  createdAt: timestampSchema,
});

export const letterDetailSchema = letterSchema.extend({ subject: z.string(), body: z.string() });

export const letterListQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(1000).optional(),
  status: z.enum(LETTER_STATUSES).optional(),
  providerId: idSchema.optional(),
  referralId: idSchema.optional(),
});

/** Email goes through the outbox with the PDF; fax and mail record that the downloaded PDF went out. */
export const letterSendSchema = z.strictObject({ via: z.enum(LETTER_SEND_WAYS) });

export type LetterTemplate = z.infer<typeof letterTemplateSchema>;
export type LetterTemplateInput = z.infer<typeof letterTemplateInputSchema>;
export type LetterSettings = z.infer<typeof letterSettingsSchema>;
export type LetterSettingsUpdate = z.infer<typeof letterSettingsUpdateSchema>;
export type Milestones = z.infer<typeof milestonesSchema>;
export type MilestonesUpdate = z.infer<typeof milestonesUpdateSchema>;
export type Letter = z.infer<typeof letterSchema>;
export type LetterDetail = z.infer<typeof letterDetailSchema>;
export type LetterValues = Partial<Record<LetterField, string | null>>;
