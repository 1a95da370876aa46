import { z } from 'zod';
import { SERVICE_CATEGORIES } from '../facility-terms';
import { ROSTER_FIELDS } from '../roster/columns';
import { emailSchema, idSchema, timestampSchema } from './common';
import { multiLineText, singleLineText } from './text';

export const ENROLLMENT_STATUSES = ['not_started', 'in_progress', 'active', 'completed'] as const;
export const VISIT_PREFERENCES = ['in_person', 'telehealth', 'no_preference'] as const;
export const MEETING_STATUSES = ['not_scheduled', 'scheduled', 'completed'] as const;
export const MAX_IMPORT_ROWS = 5000;

const text = (max: number) => singleLineText(max);
const dateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'expected YYYY-MM-DD' });

export const emergencyContactSchema = z.strictObject({
  name: text(120).min(1, { message: 'Enter the contact name' }),
  relationship: text(60).optional(),
  phone: text(40).optional(),
});

export const patientCreateSchema = z.strictObject({
  facilityId: idSchema,
  firstName: text(80).min(1, { message: 'Enter the first name' }),
  lastName: text(80).min(1, { message: 'Enter the last name' }),
  dateOfBirth: dateSchema,
  roomNumber: text(20).optional(),
  emergencyContact: emergencyContactSchema.optional(),
  sex: z.enum(['female', 'male', 'other', 'unknown']).optional(),
  mrn: text(40).optional(),
  /** The patient's own contact, checked like a lead's. */
  email: emailSchema.optional(),
  phone: text(40).optional(),
  payer: text(80).optional(),
  attendingPhysician: text(120).optional(),
  notes: multiLineText(2000).optional(),
  /** Save even though a patient with the same name and date of birth exists at the facility. */
  confirmDuplicate: z.boolean().optional(),
});

export const patientUpdateSchema = patientCreateSchema
  .omit({ facilityId: true, confirmDuplicate: true })
  .partial()
  .extend({
    emergencyContact: emergencyContactSchema.nullable().optional(),
    /** `null` clears the patient's own contact. */
    email: emailSchema.nullable().optional(),
    phone: text(40).nullable().optional(),
    visitPreference: z.enum(VISIT_PREFERENCES).optional(),
    meetingStatus: z.enum(MEETING_STATUSES).optional(),
  })
  .strict()
  .refine((v) => Object.keys(v).length > 0, { message: 'Nothing to change' });

export const patientSchema = z.object({
  id: z.string(),
  facilityId: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  dateOfBirth: z.string(),
  roomNumber: z.string().nullable(),
  emergencyContact: z
    .object({ name: z.string(), relationship: z.string().nullable(), phone: z.string().nullable() })
    .nullable(),
  sex: z.string().nullable(),
  mrn: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  payer: z.string().nullable(),
  attendingPhysician: z.string().nullable(),
  notes: z.string().nullable(),
  enrollmentStatus: z.enum(ENROLLMENT_STATUSES),
  visitPreference: z.enum(VISIT_PREFERENCES),
  meetingStatus: z.enum(MEETING_STATUSES),
  fullPackage: z.boolean(),
  serviceIds: z.array(z.string()),
  /** The lead this patient was converted from, if any. */
  leadId: z.string().nullable(),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
});

export const patientListQuerySchema = z.strictObject({
  facilityId: idSchema.optional(),
  q: singleLineText(100).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(1000).optional(),
});

/** A roster row as the person sees it: every field text, before it is checked. */
export const rosterRowSchema = z.strictObject(
  Object.fromEntries(
    ROSTER_FIELDS.map((f) => [
      f,
      z
        .union([z.string().max(500), z.number()])
        .nullable()
        .optional(),
    ]),
  ) as Record<
    (typeof ROSTER_FIELDS)[number],
    z.ZodOptional<z.ZodNullable<z.ZodUnion<[z.ZodString, z.ZodNumber]>>>
  >,
);

export const rosterPreviewJsonSchema = z.strictObject({
  facilityId: idSchema,
  source: z.enum(['ocr', 'json']).default('json'),
  rows: z
    .array(rosterRowSchema)
    .min(1, { message: 'The roster has no rows' })
    .max(MAX_IMPORT_ROWS, {
      message: `At most ${MAX_IMPORT_ROWS} rows can be imported at once`,
    }),
});

