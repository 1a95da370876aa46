import { and, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import type { z } from 'zod';
import {
  intakeRequests,
  intakeSubmissions,
  intakeTemplates,
  intakeTemplateVersions,
  leads,
} from '../../../db/schema';
import type { Answers } from '../../../shared/intake/definition';
import type { intakeRequestListQuerySchema } from '../../../shared/schemas/intake-api';
import { AppError } from '../../lib/app-error';
import type { AuditLog } from '../../lib/audit-log';
import { afterCursor, decodeCursor, pageFrom } from '../../lib/cursor';
import type { TenantDb } from '../../lib/tenant-db';
import { iso } from '../../lib/time';
import type { AuthContext } from '../auth/session-context';
import { queueTenantEmail } from '../email/outbox';
import { visiblePatient } from '../patients/patient-access';
import { intakeRequestEmail } from './request-emails';
import { effectiveStatus, outstanding, statusIs } from './request-status';
import { defaultRecipient, isSubjectMinor, loadSubject, ownEmail, type Subject, subjectRef } from './subject';

export type RequestRow = typeof intakeRequests.$inferSelect;
export type ViewRow = {
  request: RequestRow;
  templateName: string;
  version: number;
  submissionId: string | null;
};

export const today = (now: number) => iso(now).slice(0, 10);

export function toRequest({ request: r, templateName, version, submissionId }: ViewRow, now = Date.now()) {
  return {
    id: r.id,
    templateId: r.templateId,
    templateName,
    versionId: r.versionId,
    version,
    leadId: r.leadId,
    patientId: r.patientId,
    delivery: r.delivery as 'email' | 'link',
    recipientEmail: r.recipientEmail,
    status: effectiveStatus(r, now),
    expiresAt: r.expiresAt,
    sentAt: r.sentAt,
    openedAt: r.openedAt,
    startedAt: r.startedAt,
    submittedAt: r.submittedAt,
    submissionId,
    remindedAt: r.remindedAt,
    cancelledAt: r.cancelledAt,
    renewedAt: r.renewedAt,
    renewals: r.renewals,
    hasDraft: !!r.draftAnswers && Object.keys(r.draftAnswers).length > 0,
    createdBy: r.createdBy,
    createdAt: r.createdAt,
  };
}

/** Requests with their template's name, pinned version number and submission, scoped to the tenant. */
function requestViews(tenant: TenantDb, where?: SQL) {
  return tenant.join(
    {
      request: intakeRequests,
      templateName: intakeTemplates.name,
      version: intakeTemplateVersions.version,
      // Typed here: the left join may find no submission.
      submissionId: sql<string | null>`${intakeSubmissions.id}`,
    },
    intakeRequests,
    [
      { table: intakeTemplates, on: eq(intakeTemplates.id, intakeRequests.templateId) },
      { table: intakeTemplateVersions, on: eq(intakeTemplateVersions.id, intakeRequests.versionId) },
      { table: intakeSubmissions, on: eq(intakeSubmissions.requestId, intakeRequests.id), left: true },
    ],
    where,
  );
}

export async function requestView(tenant: TenantDb, id: string, now = Date.now()) {
  const [row] = await requestViews(tenant, eq(intakeRequests.id, id)).limit(1);
  if (!row) throw new AppError('not_found', 'Intake request not found');
  return toRequest(row, now);
}

/** The lead or patient a form goes to: visible to the caller, and a lead that was not merged away. */
export async function subjectFor(
  tenant: TenantDb,
  _auth: AuthContext,
  ref: { leadId?: string; patientId?: string },
) {
  if (ref.leadId) {
    const lead = await tenant.get(leads, ref.leadId, 'Lead');
    if (lead.mergedInto)
      throw new AppError('conflict', 'This lead was merged into another; send the form to that lead');
  } else if (ref.patientId) {
    await visiblePatient(tenant, ref.patientId);
  }
  const subject = await loadSubject(tenant, { leadId: ref.leadId ?? null, patientId: ref.patientId ?? null });
  if (!subject) throw new AppError('not_found', 'Record not found');
  return subject;
}

export function recipientFor(subject: Subject, given: string | undefined, now: number) {
  const minor = isSubjectMinor(subject, today(now));
  const own = ownEmail(subject);
  if (minor && given && given === own && given !== defaultRecipient(subject, today(now)))
    throw new AppError(
      'validation_failed',
      "This person is under 18: forms go to their parent or guardian, not to the patient's own address",
      [{ path: 'email', issue: "a minor's own address" }],
    );
  const to = given ?? defaultRecipient(subject, today(now));
  if (!to)
    throw new AppError(
      'conflict',
      minor
        ? 'This patient is under 18 and their parent or guardian has no email address on file; give theirs, or copy the link instead'
        : 'There is no email address for this person; give one, or copy the link instead',
      [{ path: 'email', issue: minor ? 'no responsible party email' : 'no email address on the record' }],
    );
  return to;
}

/** The answers of this person's latest submission of this form: a renewal's form starts from them. */
export async function previousAnswers(
  tenant: TenantDb,
  templateId: string,
  subject: Subject,
): Promise<Answers | null> {
  const ref = subjectRef(subject);
  const [row] = await tenant
    .select(
      intakeSubmissions,
      and(
        eq(intakeSubmissions.templateId, templateId),
        ref.leadId
          ? eq(intakeSubmissions.leadId, ref.leadId)
          : eq(intakeSubmissions.patientId, ref.patientId!),
      ),
    )
    .orderBy(desc(intakeSubmissions.submittedAt))
    .limit(1);
  return row?.answers ?? null;
}

/**
 * The end of sending and of renewing: the writes, and the email with the link
 * when it goes by email, in one batch; then the request as staff see it, with
 * the link this one time.
 */
export async function writeAndView(
  tenant: TenantDb,
  statements: BatchItem<'sqlite'>[],
  send: {
    id: string;
    now: number;
    link: string;
    expiresAt: string;
    email: { to: string; organizationName: string; firstName: string } | null;
  },
) {
  const messageIds: string[] = [];
  if (send.email) {
    const message = queueTenantEmail(tenant, {
      ...intakeRequestEmail({ ...send.email, link: send.link, expiresAt: send.expiresAt }),
    });
    statements.push(message.statement);
    messageIds.push(message.id);
  }
  await tenant.batch(statements);
  return { request: { ...(await requestView(tenant, send.id, send.now)), link: send.link }, messageIds };
}

export async function cancelRequest(tenant: TenantDb, audit: AuditLog, auth: AuthContext, id: string) {
  const row = await tenant.get(intakeRequests, id, 'Intake request');
  if (row.status === 'submitted') throw new AppError('conflict', 'This form was already submitted');
  if (row.status === 'cancelled') throw new AppError('conflict', 'This form is already cancelled');
  const now = iso();
  await tenant.batch([
    tenant.update(
      intakeRequests,
      { status: 'cancelled', cancelledAt: now, cancelledBy: auth.userId, updatedAt: now },
      and(
        eq(intakeRequests.id, id),
        inArray(intakeRequests.status, ['sent', 'opened', 'in_progress', 'expired']),
      ) as SQL,
    ),
    audit.statement({
      action: 'update',
      entityType: 'intake_request',
      entityId: id,
      detail: { cancelled: true },
    }),
  ]);
  return requestView(tenant, id);
}

export async function getRequest(tenant: TenantDb, audit: AuditLog, id: string) {
  const view = await requestView(tenant, id);
  audit.record({ action: 'read', entityType: 'intake_request', entityId: id });
  return view;
}

export async function listRequests(
  tenant: TenantDb,
  audit: AuditLog,
  query: z.infer<typeof intakeRequestListQuerySchema>,
) {
  const now = Date.now();
  const rows = await requestViews(
    tenant,
    and(
      query.status ? statusIs(query.status, now) : undefined,
      query.outstanding ? outstanding(query.outstanding === 'true') : undefined,
      query.leadId ? eq(intakeRequests.leadId, query.leadId) : undefined,
      query.patientId ? eq(intakeRequests.patientId, query.patientId) : undefined,
      query.templateId ? eq(intakeRequests.templateId, query.templateId) : undefined,
      afterCursor(intakeRequests.createdAt, intakeRequests.id, decodeCursor(query.cursor)),
    ),
  )
    .orderBy(desc(intakeRequests.createdAt), desc(intakeRequests.id))
    .limit(query.limit + 1);
  const page = pageFrom(
    rows.map((r) => ({ ...r, id: r.request.id })),
    query.limit,
    (r) => r.request.createdAt,
  );
  const items = page.items.map((r) => toRequest(r, now));
  audit.record({
    action: 'list',
    entityType: 'intake_request',
    detail: { count: items.length, requestIds: items.map((r) => r.id) },
  });
  return { items, nextCursor: page.nextCursor };
}
