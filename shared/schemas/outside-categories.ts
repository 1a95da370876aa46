import { z } from 'zod';
import { SERVICE_CATEGORIES } from '../facility-terms';
import { idSchema } from './common';

/**
 * Services chosen one by one for a patient before a facility's service
 * categories were enforced, outside them: not counted as demand, listed for
 * operations to remove.
 */
export const outsideCategorySelectionSchema = z.object({
  patientId: z.string(),
  patientName: z.string(),
  facilityId: z.string(),
  facilityName: z.string(),
  serviceId: z.string(),
  serviceName: z.string(),
  category: z.enum(SERVICE_CATEGORIES),
});
export type OutsideCategorySelection = z.infer<typeof outsideCategorySelectionSchema>;

/** At most `OUTSIDE_CATEGORIES_SHOWN` rows; `total` says how many there are in all. */
export const OUTSIDE_CATEGORIES_SHOWN = 200;
export const outsideCategoryListSchema = z.object({
  items: z.array(outsideCategorySelectionSchema),
  total: z.number(),
});
export type OutsideCategoryList = z.infer<typeof outsideCategoryListSchema>;

export const outsideCategoryQuerySchema = z.strictObject({ facilityId: idSchema.optional() });

export const removeOutsideCategorySchema = z.strictObject({
  selections: z
    .array(z.strictObject({ patientId: idSchema, serviceId: idSchema }))
    .min(1, 'Choose at least one service to remove')
    .max(100),
});
export type RemoveOutsideCategory = z.infer<typeof removeOutsideCategorySchema>;

export const removedOutsideCategorySchema = z.object({ removed: z.number() });
