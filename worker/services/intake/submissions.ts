import { and, desc, eq, isNotNull, isNull, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import {
  intakeSubmissions,
  intakeTemplates,
  intakeTemplateVersions,
  leads,
  patients,
} from '../../../db/schema';
import type { intakeSubmissionListQuerySchema } from '../../../shared/schemas/intake-api';
import { AppError } from '../../lib/app-error';
import type { AuditLog } from '../../lib/audit-log';
import { afterCursor, decodeCursor, pageFrom } from '../../lib/cursor';
import type { TenantDb } from '../../lib/tenant-db';

type SubmissionRow = typeof intakeSubmissions.$inferSelect;
type VersionRow = typeof intakeTemplateVersions.$inferSelect;
/** Names of the person the form is about (left joins: one of lead or patient is there). */
type ViewRow = {
  submission: SubmissionRow;
  templateName: string;
  version: VersionRow;
  leadFirst: string | null;
  leadLast: string | null;
  patientFirst: string | null;
  patientLast: string | null;
};

function views(tenant: TenantDb, where?: SQL) {
  return tenant.join(
    {
      submission: intakeSubmissions,
      templateName: intakeTemplates.name,
      version: intakeTemplateVersions,
      leadFirst: leads.firstName,
      leadLast: leads.lastName,
      patientFirst: patients.firstName,
      patientLast: patients.lastName,
    },
    intakeSubmissions,
    [
      { table: intakeTemplates, on: eq(intakeTemplates.id, intakeSubmissions.templateId) },
      { table: intakeTemplateVersions, on: eq(intakeTemplateVersions.id, intakeSubmissions.versionId) },
      { table: leads, on: eq(leads.id, intakeSubmissions.leadId), left: true },
      { table: patients, on: eq(patients.id, intakeSubmissions.patientId), left: true },
    ],
    where,
  );
}

const fullName = (first: string | null, last: string | null) =>
  first || last ? [first, last].filter(Boolean).join(' ') : null;

/** A submission with the version it answered, or the 404 of a missing (or another organisation's) one. */
export async function submissionRow(tenant: TenantDb, id: string): Promise<ViewRow> {
  const [row] = await views(tenant, eq(intakeSubmissions.id, id)).limit(1);
  if (!row) throw new AppError('not_found', 'Submission not found');
  return row;
}

const toSummary = ({ submission: s, templateName, version, ...names }: ViewRow) => ({
  id: s.id,
  requestId: s.requestId,
  templateId: s.templateId,
  templateName,
  versionId: s.versionId,
  version: version.version,
  leadId: s.leadId,
  patientId: s.patientId,
  subjectName: fullName(names.patientFirst, names.patientLast) ?? fullName(names.leadFirst, names.leadLast),
  submittedAt: s.submittedAt,
  accepted: s.acceptedAt ? { at: s.acceptedAt, by: s.acceptedBy, fields: s.acceptedFields ?? [] } : null,
});

export async function listSubmissions(
  tenant: TenantDb,
  audit: AuditLog,
  query: z.infer<typeof intakeSubmissionListQuerySchema>,
) {
  const rows = await views(
    tenant,
    and(
      query.templateId ? eq(intakeSubmissions.templateId, query.templateId) : undefined,
      query.leadId ? eq(intakeSubmissions.leadId, query.leadId) : undefined,
      query.patientId ? eq(intakeSubmissions.patientId, query.patientId) : undefined,
      query.accepted === 'true'
        ? isNotNull(intakeSubmissions.acceptedAt)
        : query.accepted === 'false'
          ? isNull(intakeSubmissions.acceptedAt)
          : undefined,
      afterCursor(intakeSubmissions.submittedAt, intakeSubmissions.id, decodeCursor(query.cursor)),
    ),
  )
    .orderBy(desc(intakeSubmissions.submittedAt), desc(intakeSubmissions.id))
    .limit(query.limit + 1);
  const page = pageFrom(
    rows.map((r) => ({ ...r, id: r.submission.id })),
    query.limit,
    (r) => r.submission.submittedAt,
  );
  const items = page.items.map(toSummary);
  audit.record({
    action: 'list',
    entityType: 'intake_submission',
    detail: { count: items.length, submissionIds: items.map((s) => s.id) },
  });
  return { items, nextCursor: page.nextCursor };
}

/** The answers labelled as the version answered showed them, the signature records and whether a PDF is stored. */
export async function getSubmission(tenant: TenantDb, audit: AuditLog, id: string) {
  const row = await submissionRow(tenant, id);
  const { submission, version } = row;
  const answers = version.definition.sections.flatMap((section) =>
    section.fields
      .filter((field) => Object.hasOwn(submission.answers, field.id))
      .map((field) => ({
        fieldId: field.id,
        sectionId: section.id,
        sectionTitle: section.title,
        label: field.label,
        type: field.type,
        value: submission.answers[field.id] as unknown,
      })),
  );
  audit.record({ action: 'read', entityType: 'intake_submission', entityId: id });
  return {
    ...toSummary(row),
    answers,
    signatures: submission.signatures,
    pdf: { available: !!submission.pdfKey },
  };
}