/** A reviewed roster row to save as a patient. */
export const rosterCommitRowSchema = z.strictObject({
  firstName: text(80),
  lastName: text(80),
  dateOfBirth: text(40),
  roomNumber: text(20).optional(),
  sex: text(20).optional(),
  mrn: text(40).optional(),
  emergencyContactName: text(120).optional(),
  emergencyContactRelationship: text(60).optional(),
  emergencyContactPhone: text(40).optional(),
  email: text(254).optional(),
  phone: text(40).optional(),
  payer: text(80).optional(),
  /** The census's attending physician column, kept as the patient's attending physician. */
  physician: text(120).optional(),
  notes: multiLineText(2000).optional(),
  /** Import even though it looks like a patient already at the facility. */
  confirmDuplicate: z.boolean().optional(),
});
export const ROSTER_SOURCES = ['csv', 'xlsx', 'ocr', 'json'] as const;

export const rosterCommitSchema = z.strictObject({
  facilityId: idSchema,
  fileName: text(200).optional(),
  source: z.enum(ROSTER_SOURCES),
  rows: z
    .array(rosterCommitRowSchema)
    .min(1, { message: 'There are no rows to import' })
    .max(MAX_IMPORT_ROWS, { message: `At most ${MAX_IMPORT_ROWS} rows can be imported at once` }),
});

export const serviceCreateSchema = z.strictObject({
  category: z.enum(SERVICE_CATEGORIES),
  name: text(120).min(1),
  description: multiLineText(500).optional(),
});
export const serviceUpdateSchema = z
  .strictObject({
    name: text(120).min(1).optional(),
    description: multiLineText(500).nullable().optional(),
    active: z.boolean().optional(),
  })
  .refine((v) => Object.keys(v).length > 0, { message: 'Nothing to change' });
export const serviceSchema = z.object({
  id: z.string(),
  category: z.enum(SERVICE_CATEGORIES),
  name: z.string(),
  description: z.string().nullable(),
  active: z.boolean(),
});

export const serviceSelectionSchema = z.strictObject({
  /** Every active service: the full package. */
  allHealthcareServices: z.boolean().optional(),
  serviceIds: z.array(idSchema).max(200).optional(),
});
export const bulkServiceSelectionSchema = serviceSelectionSchema.extend({
  patientIds: z.array(idSchema).min(1).max(MAX_IMPORT_ROWS),
});

export type PatientCreate = z.infer<typeof patientCreateSchema>;
export type RosterCommit = z.infer<typeof rosterCommitSchema>;

export const rosterMappingSchema = z.array(z.enum(ROSTER_FIELDS).nullable()).max(100);

const rosterProblemSchema = z.object({ field: z.string(), issue: z.string() });
/** A roster checked without saving: each row's values, errors and warnings (possible duplicates). */
export const rosterPreviewResultSchema = z.object({
  source: z.string(),
  headers: z.array(z.string()).optional(),
  mapping: z.array(z.enum(ROSTER_FIELDS).nullable()).optional(),
  /** Lines of the file that are not residents (titles, stamps, repeated headers, totals), left out. */
  skipped: z.array(z.object({ line: z.number(), text: z.string(), reason: z.string() })).optional(),
  rows: z.array(
    z.object({
      index: z.number(),
      values: z.record(z.string(), z.string()),
      errors: z.array(rosterProblemSchema),
      warnings: z.array(
        rosterProblemSchema.extend({
          existingPatientId: z.string().optional(),
          sameAsRow: z.number().optional(),
        }),
      ),
    }),
  ),
  summary: z.object({
    rows: z.number(),
    valid: z.number(),
    withErrors: z.number(),
    withWarnings: z.number(),
  }),
});
export const rosterImportedSchema = z.object({
  importId: z.string(),
  imported: z.number(),
  patientIds: z.array(z.string()),
});

export type RosterMapping = z.infer<typeof rosterMappingSchema>;
export type RosterPreviewResult = z.infer<typeof rosterPreviewResultSchema>;
export type RosterImported = z.infer<typeof rosterImportedSchema>;

export const serviceListSchema = z.object({ items: z.array(serviceSchema) });

export const serviceSelectionResultSchema = z.object({
  patients: z.number(),
  serviceIds: z.array(z.string()),
  fullPackage: z.boolean(),
});

export type Patient = z.infer<typeof patientSchema>;
export type Service = z.infer<typeof serviceSchema>;
export type ServiceSelectionResult = z.infer<typeof serviceSelectionResultSchema>;

/** How many of a patient's messages their page lists, newest first. */
export const PATIENT_MESSAGES_SHOWN = 50;

/** Texts the patient sent from their own number, newest first (`PATIENT_MESSAGES_SHOWN` at most). */
export const patientMessagesSchema = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      channel: z.enum(['sms']),
      direction: z.enum(['inbound']),
      text: z.string(),
      createdAt: timestampSchema,
    }),
  ),
  /** More than the page shows exist. */
  more: z.boolean(),
});
export type PatientMessages = z.infer<typeof patientMessagesSchema>;
