import { z } from 'zod';
import { emailSchema, idSchema, timestampSchema } from './common';
import { answersSchema, formDefinitionSchema } from './intake';
import { multiLineText, requiredText } from './text';

/**
 * The staff-side intake API (templates, requests, submissions). The shapes of
 * a definition and of answers are shared/schemas/intake.ts's; this file only
 * wraps them in request and response bodies.
 */

export const INTAKE_REQUEST_STATUSES = [
  'sent',
  'opened',
  'in_progress',
  'submitted',
  'expired',
  'cancelled',
] as const;
export type IntakeRequestStatus = (typeof INTAKE_REQUEST_STATUSES)[number];
export const INTAKE_DELIVERIES = ['email', 'link'] as const;

const templateName = requiredText('Give the form a name', 120);
const description = multiLineText(1000);

export const intakeTemplateCreateSchema = z.strictObject({
  name: templateName,
  description: description.optional(),
  /** Without one, the template starts from the starter form (patient details and the four blocks). */
  definition: formDefinitionSchema.optional(),
});

export const intakeTemplateUpdateSchema = z
  .strictObject({
    name: templateName.optional(),
    description: description.nullable().optional(),
    definition: formDefinitionSchema.optional(),
  })
  .refine((v) => Object.keys(v).length > 0, { message: 'Nothing to change' });

const versionRef = z.object({ id: z.string(), version: z.number(), publishedAt: timestampSchema });

export const intakeTemplateSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  latestVersion: versionRef.nullable(),
  /** The draft differs from the latest published version (or nothing is published yet). */
  hasUnpublishedChanges: z.boolean(),
  archivedAt: timestampSchema.nullable(),
  createdBy: z.string(),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
});

export const intakeTemplateSchema = intakeTemplateSummarySchema.extend({ definition: formDefinitionSchema });

export const intakeVersionSummarySchema = z.object({
  id: z.string(),
  templateId: z.string(),
  version: z.number(),
  publishedBy: z.string(),
  publishedAt: timestampSchema,
});
export const intakeVersionSchema = intakeVersionSummarySchema.extend({ definition: formDefinitionSchema });

