import { z } from 'zod';
import { FACILITY_NOTE_MAX } from '../facility-terms';
import { listQuerySchema, pageOf, timestampSchema } from './common';
import { multiLineText } from './text';

export const facilityNoteCreateSchema = z.strictObject({
  text: multiLineText(FACILITY_NOTE_MAX).min(1, 'Write the note first'),
});

export const facilityNoteListQuerySchema = listQuerySchema;

export const facilityNoteSchema = z.object({
  id: z.string(),
  facilityId: z.string(),
  text: z.string(),
  /** Who wrote it, by name (null when they are no longer a member). */
  author: z.object({ userId: z.string(), name: z.string().nullable() }),
  createdAt: timestampSchema,
});
export const facilityNoteListSchema = pageOf(facilityNoteSchema);

export type FacilityNote = z.infer<typeof facilityNoteSchema>;
