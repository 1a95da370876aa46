// Intake form templates, published versions, requests and submissions.
import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { createdAt } from './columns';
import { leads } from './leads';
import { patients } from './patients';
import { organizations } from './tenancy';

/**
 * An intake form template (spec 001, 8.2). The builder edits `definition`, a
 * draft; publishing freezes a copy as the next row of `intake_template_versions`.
 */
export const intakeTemplates = sqliteTable(
  'intake_templates',
  {
    id: text().primaryKey(),
    organizationId: text()
      .notNull()
      .references(() => organizations.id),
    name: text().notNull(),
    /** Lower-cased, trimmed, inner spaces collapsed: what "the same name" means. */
    nameKey: text().notNull(),
    description: text(),
    /** The draft the builder edits; a shape `formDefinitionSchema` accepted. */
    definition: text({ mode: 'json' })
      .$type<import('../../shared/intake/definition').FormDefinition>()
      .notNull(),
    createdBy: text().notNull(),
    createdAt: createdAt(),
    updatedAt: text().notNull(),
    /** Archived templates cannot be sent; links already sent keep working. */
    archivedAt: text(),
  },
  (t) => [
    // An archived template gives its name back.
    uniqueIndex('intake_templates_org_name').on(t.organizationId, t.nameKey).where(sql`archived_at IS NULL`),
    index('intake_templates_org_created').on(t.organizationId, t.createdAt),
  ],
);

/** A published version: never changed once written; every request and submission points at one. */
export const intakeTemplateVersions = sqliteTable(
  'intake_template_versions',
  {
    id: text().primaryKey(),
    organizationId: text()
      .notNull()
      .references(() => organizations.id),
    templateId: text()
      .notNull()
      .references(() => intakeTemplates.id),
    version: integer().notNull(),
    definition: text({ mode: 'json' })
      .$type<import('../../shared/intake/definition').FormDefinition>()
      .notNull(),
    publishedBy: text().notNull(),
    publishedAt: text().notNull(),
  },
  (t) => [uniqueIndex('intake_template_versions_template_version').on(t.templateId, t.version)],
);

/**
 * A form sent to one lead or one patient: a link whose token is stored only
 * as its SHA-256, the version pinned when it was sent, what the practice
 * already knew (prefill) and the person's saved draft. Renewing rotates the
 * token on this same row. `status` is stored as last written; a row past
 * `expiresAt` and not submitted reads as expired before the cron marks it.
 */
export const intakeRequests = sqliteTable(
  'intake_requests',
  {
    id: text().primaryKey(),
    organizationId: text()
      .notNull()
      .references(() => organizations.id),
    templateId: text()
      .notNull()
      .references(() => intakeTemplates.id),
    versionId: text()
      .notNull()
      .references(() => intakeTemplateVersions.id),
    leadId: text().references(() => leads.id),
    patientId: text().references(() => patients.id),
    /** `email` (the outbox sent the link) or `link` (staff copied it). */
    delivery: text().notNull(),
    /** Only when the link was emailed: reminders go there. */
    recipientEmail: text(),
    tokenHash: text().notNull().unique(),
    /** `sent`, `opened`, `in_progress`, `submitted`, `expired` or `cancelled`. */
    status: text().notNull(),
    expiresAt: text().notNull(),
    sentAt: text().notNull(),
    openedAt: text(),
    /** The first draft save of the current link. */
    startedAt: text(),
    submittedAt: text(),
    /** Once-only guards of the cron: one reminder and one expiry per link. */
    remindedAt: text(),
    expiredAt: text(),
    cancelledAt: text(),
    cancelledBy: text(),
    renewedAt: text(),
    renewals: integer().notNull().default(0),
    /** Answers by field id from the record (and a previous submission), for the person to confirm. */
    prefill: text({ mode: 'json' }).$type<import('../../shared/intake/definition').Answers>().notNull(),
    draftAnswers: text({ mode: 'json' }).$type<import('../../shared/intake/definition').Answers>(),
    draftSavedAt: text(),
    createdBy: text().notNull(),
    createdAt: createdAt(),
    updatedAt: text().notNull(),
  },
  (t) => [
    check('intake_requests_one_subject', sql`(lead_id IS NULL) <> (patient_id IS NULL)`),
    // The list, newest first and keyset-paged on (created, id), for each filter it offers.
    index('intake_requests_org_created').on(t.organizationId, t.createdAt, t.id),
    index('intake_requests_org_status').on(t.organizationId, t.status, t.createdAt, t.id),
    index('intake_requests_org_lead').on(t.organizationId, t.leadId, t.createdAt, t.id),
    index('intake_requests_org_patient').on(t.organizationId, t.patientId, t.createdAt, t.id),
    index('intake_requests_org_template').on(t.organizationId, t.templateId, t.createdAt, t.id),
    // The cron's reminder and expiry scans.
    index('intake_requests_status_expiry').on(t.status, t.expiresAt),
  ],
);

/** What the submission recorded about one signature (spec 001, HIPAA and consent). */
export type IntakeSignatureRecord = {
  fieldId: string;
  kind: 'drawn' | 'typed';
  signerName: string;
  guardian: { name: string; relationship: string } | null;
  signedAt: string;
  ip: string | null;
  userAgent: string | null;
  /** SHA-256 (hex) of the exact consent text shown before this signature, or null when none was. */
  consentTextHash: string | null;
  consentFieldIds: string[];
};

/** The answers to one request, once: the unique request id makes a second submit fail. */
export const intakeSubmissions = sqliteTable(
  'intake_submissions',
  {
    id: text().primaryKey(),
    organizationId: text()
      .notNull()
      .references(() => organizations.id),
    requestId: text()
      .notNull()
      .unique()
      .references(() => intakeRequests.id),
    templateId: text()
      .notNull()
      .references(() => intakeTemplates.id),
    versionId: text()
      .notNull()
      .references(() => intakeTemplateVersions.id),
    leadId: text(),
    patientId: text(),
    answers: text({ mode: 'json' }).$type<import('../../shared/intake/definition').Answers>().notNull(),
    signatures: text({ mode: 'json' }).$type<IntakeSignatureRecord[]>().notNull(),
    /** The signed PDF in R2, once rendered. */
    pdfKey: text(),
    submittedAt: text().notNull(),
    acceptedAt: text(),
    acceptedBy: text(),
    /** Field ids whose answers were copied into the record. */
    acceptedFields: text({ mode: 'json' }).$type<string[]>(),
    /**
     * When its consents were written to `patient_consents`: at submission, or by the cron's backfill for
     * submissions made before that table existed (null until then).
     */
    consentsRecordedAt: text(),
  },
  (t) => [
    // The backfill's queue: only submissions still waiting, oldest first.
    index('intake_submissions_consents_pending')
      .on(t.submittedAt)
      .where(sql`${t.consentsRecordedAt} IS NULL`),
    // The list, newest first and keyset-paged on (submitted, id), for each filter it offers.
    index('intake_submissions_org_submitted').on(t.organizationId, t.submittedAt, t.id),
    index('intake_submissions_org_template').on(t.organizationId, t.templateId, t.submittedAt, t.id),
    index('intake_submissions_org_lead').on(t.organizationId, t.leadId, t.submittedAt, t.id),
    index('intake_submissions_org_patient').on(t.organizationId, t.patientId, t.submittedAt, t.id),
  ],
);
