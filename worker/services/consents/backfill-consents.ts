import { asc, eq, getTableColumns, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import {
  intakeSubmissions,
  intakeTemplates,
  intakeTemplateVersions,
  leads,
  patientConsents,
} from '../../../db/schema';
import { AuditLog } from '../../lib/audit-log';
import { chunk, rowsPerStatement } from '../../lib/d1-limits';
import { iso } from '../../lib/time';
import { consentRows } from './record-consents';

const CONSENT_COLUMNS = Object.keys(getTableColumns(patientConsents)).length;

/**
 * The cron's backfill of consents signed before `patient_consents` existed:
 * each waiting submission gets the rows a submission makes today (same
 * hashes, signer and subject), except those it already has, and is then
 * marked recorded in the same batch. A few submissions a run, oldest first;
 * a second run finds nothing waiting, and a run cut short writes nothing for
 * the submissions it did not finish.
 */
export async function backfillConsents(db: Db, now = Date.now(), limit = 20) {
  const waiting = await db
    .select({
      submission: intakeSubmissions,
      definition: intakeTemplateVersions.definition,
      version: intakeTemplateVersions.version,
      formName: intakeTemplates.name,
      // A form sent to a lead that has since become a patient is the patient's consent too.
      leadPatientId: leads.patientId,
    })
    .from(intakeSubmissions)
    .innerJoin(intakeTemplateVersions, eq(intakeTemplateVersions.id, intakeSubmissions.versionId))
    .innerJoin(intakeTemplates, eq(intakeTemplates.id, intakeSubmissions.templateId))
    .leftJoin(leads, eq(leads.id, intakeSubmissions.leadId))
    .where(isNull(intakeSubmissions.consentsRecordedAt))
    .orderBy(asc(intakeSubmissions.submittedAt))
    .limit(limit);
  if (!waiting.length) return 0;

  const existing = await db
    .select({ submissionId: patientConsents.submissionId, fieldId: patientConsents.fieldId })
    .from(patientConsents)
    .where(
      inArray(
        patientConsents.submissionId,
        waiting.map((w) => w.submission.id),
      ),
    );
  const recorded = new Set(existing.map((e) => `${e.submissionId} ${e.fieldId}`));
  const stamp = iso(now);
  const audit = new AuditLog(db, { ip: null, userAgent: null, requestId: `cron-consents-${stamp}` });

  let written = 0;
  for (const row of waiting) {
    const { submission } = row;
    const rows = (
      await consentRows(
        {
          submissionId: submission.id,
          versionId: submission.versionId,
          version: row.version,
          formName: row.formName,
          leadId: submission.leadId,
          patientId: submission.patientId ?? row.leadPatientId ?? null,
          definition: row.definition,
          answers: submission.answers,
          signatures: submission.signatures,
        },
        stamp,
      )
    )
      .filter((c) => !recorded.has(`${submission.id} ${c.fieldId}`))
      .map((c) => ({ ...c, organizationId: submission.organizationId }));
    await db.batch([
      db
        .update(intakeSubmissions)
        .set({ consentsRecordedAt: stamp })
        .where(eq(intakeSubmissions.id, submission.id)),
      ...chunk(rows, rowsPerStatement(CONSENT_COLUMNS)).map((part) =>
        db.insert(patientConsents).values(part),
      ),
      ...audit.statements(
        rows.map((consent) => ({
          action: 'create' as const,
          entityType: 'consent',
          entityId: consent.id,
          organizationId: submission.organizationId,
          actorUserId: null,
          detail: { submissionId: submission.id, kind: consent.kind, backfilled: true },
        })),
      ),
    ]);
    written += rows.length;
  }
  return written;
}
