// Letters to referring providers on the events of a referral, their templates,
// the referral's milestones that trigger them, and files attached to emails.
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { createdAt } from './columns';
import { outboxMessages } from './platform';
import { referrals, referringProviders } from './referrals';
import { organizations } from './tenancy';

/** An organisation's own text for a letter kind; without a row the built-in text is used. */
export const referralLetterTemplates = sqliteTable(
  'referral_letter_templates',
  {
    organizationId: text()
      .notNull()
      .references(() => organizations.id),
    kind: text().notNull(),
    subject: text().notNull(),
    body: text().notNull(),
    updatedBy: text().notNull(),
    updatedAt: text().notNull(),
  },
  (t) => [primaryKey({ columns: [t.organizationId, t.kind] })],
);

/** Letterhead, signature and the progress report interval; defaults until an administrator saves. */
export const referralLetterSettings = sqliteTable('referral_letter_settings', {
  organizationId: text()
    .primaryKey()
    .references(() => organizations.id),
  letterhead: text(),
  signature: text(),
  progressEveryMonths: integer().notNull(),
  updatedAt: text().notNull(),
});

/** What happened after an incoming referral: consultation, treatment start and completion. */
export const referralMilestones = sqliteTable(
  'referral_milestones',
  {
    referralId: text()
      .primaryKey()
      .references(() => referrals.id),
    organizationId: text()
      .notNull()
      .references(() => organizations.id),
    consultationDate: text(),
    /** `treatment_recommended`, `observation_recall` or `declined`. */
    consultationOutcome: text(),
    findings: text(),
    treatmentStartDate: text(),
    completedDate: text(),
    updatedAt: text().notNull(),
  },
  // The progress report job walks the referred patients in treatment.
  (t) => [index('referral_milestones_in_treatment').on(t.completedDate, t.treatmentStartDate)],
);

/**
 * A letter queued by an event of a referral. `event` names the event
 * (`thank_you`, `consultation`, `treatment_started`, `progress_<n>`,
 * `completed`); the unique key makes queueing insert-or-ignore, so a letter
 * is never queued twice for the same event. Subject and body are frozen when
 * it is sent.
 */
export const referralLetters = sqliteTable(
  'referral_letters',
  {
    id: text().primaryKey(),
    organizationId: text()
      .notNull()
      .references(() => organizations.id),
    referralId: text()
      .notNull()
      .references(() => referrals.id),
    providerId: text()
      .notNull()
      .references(() => referringProviders.id),
    event: text().notNull(),
    kind: text().notNull(),
    /** `queued` or `sent`. */
    status: text().notNull(),
    /** `email`, `fax` or `mail` once sent. */
    sentVia: text(),
    sentTo: text(),
    sentAt: text(),
    sentBy: text(),
    subject: text(),
    body: text(),
    outboxMessageId: text(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('referral_letters_event').on(t.organizationId, t.referralId, t.event),
    index('referral_letters_org_status').on(t.organizationId, t.status, t.createdAt, t.id),
    index('referral_letters_org_provider').on(t.organizationId, t.providerId, t.createdAt, t.id),
  ],
);

/** A file sent with an outbox email (a letter's PDF), kept until a day after delivery. */
export const outboxAttachments = sqliteTable(
  'outbox_attachments',
  {
    id: text().primaryKey(),
    organizationId: text().notNull(),
    messageId: text()
      .notNull()
      .references(() => outboxMessages.id),
    fileName: text().notNull(),
    contentType: text().notNull(),
    /** Base64: letters are a few kilobytes, far under D1's row limit. */
    content: text().notNull(),
    size: integer().notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('outbox_attachments_message').on(t.messageId)],
);
