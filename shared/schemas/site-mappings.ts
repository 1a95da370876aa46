import { z } from 'zod';
import { listQuerySchema, pageOf, timestampSchema } from './common';
import { singleLineText } from './text';

/** What a taught site can show: a person's name (whole or in parts), birth date and record numbers. */
export const SITE_MAPPING_FIELDS = [
  'fullName',
  'firstName',
  'lastName',
  'dateOfBirth',
  'residentNumber',
  'mrn',
  'roomNumber',
] as const;
export type SiteMappingField = (typeof SITE_MAPPING_FIELDS)[number];

/** A host name as the browser's URL gives it (no scheme, port or path), lower case. */
export const hostSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(253)
  .regex(/^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*$/, {
    message: 'expected a host name such as ehr.example.com',
  });

// A selector is handed to querySelector in the page and nothing else; braces
// would make it a style rule, so they are refused with the control characters.
const selectorSchema = singleLineText(300)
  .min(1)
  .refine((v) => !/[{}]/.test(v), 'expected a CSS selector');

export const siteMappingReadSchema = z
  .strictObject(
    Object.fromEntries(SITE_MAPPING_FIELDS.map((f) => [f, selectorSchema.optional()])) as {
      [K in SiteMappingField]: z.ZodOptional<typeof selectorSchema>;
    },
  )
  .refine((r) => !!(r.fullName || r.lastName), {
    message: 'Point at the name first: a page is recognised by whom it names',
  });

export const siteMappingSaveSchema = z.strictObject({ host: hostSchema, read: siteMappingReadSchema });
export const siteMappingQuerySchema = z.strictObject({ host: hostSchema });

export const siteMappingSchema = z.object({
  id: z.string(),
  host: z.string(),
  read: z.record(z.string(), z.string()),
  updatedAt: timestampSchema,
});
export const siteMappingLookupSchema = z.object({ mapping: siteMappingSchema.nullable() });

export type SiteMapping = z.infer<typeof siteMappingSchema>;
export type SiteMappingRead = z.infer<typeof siteMappingReadSchema>;

export const siteMappingListQuerySchema = listQuerySchema;

/** A taught site as Settings lists it: which values it reads, who taught it last and when. */
export const taughtSiteSchema = z.object({
  id: z.string(),
  host: z.string(),
  /** The values pointed at (`SITE_MAPPING_FIELDS`), in that order. */
  fields: z.array(z.enum(SITE_MAPPING_FIELDS)),
  taughtBy: z.object({ userId: z.string(), name: z.string().nullable() }),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
});
export const taughtSiteListSchema = pageOf(taughtSiteSchema);
export type TaughtSite = z.infer<typeof taughtSiteSchema>;
