import { z } from 'zod';
import { idSchema, timestampSchema } from './common';

export const leadBoardQuerySchema = z.strictObject({
  coordinatorId: idSchema.optional(),
  /** How many leads each column shows; the rest are reached through the list filtered to the stage. */
  perStage: z.coerce.number().int().min(1).max(50).default(20),
});

/** A lead as a card on the board: who, how promising, and what happens next. */
export const leadCardSchema = z.object({
  id: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  coordinatorId: z.string().nullable(),
  stageEnteredAt: timestampSchema,
  createdAt: timestampSchema,
  score: z.number().int().min(0).max(100),
  /** The earliest open follow-up's due time; null when nothing is planned. */
  nextFollowUpAt: timestampSchema.nullable(),
});

/** The pipeline as columns, one per stage in the organisation's order, each with its full count. */
export const leadBoardSchema = z.object({
  columns: z.array(
    z.object({
      stageId: z.string(),
      name: z.string(),
      outcome: z.enum(['open', 'won', 'lost']),
      /** Leads in the stage, counted up to `COUNT_CAP`: with `totalIsAtLeast` there are more. */
      total: z.number().int(),
      totalIsAtLeast: z.boolean(),
      leads: z.array(leadCardSchema),
    }),
  ),
});

export type LeadBoard = z.infer<typeof leadBoardSchema>;
export type LeadCard = z.infer<typeof leadCardSchema>;
