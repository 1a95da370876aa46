import { z } from 'zod';
import { CASE_IMPORT_COLUMNS } from '../cases/import-columns';
import { idSchema, pageOf, timestampSchema } from './common';
import { requiredText, singleLineText } from './text';

export const CASE_STATUSES = ['open', 'closed'] as const;
export const APPOINTMENT_STATUSES = ['booked', 'attended', 'cancelled', 'did_not_attend'] as const;
/** Items one upsert call carries: one D1 batch, well under a request's time. */
export const MAX_UPSERT_ITEMS = 500;
/** Rows one import carries: its cases and appointments stay one D1 batch of a few hundred statements. */
export const MAX_CASE_IMPORT_ROWS = 2000;

const dateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'expected YYYY-MM-DD' });
const instantSchema = z.iso.datetime({ offset: true, message: 'expected an ISO 8601 date and time' });
const externalIdSchema = requiredText('Enter the booking system id', 100);
const cents = z.number().int().min(0).max(1_000_000_000);

export const caseUpsertItemSchema = z.strictObject({
  externalId: externalIdSchema,
  patientId: idSchema,
  facilityId: idSchema,
  name: requiredText('Enter the case name', 200),
  status: z.enum(CASE_STATUSES),
  issueDate: dateSchema.nullable().optional(),
  expiryDate: dateSchema.nullable().optional(),
  maxSessions: z.number().int().min(0).max(10_000).nullable().optional(),
  invoiceableCents: cents.nullable().optional(),
});
export type CaseUpsertItem = z.infer<typeof caseUpsertItemSchema>;

export const caseUpsertSchema = z.strictObject({
  items: z.array(caseUpsertItemSchema).min(1).max(MAX_UPSERT_ITEMS),
});

export const appointmentUpsertItemSchema = z
  .strictObject({
    externalId: externalIdSchema,
    patientId: idSchema.nullable().optional(),
    leadId: idSchema.nullable().optional(),
    /** The case by the booking system's id (what a sync knows). */
    caseExternalId: externalIdSchema.nullable().optional(),
    facilityId: idSchema,
    startsAt: instantSchema,
    endsAt: instantSchema,
    type: requiredText('Enter the appointment type', 100),
    status: z.enum(APPOINTMENT_STATUSES),
    invoicedCents: cents.optional(),
  })
  .refine((a) => a.patientId || a.leadId, {
    message: 'An appointment needs a patient or a lead',
    path: ['patientId'],
  })
  .refine((a) => Date.parse(a.endsAt) >= Date.parse(a.startsAt), {
    message: 'The end is before the start',
    path: ['endsAt'],
  });
export type AppointmentUpsertItem = z.infer<typeof appointmentUpsertItemSchema>;

export const appointmentUpsertSchema = z.strictObject({
  items: z.array(appointmentUpsertItemSchema).min(1).max(MAX_UPSERT_ITEMS),
});

export const upsertResultSchema = z.object({ inserted: z.number(), updated: z.number() });

/** The case parameters of spec 002, derived from the case's appointments (one SQL definition each). */
export const CASE_PARAMETERS = [
  'sessionsDone',
  'sessionsLeft',
  'sessionsBooked',
  'percentBooked',
  'percentDone',
  'totalInvoicedCents',
  'invoiceableLeftCents',
  'percentInvoiced',
] as const;
export type CaseParameter = (typeof CASE_PARAMETERS)[number];

export const caseSchema = z.object({
  id: z.string(),
  externalId: z.string(),
  patientId: z.string(),
  facilityId: z.string(),
  name: z.string(),
  status: z.enum(CASE_STATUSES),
  issueDate: z.string().nullable(),
  expiryDate: z.string().nullable(),
  maxSessions: z.number().nullable(),
  invoiceableCents: z.number().nullable(),
  sessionsDone: z.number(),
  sessionsBooked: z.number(),
  sessionsLeft: z.number().nullable(),
  percentBooked: z.number().nullable(),
  percentDone: z.number().nullable(),
  totalInvoicedCents: z.number(),
  invoiceableLeftCents: z.number().nullable(),
  percentInvoiced: z.number().nullable(),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
});
export type Case = z.infer<typeof caseSchema>;
export const casePageSchema = pageOf(caseSchema);

export const caseListQuerySchema = z.strictObject({
  patientId: idSchema.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(1000).optional(),
});

export const appointmentSchema = z.object({
  id: z.string(),
  externalId: z.string(),
  patientId: z.string().nullable(),
  leadId: z.string().nullable(),
  caseId: z.string().nullable(),
  facilityId: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  type: z.string(),
  status: z.enum(APPOINTMENT_STATUSES),
  invoicedCents: z.number(),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
});
export type Appointment = z.infer<typeof appointmentSchema>;
export const appointmentPageSchema = pageOf(appointmentSchema);

export const appointmentListQuerySchema = z.strictObject({
  patientId: idSchema.optional(),
  caseId: idSchema.optional(),
  leadId: idSchema.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(1000).optional(),
});

export const bookingSyncSchema = z.object({
  facilityId: z.string(),
  facilityName: z.string(),
  via: z.enum(['api', 'import']),
  cases: z.number(),
  appointments: z.number(),
  syncedAt: timestampSchema,
});
export const bookingSyncListSchema = z.object({ items: z.array(bookingSyncSchema) });

/**
 * A CSV of cases and their appointments, one row per appointment (or per case
 * without one), sent as text; a CSV or XLSX file goes as multipart `file` instead.
 */
export const caseImportSchema = z.strictObject({
  csv: z.string().min(1).max(2_000_000),
});
export const caseImportResultSchema = z.object({
  cases: upsertResultSchema,
  appointments: upsertResultSchema,
});

export const caseImportPreviewSchema = z.object({
  /** The file's header row as written, and the import column each header was read as (null: ignored). */
  headers: z.array(z.string()),
  columns: z.array(z.enum(CASE_IMPORT_COLUMNS).nullable()),
  rows: z.number(),
  cases: z.number(),
  appointments: z.number(),
  errors: z.array(z.object({ row: z.number(), column: z.string(), issue: z.string() })),
});
export type CaseImportPreview = z.infer<typeof caseImportPreviewSchema>;

/** The appointment type of a lead's consultation booked from the lead's page. */
export const CONSULTATION_TYPE = 'consultation';

/** Staff book a lead's consultation at a location; the note goes on the lead's timeline. */
export const consultationBookSchema = z
  .strictObject({
    facilityId: idSchema,
    startsAt: instantSchema,
    endsAt: instantSchema,
    note: singleLineText(500).optional(),
  })
  .refine((a) => Date.parse(a.endsAt) > Date.parse(a.startsAt), {
    message: 'The end is before the start',
    path: ['endsAt'],
  });
export type ConsultationBooking = z.infer<typeof consultationBookSchema>;
export const appointmentListSchema = z.object({ items: z.array(appointmentSchema) });
