import { and, eq, getTableColumns, inArray, lt, or, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { outboxAttachments, outboxMessages } from '../../../db/schema';
import { newId } from '../../lib/crypto';
import type { TenantDb } from '../../lib/tenant-db';
import { iso } from '../../lib/time';
import type { EmailAdapter, EmailAttachment, OutgoingEmail } from './email-adapters';

const MAX_ATTEMPTS = 5;

/**
 * Emails are queued in the same batch as the change that causes them (an
 * invitation and its email land together or not at all), then delivered.
 */
function outboxRow(email: OutgoingEmail) {
  return {
    id: newId('msg'),
    channel: 'email',
    recipient: email.to,
    subject: email.subject,
    bodyText: email.text,
    bodyHtml: email.html ?? null,
    status: 'queued',
    provider: 'pending',
    createdAt: iso(),
  };
}

export function queueEmail(db: Db, email: OutgoingEmail & { organizationId: string | null }) {
  const row = { ...outboxRow(email), organizationId: email.organizationId };
  return { id: row.id, statement: db.insert(outboxMessages).values(row) };
}

/** An email of the signed-in organisation, queued through its TenantDb. */
export function queueTenantEmail(tenant: TenantDb, email: OutgoingEmail) {
  const row = outboxRow(email);
  return { id: row.id, statement: tenant.insert(outboxMessages, row) };
}

/**
 * An email of the organisation with a chosen id, queued only if `when` holds
 * as the statement runs (`INSERT … SELECT … WHERE when`): a batch can claim
 * work first and queue its email only if the claim took everything, so
 * overlapping runs send it once and a failed claim sends nothing.
 */
export function queueTenantEmailWhen(tenant: TenantDb, email: OutgoingEmail & { id: string }, when: SQL) {
  const row: Record<string, unknown> = {
    ...outboxRow(email),
    id: email.id,
    organizationId: tenant.organizationId,
    attempts: 0,
  };
  // Every column in the table's order, as `INSERT … SELECT` lists them.
  const values = Object.keys(getTableColumns(outboxMessages)).map((key) =>
    row[key] === undefined || row[key] === null ? sql`NULL` : sql`${row[key]}`,
  );
  return tenant.insertFromSelect(outboxMessages, sql`SELECT ${sql.join(values, sql`, `)} WHERE ${when}`);
}

/**
 * An email of the signed-in organisation with files (a letter's PDF): the
 * message and its attachments are statements for the caller's one batch.
 */
export function queueTenantEmailWithAttachments(tenant: TenantDb, email: OutgoingEmail) {
  const queued = queueTenantEmail(tenant, email);
  const files = (email.attachments ?? []).map((a) =>
    tenant.insert(outboxAttachments, {
      id: newId('att'),
      messageId: queued.id,
      fileName: a.fileName,
      contentType: a.contentType,
      content: a.content,
      size: atob(a.content).length,
      createdAt: iso(),
    }),
  );
  return { id: queued.id, statements: [queued.statement, ...files] };
}

async function attachmentsOf(db: Db, messageIds: string[]) {
  if (!messageIds.length) return new Map<string, EmailAttachment[]>();
  const rows = await db
    .select()
    .from(outboxAttachments)
    .where(inArray(outboxAttachments.messageId, messageIds));
  const out = new Map<string, EmailAttachment[]>();
  for (const r of rows)
    out.set(r.messageId, [
      ...(out.get(r.messageId) ?? []),
      { fileName: r.fileName, contentType: r.contentType, content: r.content },
    ]);
  return out;
}

/** Delivers the given messages, or every queued or failed one under the retry limit. */
export async function deliverOutbox(db: Db, adapter: EmailAdapter, ids?: string[]) {
  const pending = await db
    .select()
    .from(outboxMessages)
    .where(
      and(
        or(eq(outboxMessages.status, 'queued'), eq(outboxMessages.status, 'failed')),
        lt(outboxMessages.attempts, MAX_ATTEMPTS),
        ids ? inArray(outboxMessages.id, ids) : undefined,
      ),
    )
    .limit(50);
  const files = await attachmentsOf(
    db,
    pending.map((m) => m.id),
  );
  for (const msg of pending) {
    const result = await adapter.send({
      to: msg.recipient,
      subject: msg.subject,
      text: msg.bodyText,
      html: msg.bodyHtml,
      attachments: files.get(msg.id),
    });
    await db
      .update(outboxMessages)
      .set(
        result.ok
          ? {
              status: 'sent',
              provider: adapter.name,
              providerMessageId: result.providerMessageId,
              sentAt: iso(),
              attempts: msg.attempts + 1,
              lastError: null,
            }
          : { status: 'failed', provider: adapter.name, attempts: msg.attempts + 1, lastError: result.error },
      )
      .where(eq(outboxMessages.id, msg.id));
  }
  return pending.length;
}
