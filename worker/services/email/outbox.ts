import { and, eq, inArray, lt, or } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { outboxMessages } from '../../../db/schema';
import { newId } from '../../lib/crypto';
import type { TenantDb } from '../../lib/tenant-db';
import { iso } from '../../lib/time';
import type { EmailAdapter, OutgoingEmail } from './email-adapters';

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
  for (const msg of pending) {
    const result = await adapter.send({
      to: msg.recipient,
      subject: msg.subject,
      text: msg.bodyText,
      html: msg.bodyHtml,
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
