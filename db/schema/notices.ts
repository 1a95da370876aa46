// Notices waiting to go out together: one digest email per recipient every few minutes.
import { index, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { createdAt } from './columns';
import { organizations } from './tenancy';

/** One line of a future digest ("A resident of Maple Court is now enrolled"), claimed by the digest that sends it. */
export const noticeDigestItems = sqliteTable(
  'notice_digest_items',
  {
    id: text().primaryKey(),
    organizationId: text()
      .notNull()
      .references(() => organizations.id),
    recipient: text().notNull(),
    /** What kind of notice, for the subject (`enrolled`). */
    kind: text().notNull(),
    line: text().notNull(),
    createdAt: createdAt(),
    /** The outbox message that carried it; null while waiting. */
    digestMessageId: text(),
  },
  (t) => [
    // The flush walks waiting items by organisation and recipient, oldest first.
    index('notice_digest_items_waiting').on(t.digestMessageId, t.organizationId, t.recipient, t.createdAt),
  ],
);
