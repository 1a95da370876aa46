import { and, eq } from 'drizzle-orm';
import { referralLetters } from '../../../db/schema';
import type { LetterKind } from '../../../shared/referral-letters';
import type { LetterDetail } from '../../../shared/schemas/referral-letters';
import { AppError } from '../../lib/app-error';
import type { AuditLog } from '../../lib/audit-log';
import { toBase64 } from '../../lib/crypto';
import type { TenantDb } from '../../lib/tenant-db';
import { iso } from '../../lib/time';
import type { AuthContext } from '../auth/session-context';
import { queueTenantEmailWithAttachments } from '../email/outbox';
import { letterRecord } from './letter-list';
import { renderLetterPdf } from './letter-pdf';
import { type LetterContext, letterContext, longDate, renderLetter } from './letter-values';

const today = () => iso().slice(0, 10);

/** The letter's text: as sent (frozen), or as it would go out today. */
async function letterText(tenant: TenantDb, id: string) {
  const { letter, row } = await letterRecord(tenant, id);
  const context = await letterContext(tenant, row.referralId, (row.sentAt ?? iso()).slice(0, 10));
  const text =
    row.subject !== null && row.body !== null
      ? { subject: row.subject, body: row.body }
      : await renderLetter(tenant, context, row.kind as LetterKind);
  return { letter, row, context, text };
}

export async function readLetter(tenant: TenantDb, audit: AuditLog, id: string): Promise<LetterDetail> {
  audit.record({ action: 'read', entityType: 'referral_letter', entityId: id });
  return letterDetail(tenant, id);
}

async function letterDetail(tenant: TenantDb, id: string): Promise<LetterDetail> {
  const { letter, text } = await letterText(tenant, id);
  return { ...letter, ...text };
}

/** Template text (saved or being edited) rendered against a real referral, for the editor. */
export async function previewLetter(
  tenant: TenantDb,
  audit: AuditLog,
  input: { referralId: string; kind: LetterKind; subject?: string; body?: string },
) {
  const context = await letterContext(tenant, input.referralId, today());
  audit.record({
    action: 'read',
    entityType: 'referral',
    entityId: input.referralId,
    detail: { letterPreview: input.kind },
  });
  return renderLetter(tenant, context, input.kind, input);
}

function recipientBlock(context: LetterContext) {
  const a = context.practice;
  return [
    context.values['referrer.name'] ?? '',
    a.name,
    a.addressLine1,
    ...(a.addressLine2 ? [a.addressLine2] : []),
    `${a.city}, ${a.state} ${a.postalCode}`,
  ];
}

function pdfOf(id: string, context: LetterContext, text: { subject: string; body: string }, day: string) {
  return renderLetterPdf({
    letterId: id,
    letterhead: context.settings.letterhead,
    date: longDate(day) ?? day,
    recipient: recipientBlock(context),
    subject: text.subject,
    body: text.body,
  });
}

/** The letter as a PDF for fax or mail; every download is audited as an export. */
export async function downloadLetterPdf(tenant: TenantDb, audit: AuditLog, id: string) {
  const { row, context, text } = await letterText(tenant, id);
  // Copied into its own ArrayBuffer, the body type a response takes.
  const bytes = new Uint8Array(await pdfOf(id, context, text, (row.sentAt ?? iso()).slice(0, 10)));
  audit.record({
    action: 'export',
    entityType: 'referral_letter',
    entityId: id,
    detail: { pdf: true, kind: row.kind, referralId: row.referralId },
  });
  return { bytes, fileName: `letter-${id}.pdf` };
}

/**
 * Sends a queued letter: by email through the outbox with the PDF attached
 * (the email itself says only who writes and that a letter is attached), or
 * records that the downloaded PDF went out by fax or mail. The text is frozen
 * as sent; the letter, its email and the audit event land in one batch.
 */
export async function sendLetter(
  tenant: TenantDb,
  audit: AuditLog,
  auth: AuthContext,
  id: string,
  via: 'email' | 'fax' | 'mail',
) {
  const { letter, row, context, text } = await letterText(tenant, id);
  if (row.status !== 'queued') throw new AppError('conflict', 'This letter was already sent');
  const day = today();
  const sentTo =
    via === 'email' ? letter.providerEmail : via === 'fax' ? context.practice.fax : context.practice.name;
  if (!sentTo)
    throw new AppError(
      'validation_failed',
      via === 'email'
        ? `${letter.providerName} has no email address; add one or send by fax or mail`
        : `${context.practice.name} has no fax number; add one or send by email or mail`,
      [{ path: 'via', issue: `no ${via === 'email' ? 'email address' : 'fax number'}` }],
    );
  const email =
    via === 'email'
      ? queueTenantEmailWithAttachments(tenant, {
          to: sentTo,
          subject: `A letter from ${context.values['practice.name']} about your referral`,
          text: [
            `${context.values['referrer.salutation']},`,
            '',
            `Please find attached a letter from ${context.values['practice.name']} about the patient you referred on ${context.values['referral.date']}.`,
            '',
            context.settings.signature,
          ].join('\n'),
          attachments: [
            {
              fileName: `letter-${id}.pdf`,
              contentType: 'application/pdf',
              content: toBase64(await pdfOf(id, context, text, day)),
            },
          ],
        })
      : null;
  const now = iso();
  await tenant.batch([
    tenant.update(
      referralLetters,
      {
        status: 'sent',
        sentVia: via,
        sentTo,
        sentAt: now,
        sentBy: auth.userId,
        subject: text.subject,
        body: text.body,
        outboxMessageId: email?.id ?? null,
      },
      and(eq(referralLetters.id, id), eq(referralLetters.status, 'queued')),
    ),
    ...(email?.statements ?? []),
    audit.statement({
      action: 'export',
      entityType: 'referral_letter',
      entityId: id,
      detail: { sent: via, kind: row.kind, referralId: row.referralId, providerId: row.providerId },
    }),
  ]);
  return { letter: await letterDetail(tenant, id), outboxId: email?.id ?? null };
}
