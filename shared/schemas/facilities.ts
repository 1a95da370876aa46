import { z } from 'zod';
import { CONTRACT_STATUSES, INITIAL_CONTRACT_STATUSES } from '../contract-status';
import { DOCUMENT_KINDS, FEATURES, SERVICE_CATEGORIES } from '../facility-terms';
import { emailSchema, idSchema, timestampSchema } from './common';
import { multiLineText, requiredText, singleLineText } from './text';

export { DOCUMENT_KINDS, FEATURES, SERVICE_CATEGORIES };

export const phoneSchema = z
  .string()
  .trim()
  .max(40)
  .regex(/^[+()\d\s.-]{7,}$/, { message: 'Enter a phone number with at least 7 digits' });
export const websiteSchema = z
  .string()
  .trim()
  .max(300)
  .transform((v) => (/^https?:\/\//i.test(v) ? v : `https://${v}`))
  .pipe(z.url({ protocol: /^https?$/, message: 'Enter a web address such as https://example.com' }));

export const addressInputSchema = z.strictObject({
  line1: requiredText('Enter the street address'),
  line2: singleLineText().optional(),
  city: requiredText('Enter the city', 100),
  state: requiredText('Enter the state', 40).min(2, { message: 'Enter the state' }),
  postalCode: requiredText('Enter the ZIP code', 12),
});

export const administratorInputSchema = z.strictObject({
  name: requiredText("Enter the administrator's name", 120),
  email: emailSchema,
  phone: phoneSchema.optional(),
});

export const featuresSchema = z.strictObject({
  ordering: z.boolean().default(false),
  emar: z.boolean().default(false),
  bubblePack: z.boolean().default(false),
  notes: z.boolean().default(false),
  tasks: z.boolean().default(false),
});

export const facilityCreateSchema = z.strictObject({
  name: requiredText('Enter the facility name'),
  phone: phoneSchema.optional(),
  email: emailSchema.optional(),
  website: websiteSchema.optional(),
  administrator: administratorInputSchema.optional(),
  features: featuresSchema.default({
    ordering: false,
    emar: false,
    bubblePack: false,
    notes: false,
    tasks: false,
  }),
  cycleStartDay: z
    .number()
    .int()
    .min(1, { message: 'Use a day from 1 to 28' })
    .max(28, { message: 'Use a day from 1 to 28' })
    .nullable()
    .optional(),
  address: addressInputSchema,
  // Active and churned are reached through the contract history (signed, ended), never at creation.
  contractStatus: z
    .enum(CONTRACT_STATUSES)
    .refine((s) => (INITIAL_CONTRACT_STATUSES as readonly string[]).includes(s), {
      message:
        'A new facility starts not contracted or pending; it becomes active when its contract is signed',
    })
    .default('not_contracted'),
  serviceCategories: z.array(z.enum(SERVICE_CATEGORIES)).max(4).default([]),
});

export const facilityUpdateSchema = z
  .strictObject({
    name: facilityCreateSchema.shape.name.optional(),
    phone: phoneSchema.nullable().optional(),
    email: emailSchema.nullable().optional(),
    website: websiteSchema.nullable().optional(),
    administrator: administratorInputSchema.nullable().optional(),
    // Not featuresSchema.partial(): its defaults would switch off every feature not sent.
    features: z
      .strictObject({
        ordering: z.boolean().optional(),
        emar: z.boolean().optional(),
        bubblePack: z.boolean().optional(),
        notes: z.boolean().optional(),
        tasks: z.boolean().optional(),
      })
      .optional(),
    cycleStartDay: facilityCreateSchema.shape.cycleStartDay,
    address: addressInputSchema.optional(),
    serviceCategories: z.array(z.enum(SERVICE_CATEGORIES)).max(4).optional(),
  })
  .refine((v) => Object.keys(v).length > 0, { message: 'Nothing to change' });

export const contractChangeSchema = z.strictObject({
  to: z.enum(CONTRACT_STATUSES),
  note: multiLineText(1000).optional(),
});

export const addressSchema = z.object({
  line1: z.string(),
  line2: z.string().nullable(),
  city: z.string(),
  state: z.string(),
  postalCode: z.string(),
  verification: z.object({
    provider: z.string(),
    verifiedAt: timestampSchema,
    corrections: z.array(z.string()),
  }),
});

export const facilitySchema = z.object({
  id: z.string(),
  name: z.string(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  website: z.string().nullable(),
  administrator: z
    .object({
      name: z.string(),
      email: z.string(),
      phone: z.string().nullable(),
      /** `member`: already in the organisation, attached without an invitation. */
      invitation: z.enum(['sent', 'accepted', 'expired', 'revoked', 'member']),
    })
    .nullable(),
  features: z.object({
    ordering: z.boolean(),
    emar: z.boolean(),
    bubblePack: z.boolean(),
    notes: z.boolean(),
    tasks: z.boolean(),
  }),
  cycleStartDay: z.number().nullable(),
  nextCycleDate: z.string().nullable(),
  address: addressSchema,
  contractStatus: z.enum(CONTRACT_STATUSES),
  serviceCategories: z.array(z.enum(SERVICE_CATEGORIES)),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
});

export const facilityListQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(1000).optional(),
  q: singleLineText().optional(),
  contractStatus: z.enum(CONTRACT_STATUSES).optional(),
  feature: z.enum(FEATURES).optional(),
  sort: z.enum(['name', '-name', 'createdAt', '-createdAt']).default('name'),
});

export const contractEventSchema = z.object({
  id: z.string(),
  fromStatus: z.enum(CONTRACT_STATUSES).nullable(),
  toStatus: z.enum(CONTRACT_STATUSES),
  note: z.string().nullable(),
  changedBy: z.string(),
  createdAt: timestampSchema,
});

export const documentSchema = z.object({
  id: z.string(),
  kind: z.enum(DOCUMENT_KINDS),
  fileName: z.string(),
  contentType: z.string(),
  sizeBytes: z.number(),
  uploadedBy: z.string(),
  createdAt: timestampSchema,
});

export const facilityIdParams = z.object({ id: idSchema });

export type Facility = z.infer<typeof facilitySchema>;
export type FacilityCreate = z.infer<typeof facilityCreateSchema>;
export type FacilityUpdate = z.infer<typeof facilityUpdateSchema>;
export type AddressInput = z.infer<typeof addressInputSchema>;

export const contractHistorySchema = z.object({ items: z.array(contractEventSchema) });

export const documentListSchema = z.object({ items: z.array(documentSchema) });

/** Per facility and in total, which service categories are taken and by how many patients. */
export const facilityDemandSchema = z.object({
  items: z.array(
    z.object({
      facilityId: z.string(),
      name: z.string(),
      contractStatus: z.enum(CONTRACT_STATUSES),
      nextCycleDate: z.string().nullable(),
      patients: z.number(),
      categories: z.record(
        z.enum(SERVICE_CATEGORIES),
        z.object({ taken: z.boolean(), patients: z.number(), services: z.number() }),
      ),
    }),
  ),
  totals: z.record(
    z.enum(SERVICE_CATEGORIES),
    z.object({ facilities: z.number(), patients: z.number(), services: z.number() }),
  ),
  /** Patients per service over the facilities counted in the totals, in catalogue order. */
  byService: z.array(
    z.object({
      serviceId: z.string(),
      name: z.string(),
      category: z.enum(SERVICE_CATEGORIES),
      active: z.boolean(),
      patients: z.number(),
    }),
  ),
});

export const facilityDemandQuerySchema = z.strictObject({ facilityId: idSchema.optional() });
export const facilityDemandMonthsQuerySchema = facilityDemandQuerySchema.extend({
  months: z.coerce.number().int().min(1).max(36).default(12),
});

const demandFiguresSchema = z.object({ patients: z.number(), services: z.number() });
/** Month by month (oldest first, `YYYY-MM`): patients served in the month and their services, overall and per category. */
export const facilityDemandMonthsSchema = z.object({
  months: z.array(
    demandFiguresSchema.extend({
      month: z.string(),
      categories: z.record(z.enum(SERVICE_CATEGORIES), demandFiguresSchema),
    }),
  ),
});

export type FacilityDocument = z.infer<typeof documentSchema>;
export type ContractEvent = z.infer<typeof contractEventSchema>;
export type FacilityDemand = z.infer<typeof facilityDemandSchema>;
export type FacilityDemandMonths = z.infer<typeof facilityDemandMonthsSchema>;
export type Address = z.infer<typeof addressSchema>;
