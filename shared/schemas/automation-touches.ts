import { z } from 'zod';
import { idSchema, timestampSchema } from './common';

/** Whose automation history: a patient's (with their cases), a lead's or one case's. */
export const automationTouchQuerySchema = z
  .strictObject({
    patientId: idSchema.optional(),
    leadId: idSchema.optional(),
    caseId: idSchema.optional(),
  })
  .refine((q) => [q.patientId, q.leadId, q.caseId].filter(Boolean).length === 1, {
    message: 'Name one patient, lead or case',
    path: ['patientId'],
  });
export type AutomationTouchQuery = z.infer<typeof automationTouchQuerySchema>;

/** One time a rule acted on the subject (or, for a patient, on one of their cases). */
export const automationTouchSchema = z.object({
  id: z.string(),
  ruleId: z.string(),
  /** The rule's name as that version had it. */
  ruleName: z.string(),
  version: z.number(),
  subjectId: z.string(),
  occurrence: z.string(),
  /** Whether the run handed a message to the outbox (a task or a webhook has none). */
  messageQueued: z.boolean(),
  createdAt: timestampSchema,
});
export type AutomationTouch = z.infer<typeof automationTouchSchema>;
export const automationTouchListSchema = z.object({ items: z.array(automationTouchSchema) });
