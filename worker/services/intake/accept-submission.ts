import { and, eq, isNull } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import { intakeSubmissions, leads, patients } from '../../../db/schema';
import type { PrefillKey } from '../../../shared/intake/definition';
import { nameKey } from '../../../shared/roster/names';
import { AppError } from '../../lib/app-error';
import type { AuditLog } from '../../lib/audit-log';
import type { TenantDb } from '../../lib/tenant-db';
import { iso } from '../../lib/time';
import type { AuthContext } from '../auth/session-context';
import { phoneKey } from '../leads/phone-key';
import { checkPatientRow } from '../patients/roster-rows';
import { loadSubject, type Subject } from './subject';
import { submissionRow } from './submissions';

type FieldChange = {
  fieldId: string;
  label: string;
  recordField: PrefillKey;
  current: string | null;
  submitted: string | null;
  changed: boolean;
  applicable: boolean;
};

/**
 * The record's own value of a field (not a converted patient's lead's:
 * accepting writes the patient). Leads and patients hold every prefill key.
 */
function ownValue(subject: Subject, key: PrefillKey): string | null {
  const row = subject.row as Record<PrefillKey, string | null | undefined>;
  return row[key] ?? null;
}

const normalise = (key: PrefillKey, value: string | null) => {
  const text = value?.trim() ?? '';
  if (!text) return null;
  return key === 'email' ? text.toLowerCase() : text;
};

async function subjectOf(tenant: TenantDb, submission: { leadId: string | null; patientId: string | null }) {
  const subject = await loadSubject(tenant, submission);
  if (!subject) throw new AppError('conflict', 'The record this form was about no longer exists');
  return subject;
}

function changesFor(row: Awaited<ReturnType<typeof submissionRow>>, subject: Subject): FieldChange[] {
  const { submission, version } = row;
  return version.definition.sections.flatMap((section) =>
    section.fields.flatMap((field) => {
      if (!field.prefill) return [];
      const answer = Object.hasOwn(submission.answers, field.id) ? submission.answers[field.id] : undefined;
      const submitted = typeof answer === 'string' ? normalise(field.prefill, answer) : null;
      const current = normalise(field.prefill, ownValue(subject, field.prefill));
      const applicable = submitted !== null;
      return [
        {
          fieldId: field.id,
          label: field.label,
          recordField: field.prefill,
          current,
          submitted,
          changed: submitted !== null && submitted !== current,
          applicable,
        },
      ];
    }),
  );
}

const subjectOut = (subject: Subject) => ({ type: subject.type, id: subject.id });
const acceptedOut = (s: {
  acceptedAt: string | null;
  acceptedBy: string | null;
  acceptedFields: string[] | null;
}) => (s.acceptedAt ? { at: s.acceptedAt, by: s.acceptedBy, fields: s.acceptedFields ?? [] } : null);

/**
 * Field by field, what accepting the submission would change in the lead or
 * patient record: the record's value, the submitted one, and whether the
 * record can hold it.
 */
export async function submissionChanges(tenant: TenantDb, audit: AuditLog, id: string) {
  const row = await submissionRow(tenant, id);
  const subject = await subjectOf(tenant, row.submission);
  audit.record({
    action: 'read',
    entityType: 'intake_submission',
    entityId: id,
    detail: { view: 'changes', [`${subject.type}Id`]: subject.id },
  });
  return {
    submissionId: id,
    subject: subjectOut(subject),
    fields: changesFor(row, subject),
    accepted: acceptedOut(row.submission),
  };
}

/**
 * Accepts a submission into the record: only the fields staff chose are
 * copied, then the submission is marked accepted, with the audit events, in
 * one batch. A submission is accepted once.
 */
