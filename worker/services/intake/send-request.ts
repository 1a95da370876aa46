import type { BatchItem } from 'drizzle-orm/batch';
import type { z } from 'zod';
import { intakeRequests, intakeTemplates } from '../../../db/schema';
import type { Answers } from '../../../shared/intake/definition';
import type { intakeRequestCreateSchema } from '../../../shared/schemas/intake-api';
import { AppError } from '../../lib/app-error';
import type { AuditLog } from '../../lib/audit-log';
import { newId } from '../../lib/crypto';
import type { TenantDb } from '../../lib/tenant-db';
import { DAY, iso } from '../../lib/time';
import type { AuthContext } from '../auth/session-context';
import { formLink, newFormToken } from './form-token';
import { prefillAnswers } from './prefill';
import { previousAnswers, recipientFor, subjectFor, today, writeAndView } from './requests';
import { recordValues, subjectRef } from './subject';
import { latestVersion } from './templates';

/**
 * Sends a template's latest published version to a lead or a patient: a new
 * link (token stored hashed), what the record already says pre-filled, and
 * the link emailed through the outbox or handed back to copy. The link is in
 * this answer only.
 */
export async function sendRequest(
  tenant: TenantDb,
  audit: AuditLog,
  auth: AuthContext,
  input: z.infer<typeof intakeRequestCreateSchema>,
  deps: {
    baseUrl: string;
    now?: number;
    /** Answers the form starts from instead of this person's previous submission (a records request's details). */
    startFrom?: Answers;
    /** The caller's own writes, in the same batch as the request's (given its id). */
    with?: (requestId: string) => BatchItem<'sqlite'>[];
  },
) {
  const now = deps.now ?? Date.now();
  const template = await tenant.get(intakeTemplates, input.templateId, 'Intake template');
  if (template.archivedAt)
    throw new AppError('conflict', `"${template.name}" is archived and cannot be sent`);
  const version = await latestVersion(tenant, template.id);
  if (!version)
    throw new AppError('conflict', `Publish "${template.name}" before sending it`, [
      { path: 'templateId', issue: 'no published version' },
    ]);
  const subject = await subjectFor(tenant, auth, input);
  const recipient = input.delivery === 'email' ? recipientFor(subject, input.email, now) : null;
  const prefill = prefillAnswers(
    version.definition,
    recordValues(subject),
    deps.startFrom ?? (await previousAnswers(tenant, template.id, subject)),
    today(now),
    'record',
  );
  const { token, tokenHash } = await newFormToken();
  const id = newId('irq');
  const expiresAt = iso(now + input.expiresInDays * DAY);
  const link = formLink(deps.baseUrl, token);
  const statements: BatchItem<'sqlite'>[] = [
    tenant.insert(intakeRequests, {
      id,
      templateId: template.id,
      versionId: version.id,
      ...subjectRef(subject),
      delivery: input.delivery,
      recipientEmail: recipient,
      tokenHash,
      status: 'sent',
      expiresAt,
      sentAt: iso(now),
      prefill,
      createdBy: auth.userId,
      createdAt: iso(now),
      updatedAt: iso(now),
    }),
    audit.statement({
      action: 'create',
      entityType: 'intake_request',
      entityId: id,
      detail: {
        templateId: template.id,
        versionId: version.id,
        ...subjectRef(subject),
        delivery: input.delivery,
        prefilled: Object.keys(prefill),
      },
    }),
    ...(deps.with?.(id) ?? []),
  ];
  const email = recipient
    ? { to: recipient, organizationName: auth.organization.name, firstName: subject.row.firstName }
    : null;
  return writeAndView(tenant, statements, { id, now, link, expiresAt, email });
}
