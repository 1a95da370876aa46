import { z } from 'zod';
import { isValidNpi } from '../npi';
import { emailSchema, idSchema, timestampSchema } from './common';
import { addressInputSchema, addressSchema, phoneSchema, websiteSchema } from './facilities';
import { leadCreatedSchema, leadCreateSchema } from './leads';
import { multiLineText, requiredText, singleLineText } from './text';

export const PROVIDER_SPECIALTIES = [
  'general_dentist',
  'pediatric_dentist',
  'oral_surgeon',
  'periodontist',
  'orthodontist',
  'other',
] as const;
export const LETTER_PREFERENCES = ['email', 'fax', 'mail'] as const;
export const REFERRAL_DIRECTIONS = ['incoming', 'outgoing'] as const;
export const REFERRAL_CHANNELS = ['letter', 'phone', 'web_form', 'email'] as const;
export const OUTGOING_STATUSES = ['sent', 'accepted', 'seen', 'report_received'] as const;

const dateSchema = z.iso.date({ message: 'Use a date as YYYY-MM-DD' });

export const npiSchema = z
  .string()
  .trim()
  .regex(/^\d{10}$/, { message: 'An NPI is 10 digits' })
  .refine(isValidNpi, { message: 'This NPI fails its check digit; check for a typing mistake' });

export const practiceInputSchema = z.strictObject({
  name: requiredText('Enter the practice name'),
  address: addressInputSchema,
  phone: phoneSchema.optional(),
  fax: phoneSchema.optional(),
  email: emailSchema.optional(),
  website: websiteSchema.optional(),
});

const providerFields = {
  firstName: requiredText('Enter the first name', 80),
  lastName: requiredText('Enter the last name', 80),
  credentials: singleLineText(40).optional(),
  npi: npiSchema.optional(),
  email: emailSchema.optional(),
  specialty: z.enum(PROVIDER_SPECIALTIES).default('general_dentist'),
  letterPreference: z.enum(LETTER_PREFERENCES).default('email'),
  notes: multiLineText(4000).optional(),
};

/** A new provider at an existing practice (`practiceId`) or a new one (`practice`). */
export const providerCreateSchema = z
  .strictObject({
    ...providerFields,
    practiceId: idSchema.optional(),
    practice: practiceInputSchema.optional(),
    /** Save even though likely duplicates exist (never for the same NPI). */
    allowDuplicate: z.boolean().default(false),
  })
  .refine((v) => !!v.practiceId !== !!v.practice, {
    message: 'Choose an existing practice or describe a new one',
    path: ['practice'],
  });

/** Corrections; `null` clears an optional field. */
export const providerUpdateSchema = z
  .strictObject({
    firstName: providerFields.firstName.optional(),
    lastName: providerFields.lastName.optional(),
    credentials: singleLineText(40).nullable().optional(),
    npi: npiSchema.nullable().optional(),
    email: emailSchema.nullable().optional(),
    specialty: z.enum(PROVIDER_SPECIALTIES).optional(),
    letterPreference: z.enum(LETTER_PREFERENCES).optional(),
    notes: multiLineText(4000).nullable().optional(),
    active: z.boolean().optional(),
    practiceId: idSchema.optional(),
  })
  .refine((v) => Object.keys(v).length > 0, { message: 'Nothing to change' });

export const providerMatchSchema = z.strictObject({
  firstName: providerFields.firstName,
  lastName: providerFields.lastName,
  npi: npiSchema.optional(),
  email: emailSchema.optional(),
  practiceId: idSchema.optional(),
  practiceName: singleLineText(200).optional(),
});

export const providerMergeSchema = z.strictObject({ duplicateId: idSchema });

export const practiceSchema = z.object({
  id: z.string(),
  name: z.string(),
  address: addressSchema,
  phone: z.string().nullable(),
  fax: z.string().nullable(),
  email: z.string().nullable(),
  website: z.string().nullable(),
});

export const providerSchema = z.object({
  id: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  /** "Dr Jane Smith, DMD": how letters and lists name the person. */
  displayName: z.string(),
  credentials: z.string().nullable(),
  npi: z.string().nullable(),
  email: z.string().nullable(),
  specialty: z.enum(PROVIDER_SPECIALTIES),
  letterPreference: z.enum(LETTER_PREFERENCES),
  notes: z.string().nullable(),
  active: z.boolean(),
  mergedInto: z.string().nullable(),
  practice: practiceSchema,
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
});

export const providerCountsSchema = z.object({
  referralsThisYear: z.number().int(),
  convertedThisYear: z.number().int(),
  lastReferralDate: z.string().nullable(),
});

export const providerListItemSchema = providerSchema.extend({ counts: providerCountsSchema });

export const providerListQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(1000).optional(),
  /** The start of a last name, a practice name or a city. */
  q: singleLineText(100).optional(),
  specialty: z.enum(PROVIDER_SPECIALTIES).optional(),
  active: z.enum(['true', 'false']).optional(),
});

