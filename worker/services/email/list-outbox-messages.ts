import { desc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { outboxAttachments, outboxMessages } from '../../../db/schema';
import { fromBase64Url } from '../../lib/crypto';

export type OutboxFile = { id: string; fileName: string; contentType: string; size: number };
export type OutboxMessage = typeof outboxMessages.$inferSelect & { attachments: OutboxFile[] };

/** The local email adapter's latest messages with their files, newest first (the dev mailbox; not tenant data). */
export async function listOutboxMessages(db: Db): Promise<OutboxMessage[]> {
  const messages = await db.select().from(outboxMessages).orderBy(desc(outboxMessages.createdAt)).limit(100);
  const files = messages.length
    ? await db
        .select({
          id: outboxAttachments.id,
          messageId: outboxAttachments.messageId,
          fileName: outboxAttachments.fileName,
          contentType: outboxAttachments.contentType,
          size: outboxAttachments.size,
        })
        .from(outboxAttachments)
        .where(
          inArray(
            outboxAttachments.messageId,
            messages.map((m) => m.id),
          ),
        )
    : [];
  return messages.map((m) => ({
    ...m,
    attachments: files.filter((f) => f.messageId === m.id).map(({ messageId: _, ...f }) => f),
  }));
}

/** One attachment's bytes, for the dev mailbox's download link. */
export async function outboxAttachment(db: Db, id: string) {
  const [row] = await db.select().from(outboxAttachments).where(eq(outboxAttachments.id, id));
  return row
    ? { fileName: row.fileName, contentType: row.contentType, bytes: fromBase64Url(row.content) }
    : null;
}
