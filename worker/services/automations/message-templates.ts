import { asc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { messageTemplates } from '../../../db/schema';
import { renderMergeFields, unknownMergeFields } from '../../../shared/automation/merge-fields';
import { smsLength } from '../../../shared/automation/sms-segments';
import type {
  MessageTemplate,
  messageTemplateCreateSchema,
  messageTemplateUpdateSchema,
  TemplatePreview,
  templatePreviewRequestSchema,
} from '../../../shared/schemas/message-templates';
import { AppError } from '../../lib/app-error';
import type { AuditLog } from '../../lib/audit-log';
import { newId } from '../../lib/crypto';
import type { TenantDb } from '../../lib/tenant-db';
import { iso } from '../../lib/time';
import type { AuthContext } from '../auth/session-context';
import { caseMergeValues } from './merge-values';

type Row = typeof messageTemplates.$inferSelect;
const toTemplate = (r: Row): MessageTemplate => ({
  id: r.id,
  name: r.name,
  channel: r.channel as MessageTemplate['channel'],
  category: r.category as MessageTemplate['category'],
  subject: r.subject,
  body: r.body,
  createdAt: r.createdAt,
  updatedAt: r.updatedAt,
});

export async function listMessageTemplates(tenant: TenantDb) {
  const rows = await tenant.select(messageTemplates).orderBy(asc(messageTemplates.name));
  return { items: rows.map(toTemplate) };
}

export async function getMessageTemplate(tenant: TenantDb, id: string) {
  return toTemplate(await tenant.get(messageTemplates, id, 'Message template'));
}

async function refuseTakenName(tenant: TenantDb, name: string, except?: string) {
  const [clash] = await tenant.select(messageTemplates, eq(messageTemplates.name, name)).limit(1);
  if (clash && clash.id !== except) throw new AppError('conflict', `A template is already named "${name}"`);
}

export async function createMessageTemplate(
  tenant: TenantDb,
  audit: AuditLog,
  auth: AuthContext,
  input: z.infer<typeof messageTemplateCreateSchema>,
) {
  await refuseTakenName(tenant, input.name);
  const id = newId('mtp');
  const now = iso();
  await tenant.batch([
    tenant.insert(messageTemplates, {
      id,
      ...input,
      // An SMS has no subject, whatever was sent.
      subject: input.channel === 'email' ? (input.subject ?? null) : null,
      createdBy: auth.userId,
      createdAt: now,
      updatedAt: now,
    }),
    audit.statement({ action: 'create', entityType: 'message_template', entityId: id }),
  ]);
  return getMessageTemplate(tenant, id);
}

export async function updateMessageTemplate(
  tenant: TenantDb,
  audit: AuditLog,
  id: string,
  input: z.infer<typeof messageTemplateUpdateSchema>,
) {
  const current = await tenant.get(messageTemplates, id, 'Message template');
  if (input.name) await refuseTakenName(tenant, input.name, id);
  const channel = input.channel ?? current.channel;
  const subject =
    channel === 'email' ? (input.subject === undefined ? current.subject : input.subject) : null;
  if (channel === 'email' && !subject)
    throw new AppError('validation_failed', 'An email needs a subject', [
      { path: 'subject', issue: 'required' },
    ]);
  await tenant.batch([
    tenant.update(messageTemplates, { ...input, subject, updatedAt: iso() }, eq(messageTemplates.id, id)),
    audit.statement({
      action: 'update',
      entityType: 'message_template',
      entityId: id,
      detail: { changed: Object.keys(input) },
    }),
  ]);
  return getMessageTemplate(tenant, id);
}

/** A draft rendered against a real case; unknown fields are named rather than refused, so the editor can show them. */
export async function previewMessageTemplate(
  tenant: TenantDb,
  audit: AuditLog,
  input: z.infer<typeof templatePreviewRequestSchema>,
): Promise<TemplatePreview> {
  const values = await caseMergeValues(tenant, input.caseId, iso());
  audit.record({
    action: 'read',
    entityType: 'case',
    entityId: input.caseId,
    detail: { for: 'template_preview' },
  });
  const subject = input.channel === 'email' ? renderMergeFields(input.subject ?? '', values) : null;
  const body = renderMergeFields(input.body, values);
  return {
    subject,
    body,
    unknownFields: [
      ...new Set([...unknownMergeFields(input.subject ?? ''), ...unknownMergeFields(input.body)]),
    ],
    sms: input.channel === 'sms' ? smsLength(body) : null,
  };
}
