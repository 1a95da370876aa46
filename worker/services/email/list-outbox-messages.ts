import { desc } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { outboxMessages } from '../../../db/schema';

export type OutboxMessage = typeof outboxMessages.$inferSelect;

/** The local email adapter's latest messages, newest first (the dev mailbox; not tenant data). */
export function listOutboxMessages(db: Db): Promise<OutboxMessage[]> {
  return db.select().from(outboxMessages).orderBy(desc(outboxMessages.createdAt)).limit(100);
}