export async function acceptSubmission(
  tenant: TenantDb,
  audit: AuditLog,
  auth: AuthContext,
  id: string,
  fieldIds: string[],
) {
  const row = await submissionRow(tenant, id);
  if (row.submission.acceptedAt) throw new AppError('conflict', 'This submission was already accepted');
  const subject = await subjectOf(tenant, row.submission);
  const changes = changesFor(row, subject);
  const chosen = [...new Set(fieldIds)];
  const problems = chosen.flatMap((fieldId, i) => {
    const change = changes.find((c) => c.fieldId === fieldId);
    if (!change) return [{ path: `fields.${i}`, issue: `"${fieldId}" is not a field that fills the record` }];
    if (!change.applicable)
      return [
        { path: `fields.${i}`, issue: `the ${subject.type} record has no ${change.recordField} to fill` },
      ];
    return [];
  });
  if (problems.length)
    throw new AppError('validation_failed', 'Some chosen fields cannot be copied into the record', problems);
  const needed = subject.type === 'lead' ? 'leads:edit' : 'patients:edit';
  if (chosen.length && !auth.permissions.includes(needed))
    throw new AppError('forbidden', `Your role cannot change ${subject.type} records; accept with no fields`);
  const values: Partial<Record<PrefillKey, string>> = {};
  for (const fieldId of chosen) {
    const change = changes.find((c) => c.fieldId === fieldId)!;
    values[change.recordField] = change.submitted!;
  }
  const now = iso();
  const statements: BatchItem<'sqlite'>[] = [];
  if (Object.keys(values).length) statements.push(recordUpdate(tenant, subject, values, now));
  statements.push(
    tenant.update(
      intakeSubmissions,
      { acceptedAt: now, acceptedBy: auth.userId, acceptedFields: chosen },
      and(eq(intakeSubmissions.id, id), isNull(intakeSubmissions.acceptedAt))!,
    ),
    audit.statement({
      action: 'update',
      entityType: subject.type,
      entityId: subject.id,
      detail: { changed: Object.keys(values), from: 'intake_submission', submissionId: id },
    }),
    audit.statement({
      action: 'update',
      entityType: 'intake_submission',
      entityId: id,
      detail: { accepted: true, fields: chosen },
    }),
  );
  await tenant.batch(statements);
  const after = await submissionRow(tenant, id);
  return {
    submissionId: id,
    subject: subjectOut(subject),
    fields: changesFor(after, await subjectOf(tenant, after.submission)),
    accepted: acceptedOut(after.submission),
  };
}

/** The record's update, with the match keys that follow names and phone numbers. */
function recordUpdate(
  tenant: TenantDb,
  subject: Subject,
  values: Partial<Record<PrefillKey, string>>,
  now: string,
) {
  if (subject.type === 'lead') {
    if (subject.row.mergedInto)
      throw new AppError('conflict', 'This lead was merged into another; accept the answers there by hand');
    const next = { ...subject.row, ...values };
    return tenant.update(
      leads,
      {
        ...values,
        nameKey: nameKey(next.firstName, next.lastName),
        phoneKey: phoneKey(next.phone),
        updatedAt: now,
      },
      eq(leads.id, subject.id),
    );
  }
  const row = subject.row;
  const checked = checkPatientRow({
    firstName: values.firstName ?? row.firstName,
    lastName: values.lastName ?? row.lastName,
    dateOfBirth: values.dateOfBirth ?? row.dateOfBirth,
    roomNumber: row.roomNumber,
    sex: row.sex,
    mrn: row.mrn,
    email: values.email ?? row.email,
    phone: values.phone ?? row.phone,
    notes: row.notes,
    emergencyContactName: row.emergencyContactName,
    emergencyContactRelationship: row.emergencyContactRelationship,
    emergencyContactPhone: row.emergencyContactPhone,
  });
  if (!checked.value)
    throw new AppError(
      'validation_failed',
      checked.errors[0]!.issue,
      checked.errors.map((e) => ({ path: e.field, issue: e.issue })),
    );
  return tenant.update(
    patients,
    {
      firstName: checked.value.firstName,
      lastName: checked.value.lastName,
      nameKey: checked.value.nameKey,
      dateOfBirth: checked.value.dateOfBirth,
      email: checked.value.email,
      phone: checked.value.phone,
      phoneKey: checked.value.phoneKey,
      updatedAt: now,
    },
    eq(patients.id, subject.id),
  );
}
