import { z } from 'zod';
import { isMergeField } from '../automation/merge-fields';
import { idSchema, timestampSchema } from './common';
import { multiLineText, requiredText, singleLineText } from './text';

export const MESSAGE_CHANNELS = ['email', 'sms'] as const;
/** What a recipient can unsubscribe from, one category at a time. */
export const UNSUBSCRIBE_CATEGORIES = [
  'appointment_reminders',
  'case_updates',
  'nurture',
  'announcements',
] as const;
export type UnsubscribeCategory = (typeof UNSUBSCRIBE_CATEGORIES)[number];

const TOKEN = /\{\{\s*([^{}]*?)\s*\}\}/g;
/** Refuses `{{ field }}` names that are not merge fields, naming each. */
const withKnownFields = <T extends z.ZodType<string>>(schema: T) =>
  schema.superRefine((text, ctx) => {
    for (const m of text.matchAll(TOKEN))
      if (!isMergeField(m[1] ?? ''))
        ctx.addIssue({ code: 'custom', message: `Unknown merge field {{${m[1]}}}` });
  });

const templateFields = {
  name: requiredText('Enter the template name', 120),
  channel: z.enum(MESSAGE_CHANNELS),
  category: z.enum(UNSUBSCRIBE_CATEGORIES),
  subject: withKnownFields(singleLineText(200)).nullable().optional(),
  body: withKnownFields(multiLineText(5000).pipe(z.string().min(1, 'Write the message'))),
};

const emailNeedsSubject = (t: { channel?: string; subject?: string | null }) =>
  t.channel !== 'email' || !!t.subject;

export const messageTemplateCreateSchema = z
  .strictObject(templateFields)
  .refine(emailNeedsSubject, { message: 'An email needs a subject', path: ['subject'] });

export const messageTemplateUpdateSchema = z
  .strictObject(templateFields)
  .partial()
  .refine((v) => Object.keys(v).length > 0, { message: 'Nothing to change' });

export const messageTemplateSchema = z.object({
  id: z.string(),
  name: z.string(),
  channel: z.enum(MESSAGE_CHANNELS),
  category: z.enum(UNSUBSCRIBE_CATEGORIES),
  subject: z.string().nullable(),
  body: z.string(),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
});
export type MessageTemplate = z.infer<typeof messageTemplateSchema>;
export const messageTemplateListSchema = z.object({ items: z.array(messageTemplateSchema) });

/** A draft rendered against a real case (its patient, location and practice). */
export const templatePreviewRequestSchema = z.strictObject({
  channel: z.enum(MESSAGE_CHANNELS),
  subject: singleLineText(200).nullable().optional(),
  body: multiLineText(5000),
  caseId: idSchema,
});

export const templatePreviewSchema = z.object({
  subject: z.string().nullable(),
  body: z.string(),
  unknownFields: z.array(z.string()),
  sms: z
    .object({
      encoding: z.enum(['GSM-7', 'UCS-2']),
      units: z.number(),
      segments: z.number(),
      perSegment: z.number(),
    })
    .nullable(),
});
export type TemplatePreview = z.infer<typeof templatePreviewSchema>;