export const intakeTemplateListQuerySchema = z.strictObject({
  archived: z.enum(['true', 'false']).default('false'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(1000).optional(),
});

export const intakeRequestCreateSchema = z
  .strictObject({
    templateId: idSchema,
    leadId: idSchema.optional(),
    patientId: idSchema.optional(),
    delivery: z.enum(INTAKE_DELIVERIES),
    /** Where to email the link; defaults to the record's address (the responsible party's for a minor). */
    email: emailSchema.optional(),
    expiresInDays: z.number().int().min(1).max(60).default(14),
  })
  .refine((v) => !!v.leadId !== !!v.patientId, {
    message: 'Send the form to one lead or one patient: give leadId or patientId',
    path: ['leadId'],
  });

export const intakeRequestRenewSchema = z.strictObject({
  /** Defaults to how the link went last time. */
  delivery: z.enum(INTAKE_DELIVERIES).optional(),
  email: emailSchema.optional(),
  expiresInDays: z.number().int().min(1).max(60).default(14),
});

export const intakeRequestSchema = z.object({
  id: z.string(),
  templateId: z.string(),
  templateName: z.string(),
  versionId: z.string(),
  version: z.number(),
  leadId: z.string().nullable(),
  patientId: z.string().nullable(),
  delivery: z.enum(INTAKE_DELIVERIES),
  recipientEmail: z.string().nullable(),
  /** Past its expiry and not submitted reads `expired`, whatever the cron has done. */
  status: z.enum(INTAKE_REQUEST_STATUSES),
  expiresAt: timestampSchema,
  sentAt: timestampSchema,
  openedAt: timestampSchema.nullable(),
  startedAt: timestampSchema.nullable(),
  submittedAt: timestampSchema.nullable(),
  submissionId: z.string().nullable(),
  remindedAt: timestampSchema.nullable(),
  cancelledAt: timestampSchema.nullable(),
  renewedAt: timestampSchema.nullable(),
  renewals: z.number(),
  hasDraft: z.boolean(),
  createdBy: z.string(),
  createdAt: timestampSchema,
});

/** Create and renew answer the link once; it is never shown again (staff who lose it renew). */
export const intakeRequestWithLinkSchema = intakeRequestSchema.extend({ link: z.string() });

export const intakeRequestListQuerySchema = z.strictObject({
  status: z.enum(INTAKE_REQUEST_STATUSES).optional(),
  /** Not submitted and not cancelled (expired ones included: they need renewing). */
  outstanding: z.enum(['true', 'false']).optional(),
  leadId: idSchema.optional(),
  patientId: idSchema.optional(),
  templateId: idSchema.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(1000).optional(),
});

export const signatureRecordSchema = z.object({
  fieldId: z.string(),
  kind: z.enum(['drawn', 'typed']),
  signerName: z.string(),
  guardian: z.object({ name: z.string(), relationship: z.string() }).nullable(),
  signedAt: timestampSchema,
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  consentTextHash: z.string().nullable(),
  consentFieldIds: z.array(z.string()),
});

const acceptedSchema = z
  .object({ at: timestampSchema, by: z.string().nullable(), fields: z.array(z.string()) })
  .nullable();

export const intakeSubmissionSummarySchema = z.object({
  id: z.string(),
  requestId: z.string(),
  templateId: z.string(),
  templateName: z.string(),
  versionId: z.string(),
  version: z.number(),
  leadId: z.string().nullable(),
  patientId: z.string().nullable(),
  /** The lead's or patient's name: whom the form (and its signatures) is for. */
  subjectName: z.string().nullable(),
  submittedAt: timestampSchema,
  accepted: acceptedSchema,
});

export const intakeSubmissionSchema = intakeSubmissionSummarySchema.extend({
  /** Every answered field in form order, labelled as in the version answered. */
  answers: z.array(
    z.object({
      fieldId: z.string(),
      sectionId: z.string(),
      sectionTitle: z.string(),
      label: z.string(),
      type: z.string(),
      /** As stored: a value of the field's type (answerValueSchema), read by the panel according to `type`. */
      value: z.unknown(),
    }),
  ),
  signatures: z.array(signatureRecordSchema),
  pdf: z.object({ available: z.boolean() }),
});

export const intakeSubmissionListQuerySchema = z.strictObject({
  templateId: idSchema.optional(),
  leadId: idSchema.optional(),
  patientId: idSchema.optional(),
  accepted: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(1000).optional(),
});

export const RECORD_FIELDS = ['firstName', 'lastName', 'dateOfBirth', 'email', 'phone'] as const;

export const intakeChangesSchema = z.object({
  submissionId: z.string(),
  subject: z.object({ type: z.enum(['lead', 'patient']), id: z.string() }),
  fields: z.array(
    z.object({
      fieldId: z.string(),
      label: z.string(),
      recordField: z.enum(RECORD_FIELDS),
      current: z.string().nullable(),
      submitted: z.string().nullable(),
      changed: z.boolean(),
      /** False when nothing was submitted for the field. */
      applicable: z.boolean(),
    }),
  ),
  accepted: acceptedSchema,
});

export const intakeAcceptSchema = z.strictObject({
  /** Field ids (of fields mapped to a record field) whose answers are copied; [] accepts with no change. */
  fields: z.array(z.string().max(50)).max(10),
});

/** The public page's draft body (also usable by a script): answers, optionally of one section. */
export const intakeDraftBodySchema = z.strictObject({
  sectionId: z.string().max(50).optional(),
  answers: answersSchema,
});

export const intakeVersionListSchema = z.object({ items: z.array(intakeVersionSummarySchema) });

export type IntakeTemplateSummary = z.infer<typeof intakeTemplateSummarySchema>;
export type IntakeTemplate = z.infer<typeof intakeTemplateSchema>;
export type IntakeVersionSummary = z.infer<typeof intakeVersionSummarySchema>;
export type IntakeVersion = z.infer<typeof intakeVersionSchema>;
export type IntakeRequest = z.infer<typeof intakeRequestSchema>;
export type IntakeRequestWithLink = z.infer<typeof intakeRequestWithLinkSchema>;
export type SignatureRecord = z.infer<typeof signatureRecordSchema>;
export type IntakeSubmissionSummary = z.infer<typeof intakeSubmissionSummarySchema>;
export type IntakeSubmission = z.infer<typeof intakeSubmissionSchema>;
export type IntakeChanges = z.infer<typeof intakeChangesSchema>;
