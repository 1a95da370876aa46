// Cross-cutting tables: the audit log, the outbox and idempotency keys.
import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { createdAt } from './columns';

/** Append-only: triggers in the migration refuse UPDATE and DELETE. */
export const auditEvents = sqliteTable(
  'audit_events',
  {
    id: text().primaryKey(),
    // Null only for events with no tenant yet (a failed login for an unknown address).
    organizationId: text(),
    actorUserId: text(),
    action: text().notNull(),
    entityType: text().notNull(),
    entityId: text(),
    outcome: text().notNull(),
    ip: text(),
    userAgent: text(),
    requestId: text(),
    // Machine-readable context (ids, field names), never names or dates of birth.
    detail: text({ mode: 'json' }).$type<Record<string, unknown>>(),
    createdAt: createdAt(),
  },
  (t) => [
    index('audit_org_time').on(t.organizationId, t.createdAt, t.id),
    index('audit_org_type').on(t.organizationId, t.entityType, t.createdAt, t.id),
    index('audit_org_entity').on(t.organizationId, t.entityType, t.entityId, t.createdAt, t.id),
    index('audit_org_actor').on(t.organizationId, t.actorUserId, t.createdAt, t.id),
  ],
);

export const outboxMessages = sqliteTable(
  'outbox_messages',
  {
    id: text().primaryKey(),
    organizationId: text(),
    channel: text().notNull(),
    recipient: text().notNull(),
    subject: text().notNull(),
    bodyText: text().notNull(),
    bodyHtml: text(),
    status: text().notNull(),
    provider: text().notNull(),
    providerMessageId: text(),
    attempts: integer().notNull().default(0),
    lastError: text(),
    createdAt: createdAt(),
    sentAt: text(),
    /** When a queue consumer last took the message to send it (automation sends; see automations/consume-sends.ts). */
    claimedAt: text(),
    /** An automation send held back (quiet hours, the daily cap, a retry's backoff) until this time. */
    notBefore: text(),
    /** An automation message's unsubscribe category (message-templates.ts); null for the app's own mail. */
    category: text(),
    /** Extra email headers (List-Unsubscribe), as JSON. */
    headers: text({ mode: 'json' }).$type<Record<string, string>>(),
  },
  (t) => [
    index('outbox_status').on(t.status, t.createdAt),
    // An automation recipient's sends of one day (the daily cap), per organisation.
    index('outbox_org_recipient_claimed').on(t.organizationId, t.recipient, t.claimedAt),
  ],
);

/** The first answer to a create or commit, replayed for a retry with the same key. */
export const idempotencyKeys = sqliteTable(
  'idempotency_keys',
  {
    organizationId: text().notNull(),
    userId: text().notNull(),
    key: text().notNull(),
    requestHash: text().notNull(),
    statusCode: integer().notNull(),
    responseBody: text().notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.organizationId, t.userId, t.key] })],
);
