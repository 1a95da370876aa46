import { z } from 'zod';
import { MAX_DRAWN_SIGNATURE_CHARS } from '../intake/answer-checks';
import { CONDITION_OPS, FIELD_TYPES, type FormDefinition, PREFILL_KEYS } from '../intake/definition';
import {
  INTAKE_ID_PATTERN,
  MAX_FIELDS,
  MAX_OPTIONS,
  MAX_SECTIONS,
  validateDefinition,
} from '../intake/definition-rules';
import { multiLineText, requiredText, singleLineText } from './text';

/**
 * Intake form definitions and answers as the API accepts them. The shape is
 * zod's; the rules between fields (ids, references, options, prefill keys)
 * are the engine's `validateDefinition`, run here so a bad definition answers
 * 400 with the same `{ path, issue }` details the builder shows.
 */

const label = requiredText('Enter a label');
const help = multiLineText(500);
const id = z.string().max(50);

export const conditionSchema = z.strictObject({
  field: id,
  op: z.enum(CONDITION_OPS),
  value: z
    .union([
      z.string().max(200),
      z.number(),
      z.boolean(),
      z.array(z.string().max(200)).min(1).max(MAX_OPTIONS),
    ])
    .optional(),
});
const conditions = z.array(conditionSchema).max(10);

export const choiceOptionSchema = z.strictObject({ value: requiredText('Enter a value', 100), label });

export const fieldSchema = z.strictObject({
  id,
  type: z.enum(FIELD_TYPES),
  label,
  help: help.optional(),
  required: z.boolean().optional(),
  showWhen: conditions.optional(),
  requireWhen: conditions.optional(),
  options: z.array(choiceOptionSchema).max(MAX_OPTIONS).optional(),
  min: z.number().optional(),
  max: z.number().optional(),
  maxLength: z.number().int().min(1).max(20_000).optional(),
  prefill: z.enum(PREFILL_KEYS).optional(),
  text: multiLineText(20_000).optional(),
  accept: z
    .array(z.enum(['image', 'pdf']))
    .min(1)
    .max(2)
    .optional(),
  maxBytes: z
    .number()
    .int()
    .min(1)
    .max(25 * 1024 * 1024)
    .optional(),
  guardianIfMinor: z.boolean().optional(),
});

export const sectionSchema = z.strictObject({
  id,
  title: label,
  description: help.optional(),
  showWhen: conditions.optional(),
  fields: z.array(fieldSchema).max(MAX_FIELDS),
});

export const formDefinitionSchema = z
  .strictObject({
    title: label,
    description: multiLineText(2000).optional(),
    sections: z.array(sectionSchema).min(1, { message: 'Add at least one section' }).max(MAX_SECTIONS),
  })
  .superRefine((definition: FormDefinition, ctx) => {
    for (const { path, issue } of validateDefinition(definition)) {
      const segments = path.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part));
      ctx.addIssue({ code: 'custom', message: issue, path: segments });
    }
  });

export type FormDefinitionBody = z.infer<typeof formDefinitionSchema>;

const signatureAnswerSchema = z.object({
  kind: z.enum(['drawn', 'typed']),
  value: z.string().max(MAX_DRAWN_SIGNATURE_CHARS),
  signerName: singleLineText(),
  guardian: z.object({ name: singleLineText(), relationship: singleLineText(100) }).optional(),
});

/**
 * A file answer as a client may send it back (a draft saved with its
 * uploads): the worker must check that the fileId is one of this response's.
 */
const fileAnswerSchema = z.object({
  fileId: z.string().min(1).max(100),
  name: singleLineText(255),
  contentType: z.string().max(100),
  size: z.number().int().min(0),
});

export const answerValueSchema = z.union([
  multiLineText(20_000),
  z.number(),
  z.boolean(),
  z.array(singleLineText()).max(MAX_OPTIONS),
  signatureAnswerSchema,
  fileAnswerSchema,
]);

/**
 * Answers keyed by field id, for the draft and submit bodies. Only sizes and
 * shapes here: `validateAnswers` cleans them and words the errors.
 */
export const answersSchema = z
  .record(z.string().regex(INTAKE_ID_PATTERN, { message: 'not a field id' }), answerValueSchema)
  .refine((answers) => Object.keys(answers).length <= MAX_FIELDS, {
    message: `At most ${MAX_FIELDS} answers`,
  });

export type AnswersBody = z.infer<typeof answersSchema>;
