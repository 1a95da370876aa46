import { and, eq, type SQL } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import type { z } from 'zod';
import { intakeRequests } from '../../../db/schema';
import type { intakeRequestRenewSchema } from '../../../shared/schemas/intake-api';
import { AppError } from '../../lib/app-error';
import type { AuditLog } from '../../lib/audit-log';
import type { TenantDb } from '../../lib/tenant-db';
import { DAY, iso } from '../../lib/time';
import type { AuthContext } from '../auth/session-context';
import { formLink, newFormToken } from './form-token';
import { prefillAnswers } from './prefill';
import { effectiveStatus } from './request-status';
import { recipientFor, subjectFor, today, writeAndView } from './requests';
import { recordValues } from './subject';
import { latestVersion } from './templates';

/** Renewing: a new link and expiry on the same request; the old link stops working at once. */
export async function renewRequest(
  tenant: TenantDb,
  audit: AuditLog,
  auth: AuthContext,
  id: string,
  input: z.infer<typeof intakeRequestRenewSchema>,
  deps: { baseUrl: string; now?: number },
) {
  const now = deps.now ?? Date.now();
  const row = await tenant.get(intakeRequests, id, 'Intake request');
  const status = effectiveStatus(row, now);
  if (status === 'submitted')
    throw new AppError('conflict', 'This form was already submitted; send a new one if something changed');
  if (status === 'cancelled') throw new AppError('conflict', 'This form was cancelled; send a new one');
  const subject = await subjectFor(tenant, auth, {
    leadId: row.leadId ?? undefined,
    patientId: row.patientId ?? undefined,
  });
  // A newer version published since goes out with the new link; answers carry over by field id.
  const version = (await latestVersion(tenant, row.templateId))!;
  const delivery = input.delivery ?? (row.delivery as 'email' | 'link');
  const recipient =
    delivery === 'email' ? recipientFor(subject, input.email ?? row.recipientEmail ?? undefined, now) : null;
  // What the person already typed wins over the record: they were correcting it.
  const prefill = prefillAnswers(
    version.definition,
    recordValues(subject),
    { ...row.prefill, ...(row.draftAnswers ?? {}) },
    today(now),
    'earlier',
  );
  const { token, tokenHash } = await newFormToken();
  const expiresAt = iso(now + input.expiresInDays * DAY);
  const link = formLink(deps.baseUrl, token);
  const statements: BatchItem<'sqlite'>[] = [
    tenant.update(
      intakeRequests,
      {
        tokenHash,
        versionId: version.id,
        status: 'sent',
        delivery,
        recipientEmail: recipient,
        expiresAt,
        sentAt: iso(now),
        openedAt: null,
        startedAt: null,
        remindedAt: null,
        expiredAt: null,
        renewedAt: iso(now),
        renewals: row.renewals + 1,
        prefill,
        draftAnswers: null,
        draftSavedAt: null,
        updatedAt: iso(now),
      },
      and(eq(intakeRequests.id, id), eq(intakeRequests.tokenHash, row.tokenHash)) as SQL,
    ),
    audit.statement({
      action: 'update',
      entityType: 'intake_request',
      entityId: id,
      detail: { renewed: true, versionId: version.id, delivery, carriedOver: Object.keys(prefill) },
    }),
  ];
  const email = recipient
    ? { to: recipient, organizationName: auth.organization.name, firstName: subject.row.firstName }
    : null;
  return writeAndView(tenant, statements, { id, now, link, expiresAt, email });
}
