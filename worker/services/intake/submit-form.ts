import { eq } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import type { Db } from '../../../db/client';
import { intakeRequests, intakeSubmissions, patientConsents } from '../../../db/schema';
import { GUARDIAN_REQUIRED_MESSAGE } from '../../../shared/intake/answer-checks';
import type { Answers, FormDefinition } from '../../../shared/intake/definition';
import { isMinorOn, validateAnswers, visibleFields } from '../../../shared/intake/engine';
import type { AuditLog } from '../../lib/audit-log';
import { newId } from '../../lib/crypto';
import { TenantDb } from '../../lib/tenant-db';
import { iso } from '../../lib/time';
import { consentRows } from '../consents/record-consents';
import { checklistCompletion } from './checklist-link';
import {
  type AnswerOptions,
  type AnswersRefused,
  answersFor,
  asPublic,
  type ClosedForm,
  type FormSubmitted,
  isClosed,
  load,
  own,
  put,
  stillOpen,
  today,
} from './public-form';
import { signatureRecords } from './signatures';
import { loadSubject } from './subject';

/**
 * The minor rule on the record's date of birth, whatever the form's date
 * field says: someone under 18 by the record cannot sign alone by typing an
 * adult's date of birth.
 */
function guardianErrors(
  definition: FormDefinition,
  answers: Answers,
  recordDob: string | undefined,
  day: string,
) {
  const errors: Record<string, string> = {};
  if (!recordDob || !isMinorOn(recordDob, day)) return errors;
  for (const field of visibleFields(definition, answers)) {
    if (field.type !== 'signature' || !field.guardianIfMinor) continue;
    const value = own(answers, field.id);
    if (
      value &&
      typeof value === 'object' &&
      !Array.isArray(value) &&
      'signerName' in value &&
      !value.guardian
    )
      put(errors as Answers, field.id, GUARDIAN_REQUIRED_MESSAGE);
  }
  return errors;
}

/**
 * Submits the form: every rule checked (the minor rule on the record's date
 * of birth too), then in one batch the submission with its signature
 * records and the consents given (one row each), the request marked submitted (its draft dropped: the answers now
 * live in the submission), the patient's checklist items linked to this form
 * done with the enrollment status that follows, and the audit events. A
 * second submit of the link answers "submitted" and writes nothing.
 */
export async function submit(
  db: Db,
  audit: AuditLog,
  token: string,
  posted: Answers,
  client: { ip: string | null; userAgent: string | null },
  now = Date.now(),
  options: AnswerOptions = {},
): Promise<FormSubmitted | AnswersRefused | ClosedForm> {
  const loaded = await load(db, token, now);
  if (isClosed(loaded)) return loaded;
  const { request, definition } = loaded;
  audit.actor = { organizationId: request.organizationId, userId: null };
  const day = today(now);
  const tenant = new TenantDb(db, request.organizationId);
  const subject = await loadSubject(tenant, request);
  const recordDob = subject?.row.dateOfBirth ?? undefined;
  const { answers, fileErrors } = answersFor(loaded, posted, options);
  const checked = validateAnswers(definition, answers, { today: day, subjectDateOfBirth: recordDob });
  const errors = {
    ...guardianErrors(definition, checked.answers, recordDob, day),
    ...(checked.ok ? {} : checked.errors),
    ...fileErrors,
  };
  if (Object.keys(errors).length) return { outcome: 'invalid', errors, answers: checked.answers };

  const submittedAt = iso(now);
  const submissionId = newId('isb');
  const checklist = request.patientId
    ? await checklistCompletion(tenant, audit, {
        patientId: request.patientId,
        templateId: request.templateId,
        templateName: loaded.templateName,
        submissionId,
        now: submittedAt,
      })
    : [];
  const signatures = await signatureRecords(definition, checked.answers, client, submittedAt);
  const consents = await consentRows(
    {
      submissionId,
      versionId: request.versionId,
      version: loaded.version,
      formName: loaded.templateName,
      leadId: request.leadId,
      // A form sent to a lead that has since become a patient is the patient's consent too.
      patientId: request.patientId ?? (subject?.type === 'lead' ? subject.row.patientId : null),
      definition,
      answers: checked.answers,
      signatures,
    },
    submittedAt,
  );
  const statements: BatchItem<'sqlite'>[] = [
    // First: a second submit of the request fails here (unique request id) and the batch writes nothing.
    tenant.insert(intakeSubmissions, {
      id: submissionId,
      requestId: request.id,
      templateId: request.templateId,
      versionId: request.versionId,
      leadId: request.leadId,
      patientId: request.patientId,
      answers: checked.answers,
      signatures,
      pdfKey: null,
      submittedAt,
      consentsRecordedAt: submittedAt,
    }),
    db
      .update(intakeRequests)
      .set({
        status: 'submitted',
        submittedAt,
        openedAt: request.openedAt ?? submittedAt,
        draftAnswers: null,
        draftSavedAt: null,
        updatedAt: submittedAt,
      })
      .where(stillOpen(request)),
    ...tenant.insertMany(patientConsents, consents),
    ...checklist,
    ...audit.statements(
      consents.map((consent) =>
        asPublic(request, {
          action: 'create',
          entityType: 'consent',
          entityId: consent.id,
          detail: { submissionId, kind: consent.kind, leadId: request.leadId, patientId: request.patientId },
        }),
      ),
    ),
    audit.statement(
      asPublic(request, {
        action: 'create',
        entityType: 'intake_submission',
        entityId: submissionId,
        detail: {
          requestId: request.id,
          versionId: request.versionId,
          answered: Object.keys(checked.answers).length,
          checklistItemsDone: checklist.length > 0,
        },
      }),
    ),
  ];
  try {
    await db.batch(statements as [BatchItem<'sqlite'>, ...BatchItem<'sqlite'>[]]);
  } catch (e) {
    const [done] = await db
      .select({ id: intakeSubmissions.id })
      .from(intakeSubmissions)
      .where(eq(intakeSubmissions.requestId, request.id));
    if (done) return { outcome: 'submitted', organizationName: loaded.organizationName };
    throw e;
  }
  return { outcome: 'done', submissionId, organizationName: loaded.organizationName };
}
