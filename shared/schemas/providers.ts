import { z } from 'zod';
import { emailSchema, idSchema } from './common';
import { requiredText, singleLineText } from './text';

export const providerCreateSchema = z.strictObject({
  name: requiredText("Enter the provider's name", 120),
  credentials: singleLineText(60).optional(),
  npi: z
    .string()
    .trim()
    .regex(/^\d{10}$/, { message: 'An NPI has 10 digits' })
    .optional(),
  specialty: singleLineText(120).optional(),
  email: emailSchema.optional(),
  phone: singleLineText(40).optional(),
  capacity: z.number().int().min(1).max(10000),
  membershipId: idSchema.optional(),
});

/** An edit of a provider: any field; null clears an optional one. */
export const providerUpdateSchema = z
  .strictObject({
    name: requiredText("Enter the provider's name", 120).optional(),
    credentials: singleLineText(60).nullable().optional(),
    npi: z
      .string()
      .trim()
      .regex(/^\d{10}$/, { message: 'An NPI has 10 digits' })
      .nullable()
      .optional(),
    specialty: singleLineText(120).nullable().optional(),
    email: emailSchema.nullable().optional(),
    phone: singleLineText(40).nullable().optional(),
    capacity: z.number().int().min(1).max(10000).optional(),
  })
  .refine((v) => Object.keys(v).length > 0, { message: 'Nothing to change' });

/** Who retiring a provider returns to the pending pool, to confirm before it happens. */
export const retirementPreviewSchema = z.object({
  patients: z.array(
    z.object({
      id: z.string(),
      firstName: z.string(),
      lastName: z.string(),
      facilityName: z.string(),
    }),
  ),
});

/** The patients the person saw and confirmed; a different current list is a 409 (review again). */
export const retireSchema = z.strictObject({ patientIds: z.array(idSchema).max(10000) });

export const providerSchema = z.object({
  id: z.string(),
  name: z.string(),
  credentials: z.string().nullable(),
  npi: z.string().nullable(),
  specialty: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  /** Null for a facility administrator: the organisation's capacity planning is not theirs to see. */
  capacity: z.number().nullable(),
  active: z.boolean(),
  membershipId: z.string().nullable(),
  /** Patients currently assigned; null for a facility administrator (other facilities' patients count too). */
  load: z.number().nullable(),
});

export const retiredSchema = z.object({ provider: providerSchema, returnedToPool: z.number() });

export const assignSchema = z.strictObject({
  assignments: z
    .array(z.strictObject({ patientId: idSchema, providerId: idSchema }))
    .min(1)
    .max(5000),
});

/** An NPI's check digit, and what the public NPPES registry says when it could be reached. */
export const npiCheckSchema = z.object({
  valid: z.boolean(),
  registry: z
    .union([
      z.object({
        found: z.literal(true),
        name: z.string(),
        credentials: z.string().nullable(),
        specialty: z.string().nullable(),
        phone: z.string().nullable(),
      }),
      z.object({ found: z.literal(false), reason: z.string(), message: z.string() }),
    ])
    .nullable(),
});

/** Enrolled patients of a facility with no provider. */
export const pendingPoolSchema = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      firstName: z.string(),
      lastName: z.string(),
      dateOfBirth: z.string(),
      roomNumber: z.string().nullable(),
    }),
  ),
});

export const assignmentHistorySchema = z.object({
  items: z.array(
    z.object({
      providerId: z.string(),
      providerName: z.string(),
      assignedAt: z.string(),
      assignedBy: z.string(),
      endedAt: z.string().nullable(),
      endedBy: z.string().nullable(),
      endReason: z.string().nullable(),
    }),
  ),
});

export const assignedSchema = z.object({ assigned: z.number(), unchanged: z.number() });

export const providerListSchema = z.object({ items: z.array(providerSchema) });

export type Provider = z.infer<typeof providerSchema>;
export type ProviderUpdate = z.infer<typeof providerUpdateSchema>;
export type RetirementPreview = z.infer<typeof retirementPreviewSchema>;
export type NpiCheck = z.infer<typeof npiCheckSchema>;
export type PendingPatient = z.infer<typeof pendingPoolSchema>['items'][number];
export type AssignmentHistoryEntry = z.infer<typeof assignmentHistorySchema>['items'][number];
