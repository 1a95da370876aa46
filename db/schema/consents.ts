// Consents given on signed intake forms, one row per consent, with their revocation.
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { createdAt } from './columns';
import { intakeSubmissions, intakeTemplateVersions } from './intake';
import { organizations } from './tenancy';

/**
 * A consent someone agreed to and signed (spec 001, `PatientConsent`): which
 * consent field of which published form version, the SHA-256 of that field's
 * exact text, who signed for whom and when, written in the batch of the
 * submission. Never deleted: a revocation is recorded on the row.
 */
export const patientConsents = sqliteTable(
  'patient_consents',
  {
    id: text().primaryKey(),
    organizationId: text()
      .notNull()
      .references(() => organizations.id),
    submissionId: text()
      .notNull()
      .references(() => intakeSubmissions.id),
    versionId: text()
      .notNull()
      .references(() => intakeTemplateVersions.id),
    version: integer().notNull(),
    formName: text().notNull(),
    /** For whom: the form's lead or patient, as on the submission. */
    leadId: text(),
    patientId: text(),
    fieldId: text().notNull(),
    /** One of CONSENT_KINDS (shared/consents.ts). */
    kind: text().notNull(),
    title: text().notNull(),
    textSha256: text().notNull(),
    signerName: text().notNull(),
    /** One of SIGNER_RELATIONSHIPS; the guardian's own words in `signerStated`. */
    signerRelationship: text().notNull(),
    signerStated: text(),
    signedAt: text().notNull(),
    revokedAt: text(),
    revokedBy: text(),
    revokeReason: text(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('patient_consents_submission_field').on(t.submissionId, t.fieldId),
    // Each page's lists, newest first and keyset-paged on (signed, id).
    index('patient_consents_org_patient').on(t.organizationId, t.patientId, t.signedAt, t.id),
    index('patient_consents_org_lead').on(t.organizationId, t.leadId, t.signedAt, t.id),
  ],
);
