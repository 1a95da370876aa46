import { z } from 'zod';
import { emailSchema, idSchema } from './common';

export const providerCreateSchema = z.strictObject({
  name: z.string().trim().min(1).max(120),
  credentials: z.string().trim().max(60).optional(),
  npi: z
    .string()
    .trim()
    .regex(/^\d{10}$/, { message: 'An NPI has 10 digits' })
    .optional(),
  specialty: z.string().trim().max(120).optional(),
  email: emailSchema.optional(),
  phone: z.string().trim().max(40).optional(),
  capacity: z.number().int().min(1).max(10000),
  membershipId: idSchema.optional(),
});

export const providerSchema = z.object({
  id: z.string(),
  name: z.string(),
  credentials: z.string().nullable(),
  npi: z.string().nullable(),
  specialty: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  capacity: z.number(),
  active: z.boolean(),
  membershipId: z.string().nullable(),
  load: z.number(),
});

export const assignSchema = z.strictObject({
  assignments: z
    .array(z.strictObject({ patientId: idSchema, providerId: idSchema }))
    .min(1)
    .max(5000),
});