export const providerCandidateSchema = z.object({
  id: z.string(),
  displayName: z.string(),
  practiceName: z.string(),
  city: z.string(),
  reasons: z.array(z.string()),
});

/** A referring dentist named in a captured message or page, to find in the directory. */
export const referrerLookupSchema = z.strictObject({
  /** As the capture read it: "Dr. Lena Fox", "Dr Fox of Bright Smiles Dental", a practice's name. */
  name: requiredText('Enter the name to look up', 200),
  practice: singleLineText(200).optional(),
  /** The writer's address when the dentist wrote the message themselves. */
  email: emailSchema.optional(),
});

export const referrerLookupResultSchema = z.object({
  /** Best first, at most three, only entries that fit. */
  items: z.array(
    providerCandidateSchema.extend({
      active: z.boolean(),
      /** How well the entry fits the name, 0–100. */
      score: z.number().int(),
    }),
  ),
  /** The first item is the one meant: nothing else fits nearly as well. */
  confident: z.boolean(),
});

export const practiceListQuerySchema = z.strictObject({
  q: singleLineText(100).optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});

export const referralCreateSchema = z
  .strictObject({
    direction: z.enum(REFERRAL_DIRECTIONS).default('incoming'),
    providerId: idSchema,
    leadId: idSchema.optional(),
    patientId: idSchema.optional(),
    referralDate: dateSchema,
    reason: multiLineText(4000).optional(),
    channel: z.enum(REFERRAL_CHANNELS),
    status: z.enum(OUTGOING_STATUSES).optional(),
  })
  .refine((v) => v.direction === 'outgoing' || !v.status, {
    message: 'Only an outgoing referral has a status',
    path: ['status'],
  });

/** A referral and its new lead in one step; the lead's source becomes "Referral". */
export const referralWithLeadSchema = z.strictObject({
  providerId: idSchema,
  referralDate: dateSchema,
  reason: multiLineText(4000).optional(),
  channel: z.enum(REFERRAL_CHANNELS),
  lead: leadCreateSchema,
});

export const referralUpdateSchema = z
  .strictObject({
    referralDate: dateSchema.optional(),
    reason: multiLineText(4000).nullable().optional(),
    channel: z.enum(REFERRAL_CHANNELS).optional(),
    status: z.enum(OUTGOING_STATUSES).optional(),
    leadId: idSchema.nullable().optional(),
    patientId: idSchema.nullable().optional(),
    /** Incoming only: the treatment fee this referral brought, in cents (null clears it). */
    revenueCents: z.number().int().min(0).max(100_000_000).nullable().optional(),
  })
  .refine((v) => Object.keys(v).length > 0, { message: 'Nothing to change' });

export const referralSchema = z.object({
  id: z.string(),
  direction: z.enum(REFERRAL_DIRECTIONS),
  providerId: z.string(),
  providerName: z.string(),
  leadId: z.string().nullable(),
  /** The patient the lead became (conversion keeps the referral's attribution). */
  patientId: z.string().nullable(),
  referralDate: z.string(),
  reason: z.string().nullable(),
  channel: z.enum(REFERRAL_CHANNELS),
  status: z.enum(OUTGOING_STATUSES).nullable(),
  slip: z.object({ name: z.string(), contentType: z.string(), size: z.number().int() }).nullable(),
  revenueCents: z.number().int().nullable(),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
});

export const referralListQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(1000).optional(),
  providerId: idSchema.optional(),
  leadId: idSchema.optional(),
  direction: z.enum(REFERRAL_DIRECTIONS).optional(),
});

export const idParams = z.strictObject({ id: idSchema });

export type PracticeInput = z.infer<typeof practiceInputSchema>;
export type ProviderCreate = z.infer<typeof providerCreateSchema>;
export type ProviderUpdate = z.infer<typeof providerUpdateSchema>;
export type ProviderMatch = z.infer<typeof providerMatchSchema>;
export type Practice = z.infer<typeof practiceSchema>;
export type ReferringProvider = z.infer<typeof providerSchema>;
export type ProviderListItem = z.infer<typeof providerListItemSchema>;
export type ProviderCandidate = z.infer<typeof providerCandidateSchema>;
export type ReferrerLookup = z.infer<typeof referrerLookupSchema>;
export type ReferrerLookupResult = z.infer<typeof referrerLookupResultSchema>;
export type ProviderSpecialty = (typeof PROVIDER_SPECIALTIES)[number];
export type ReferralCreate = z.infer<typeof referralCreateSchema>;
export type ReferralWithLead = z.infer<typeof referralWithLeadSchema>;
export type ReferralUpdate = z.infer<typeof referralUpdateSchema>;
export type Referral = z.infer<typeof referralSchema>;

export const referralWithLeadCreatedSchema = leadCreatedSchema.extend({ referral: referralSchema });
