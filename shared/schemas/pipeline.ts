import { z } from 'zod';
import { idSchema } from './common';
import { LEAD_CHANNELS, STAGE_OUTCOMES } from './leads';
import { requiredText } from './text';

/** Limits that keep one organisation's settings a short list (and every statement small). */
export const MAX_PIPELINE_STAGES = 50;
export const MAX_LEAD_SOURCES = 100;

const stageName = requiredText('Enter a name for the stage', 60);
const sourceName = requiredText('Enter a name for the source', 80);
const nonEmpty = (v: object) => Object.keys(v).length > 0;

/** One pipeline stage; `sortOrder` is its place in the pipeline, 0 first. */
export const stageSchema = z.object({
  id: z.string(),
  name: z.string(),
  outcome: z.enum(STAGE_OUTCOMES),
  sortOrder: z.number().int(),
});
export const stageListSchema = z.object({ items: z.array(stageSchema) });

/** A new stage goes at the end unless `position` (0 = first) says where. */
export const stageCreateSchema = z.strictObject({
  name: stageName,
  outcome: z.enum(STAGE_OUTCOMES),
  position: z.number().int().min(0).max(MAX_PIPELINE_STAGES).optional(),
});

export const stageUpdateSchema = z
  .strictObject({ name: stageName.optional(), outcome: z.enum(STAGE_OUTCOMES).optional() })
  .refine(nonEmpty, { message: 'Nothing to change' });

/** Every stage of the organisation, each once, in the new order. */
export const stageOrderSchema = z.strictObject({
  ids: z.array(idSchema).min(1).max(MAX_PIPELINE_STAGES),
});

/** Where the leads of a removed stage go (needed when it holds any). */
export const stageDeleteSchema = z.strictObject({ moveTo: idSchema.optional() });
export const stageDeleteResultSchema = z.object({
  movedLeads: z.number().int(),
  items: z.array(stageSchema),
});

export const sourceSchema = z.object({
  id: z.string(),
  name: z.string(),
  channel: z.string(),
  active: z.boolean(),
});
export const sourceListSchema = z.object({ items: z.array(sourceSchema) });

export const sourceCreateSchema = z.strictObject({ name: sourceName, channel: z.enum(LEAD_CHANNELS) });

/** Sources are turned off, never deleted, so past leads keep the name they came with. */
export const sourceUpdateSchema = z
  .strictObject({ name: sourceName.optional(), active: z.boolean().optional() })
  .refine(nonEmpty, { message: 'Nothing to change' });

export type Stage = z.infer<typeof stageSchema>;
export type Source = z.infer<typeof sourceSchema>;
