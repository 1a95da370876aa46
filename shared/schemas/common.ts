import { z } from 'zod';

export const idSchema = z.string().min(1).max(64);
export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(254)
  .pipe(z.email({ message: 'Enter a valid email address' }));
export const timestampSchema = z.string().describe('ISO 8601 UTC timestamp');

/** Counts shown in lists stop here ("1,000+"): counting every row of a large organisation costs a scan. */
export const COUNT_CAP = 1000;

export const listQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(1000).optional(),
});

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}

/** A page of items of `T`'s schema, as `pageOf` describes it. */
export type Page<T extends z.ZodType> = z.infer<ReturnType<typeof pageOf<T>>>;

export const errorEnvelopeSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.array(z.object({ path: z.string(), issue: z.string() })).optional(),
    requestId: z.string().optional(),
  }),
});

export const okSchema = z.object({ ok: z.literal(true) });
