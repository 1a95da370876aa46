import { and, asc, eq, isNull, lt, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import {
  intakeSubmissions,
  intakeTemplates,
  intakeTemplateVersions,
  leads,
  organizations,
  patients,
} from '../../../db/schema';
import { signedAuthorizationStatements } from '../records/signed-authorization';
import { renderSubmissionPdf } from './render-submission-pdf';

export const submissionPdfKey = (organizationId: string, submissionId: string) =>
  `intake/${organizationId}/${submissionId}.pdf`;

/**
 * Renders a stored submission's PDF, puts it in R2 under its organisation and
 * records the key on the submission (the staff API then reports it
 * available), attaching it to the records request whose authorization form
 * it answers. Runs after the thank-you page is answered; running it again
 * writes the same object and key, so a retry is safe.
 */
export async function storeSubmissionPdf(
  db: Db,
  bucket: R2Bucket,
  submissionId: string,
): Promise<string | null> {
  const [row] = await db
    .select({
      submission: intakeSubmissions,
      definition: intakeTemplateVersions.definition,
      version: intakeTemplateVersions.version,
      templateName: intakeTemplates.name,
      organizationName: organizations.name,
      leadName: sql<string | null>`${leads.firstName} || ' ' || ${leads.lastName}`,
      patientName: sql<string | null>`${patients.firstName} || ' ' || ${patients.lastName}`,
    })
    .from(intakeSubmissions)
    .innerJoin(intakeTemplateVersions, eq(intakeTemplateVersions.id, intakeSubmissions.versionId))
    .innerJoin(intakeTemplates, eq(intakeTemplates.id, intakeSubmissions.templateId))
    .innerJoin(organizations, eq(organizations.id, intakeSubmissions.organizationId))
    .leftJoin(patients, eq(patients.id, intakeSubmissions.patientId))
    .leftJoin(leads, eq(leads.id, intakeSubmissions.leadId))
    .where(eq(intakeSubmissions.id, submissionId))
    .limit(1);
  if (!row) return null;
  const { submission } = row;
  const bytes = await renderSubmissionPdf({
    submissionId,
    definition: row.definition,
    answers: submission.answers,
    submittedAt: submission.submittedAt,
    templateVersion: `${row.templateName}, version ${row.version}`,
    practiceName: row.organizationName,
    subjectName: row.patientName ?? row.leadName,
    signatures: submission.signatures,
  });
  const key = submissionPdfKey(submission.organizationId, submissionId);
  await bucket.put(key, bytes, {
    httpMetadata: { contentType: 'application/pdf' },
    customMetadata: { submissionId },
  });
  // A signed records authorization is attached to its request in the same batch: never one without the other.
  const attached = await signedAuthorizationStatements(db, submission, row.definition, { key, bytes });
  await db.batch([
    db.update(intakeSubmissions).set({ pdfKey: key }).where(eq(intakeSubmissions.id, submissionId)),
    ...attached,
  ]);
  return key;
}

/**
 * The cron's safety net: a submission whose PDF was not stored after the
 * thank-you page (the worker was stopped, R2 failed) gets it now. A few a run,
 * oldest first, so one bad submission cannot hold the trigger.
 */
export async function storeMissingPdfs(db: Db, bucket: R2Bucket, now = Date.now(), limit = 10) {
  const waiting = await db
    .select({ id: intakeSubmissions.id })
    .from(intakeSubmissions)
    // Give the request that took the submission a minute to store it first.
    .where(
      and(
        isNull(intakeSubmissions.pdfKey),
        lt(intakeSubmissions.submittedAt, new Date(now - 60_000).toISOString()),
      ),
    )
    .orderBy(asc(intakeSubmissions.submittedAt))
    .limit(limit);
  let stored = 0;
  for (const { id } of waiting) {
    try {
      if (await storeSubmissionPdf(db, bucket, id)) stored++;
    } catch (e) {
      console.error(
        JSON.stringify({
          level: 'error',
          message: 'intake PDF not stored',
          submissionId: id,
          error: String(e),
        }),
      );
    }
  }
  return stored;
}
