import { z } from 'zod';
import { LEAD_IMPORT_FIELDS } from '../import/lead-columns';
import { idSchema } from './common';

/** A lead list moving from another system: up to 100,000 rows in one all-or-nothing import. */
export const MAX_LEAD_IMPORT_ROWS = 100_000;
export const MAX_LEAD_IMPORT_BYTES = 20 * 1024 * 1024;
/** Rows the preview lists: the first few as read, then the ones with a problem. */
export const LEAD_IMPORT_PREVIEW_ROWS = 200;

export const leadImportMappingSchema = z.array(z.enum(LEAD_IMPORT_FIELDS).nullable()).max(100);

const problemSchema = z.object({ field: z.string(), issue: z.string() });

export const leadImportPreviewSchema = z.object({
  /** The staged file's id: commit it with `POST /leads/import/{importId}/commit`. */
  importId: z.string(),
  fileName: z.string(),
  source: z.enum(['csv', 'xlsx']),
  headers: z.array(z.string()),
  mapping: leadImportMappingSchema,
  rows: z.array(
    z.object({
      index: z.number(),
      /** The line of the file, counting the header, so the person can find it there. */
      line: z.number(),
      values: z.record(z.string(), z.string()),
      errors: z.array(problemSchema),
      warnings: z.array(
        problemSchema.extend({
          existingLeadId: z.string().optional(),
          sameAsRow: z.number().optional(),
        }),
      ),
    }),
  ),
  summary: z.object({
    rows: z.number(),
    valid: z.number(),
    withErrors: z.number(),
    /** Rows with the email or phone of a lead already there or of an earlier row. */
    duplicates: z.number(),
    /** Rows listed in `rows` (the first few and those with a problem, at most 200). */
    listed: z.number(),
  }),
});

export const leadImportCommitSchema = z.strictObject({
  /** Rows with errors are left out; without it any error refuses the whole import. */
  skipErrors: z.boolean().default(false),
  /** Likely duplicates (of a lead already there or an earlier row) are left out; otherwise imported to merge later. */
  skipDuplicates: z.boolean().default(true),
});

export const leadImportParamsSchema = z.strictObject({ importId: idSchema });

export const leadImportedSchema = z.object({
  importId: z.string(),
  imported: z.number(),
  skippedErrors: z.number(),
  skippedDuplicates: z.number(),
});

export type LeadImportPreview = z.infer<typeof leadImportPreviewSchema>;
export type LeadImportCommit = z.infer<typeof leadImportCommitSchema>;
export type LeadImported = z.infer<typeof leadImportedSchema>;
