import { z } from 'zod';
import { idSchema, pageOf, timestampSchema } from './common';

/** A task for a staff member (today made by automation rules), about a patient, a lead or a case. */
export const staffTaskSchema = z.object({
  id: z.string(),
  title: z.string(),
  assigneeId: z.string(),
  subjectType: z.string(),
  subjectId: z.string(),
  patientId: z.string().nullable(),
  leadId: z.string().nullable(),
  /** YYYY-MM-DD. */
  dueDate: z.string(),
  doneAt: timestampSchema.nullable(),
  doneBy: z.string().nullable(),
  ruleId: z.string().nullable(),
  ruleVersion: z.number().nullable(),
  createdAt: timestampSchema,
});
export type StaffTask = z.infer<typeof staffTaskSchema>;
export const staffTaskPageSchema = pageOf(staffTaskSchema);

/**
 * Whose tasks: the signed-in member's own (the default), or every task about
 * one patient or one lead (their pages). Soonest due first.
 */
export const staffTaskQuerySchema = z.strictObject({
  status: z.enum(['open', 'done']).default('open'),
  patientId: idSchema.optional(),
  leadId: idSchema.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(1000).optional(),
});
