import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { z } from 'zod';
import { intakeRequests, intakeTemplates, recordsRequests } from '../../../db/schema';
import type { Answers } from '../../../shared/intake/definition';
import {
  AUTHORIZATION_FIELDS,
  AUTHORIZATION_TEMPLATE_NAME,
  recordsAuthorizationDefinition,
} from '../../../shared/intake/records-authorization-form';
import type { recordsAuthorizationFormSchema } from '../../../shared/schemas/records';
import { AppError } from '../../lib/app-error';
import type { AuditLog } from '../../lib/audit-log';
import type { TenantDb } from '../../lib/tenant-db';
import { iso } from '../../lib/time';
import type { AuthContext } from '../auth/session-context';
import { sendRequest } from '../intake/send-request';
import { createTemplate, latestVersion, publishTemplate, templateNameKey } from '../intake/templates';
import { isCheckable } from './check-authorization';
import { loadRequest, requestEvent, toRecordsRequest } from './records-requests';

type Row = typeof recordsRequests.$inferSelect;

/**
 * The organisation's authorization template, published: made from the
 * built-in definition the first time it is needed. A practice may edit it in
 * the form builder like any other; what it then leaves out is not ticked.
 */
async function authorizationTemplate(tenant: TenantDb, audit: AuditLog, userId: string) {
  const [found] = await tenant.select(
    intakeTemplates,
    and(
      eq(intakeTemplates.nameKey, templateNameKey(AUTHORIZATION_TEMPLATE_NAME)),
      isNull(intakeTemplates.archivedAt),
    ),
  );
  const templateId =
    found?.id ??
    (
      await createTemplate(tenant, audit, userId, {
        name: AUTHORIZATION_TEMPLATE_NAME,
        description: 'Built in: sent from a records request for the patient to sign online.',
        definition: recordsAuthorizationDefinition(),
      })
    ).id;
  if (!(await latestVersion(tenant, templateId))) await publishTemplate(tenant, audit, userId, templateId);
  return templateId;
}

/**
 * A new form replaces the one sent before: its link stops working (it would
 * be signed for nothing, as only the latest form's signature is attached).
 */
function replaced(tenant: TenantDb, audit: AuditLog, auth: AuthContext, formId: string | null, now: string) {
  if (!formId) return [];
  return [
    tenant.update(
      intakeRequests,
      { status: 'cancelled', cancelledAt: now, cancelledBy: auth.userId, updatedAt: now },
      and(
        eq(intakeRequests.id, formId),
        inArray(intakeRequests.status, ['sent', 'opened', 'in_progress', 'expired']),
      ),
    ),
    audit.statement({
      action: 'update',
      entityType: 'intake_request',
      entityId: formId,
      detail: { cancelled: true, replacedByNewAuthorizationForm: true },
    }),
  ];
}

/** What the request already says, for the person signing to confirm. */
function requestAnswers(row: Row, organizationName: string): Answers {
  const range =
    row.dateFrom || row.dateTo
      ? `, from ${row.dateFrom ?? 'the first visit'} to ${row.dateTo ?? 'today'}`
      : '';
  const recipient = [row.partyName, row.partyOrganization, row.partyAddress ?? row.partyEmail]
    .filter(Boolean)
    .join('\n');
  return {
    [AUTHORIZATION_FIELDS.discloser]: organizationName,
    [AUTHORIZATION_FIELDS.description]: `${row.recordTypes.join(', ')}${range}`,
    [AUTHORIZATION_FIELDS.recipient]: recipient,
    [AUTHORIZATION_FIELDS.purpose]: row.purpose,
  };
}

/**
 * Sends the authorization form for a third party's request to the patient
 * (to their responsible party when they are a minor) through the intake
 * engine: the intake request, the link emailed through the outbox or handed
 * back to copy, the records request pointing at it (the form sent before
 * cancelled), its timeline and the audit trail, in one batch. The signed form comes back through the intake
 * PDF (signed-authorization.ts).
 */
export async function sendAuthorizationForm(
  tenant: TenantDb,
  audit: AuditLog,
  auth: AuthContext,
  id: string,
  input: z.infer<typeof recordsAuthorizationFormSchema>,
  deps: { baseUrl: string },
) {
  const { request } = await loadRequest(tenant, id);
  if (request.direction !== 'outgoing' || request.requesterKind !== 'third_party')
    throw new AppError(
      'conflict',
      "The authorization form is for a request from someone other than the patient; a patient's own request needs their identity verified",
    );
  if (!isCheckable(request.status))
    throw new AppError('conflict', 'Only a request waiting for approval needs an authorization');
  const templateId = await authorizationTemplate(tenant, audit, auth.userId);
  const now = Date.now();
  const sent = await sendRequest(
    tenant,
    audit,
    auth,
    {
      templateId,
      ...(request.patientId ? { patientId: request.patientId } : { leadId: request.leadId! }),
      delivery: input.delivery,
      email: input.email,
      expiresInDays: input.expiresInDays,
    },
    {
      baseUrl: deps.baseUrl,
      now,
      startFrom: requestAnswers(request, auth.organization.name),
      with: (formId) => [
        ...replaced(tenant, audit, auth, request.authorizationFormId, iso(now)),
        tenant.update(
          recordsRequests,
          { authorizationFormId: formId, updatedAt: iso(now) },
          eq(recordsRequests.id, id),
        ),
        requestEvent(tenant, id, {
          kind: 'authorization_form',
          text: input.delivery === 'email' ? 'Emailed for signature' : 'Link made to copy',
          detail: { intakeRequestId: formId, delivery: input.delivery },
          createdBy: auth.userId,
          createdAt: iso(now),
        }),
        audit.statement({
          action: 'update',
          entityType: 'records_request',
          entityId: id,
          detail: { authorizationFormSent: formId, patientId: request.patientId },
        }),
      ],
    },
  );
  const row = await loadRequest(tenant, id);
  return {
    form: sent.request,
    request: toRecordsRequest(row.request, row.subjectName),
    messageIds: sent.messageIds,
  };
}
