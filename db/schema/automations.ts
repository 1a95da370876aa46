// Automation: cases and appointments synced from the practice's booking system,
// and when each location last synced.
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { createdAt } from './columns';
import { facilities } from './facilities';
import { leads } from './leads';
import { patients } from './patients';
import { organizations } from './tenancy';

/** A referral or authorization: a number of sessions and an amount that may be invoiced until it expires. */
export const cases = sqliteTable(
  'cases',
  {
    id: text().primaryKey(),
    organizationId: text()
      .notNull()
      .references(() => organizations.id),
    /** The booking system's id: what a repeated sync updates instead of duplicating. */
    externalId: text().notNull(),
    patientId: text()
      .notNull()
      .references(() => patients.id),
    /** The location (facility) the case is treated at. */
    facilityId: text()
      .notNull()
      .references(() => facilities.id),
    name: text().notNull(),
    /** `open` or `closed`. */
    status: text().notNull(),
    issueDate: text(),
    expiryDate: text(),
    maxSessions: integer(),
    /** Money in cents, so sums and differences are exact. */
    invoiceableCents: integer(),
    createdAt: createdAt(),
    updatedAt: text().notNull(),
  },
  (t) => [
    uniqueIndex('cases_org_external').on(t.organizationId, t.externalId),
    index('cases_org_created').on(t.organizationId, t.createdAt, t.id),
    index('cases_org_patient').on(t.organizationId, t.patientId),
    // Rule conditions on dates narrow by status and date first (e.g. "expires within 14 days").
    index('cases_org_status_expiry').on(t.organizationId, t.status, t.expiryDate),
    index('cases_org_facility_status').on(t.organizationId, t.facilityId, t.status),
  ],
);

/** A booked session (or a lead's consultation), synced by external id. */
export const appointments = sqliteTable(
  'appointments',
  {
    id: text().primaryKey(),
    organizationId: text()
      .notNull()
      .references(() => organizations.id),
    externalId: text().notNull(),
    patientId: text().references(() => patients.id),
    caseId: text().references(() => cases.id),
    leadId: text().references(() => leads.id),
    facilityId: text()
      .notNull()
      .references(() => facilities.id),
    startsAt: text().notNull(),
    endsAt: text().notNull(),
    type: text().notNull(),
    /** `booked`, `attended`, `cancelled` or `did_not_attend`. */
    status: text().notNull(),
    invoicedCents: integer().notNull().default(0),
    createdAt: createdAt(),
    updatedAt: text().notNull(),
  },
  (t) => [
    uniqueIndex('appointments_org_external').on(t.organizationId, t.externalId),
    index('appointments_org_starts').on(t.organizationId, t.startsAt, t.id),
    // Covers every case parameter's subquery: the case's rows by status and time, with the amount.
    index('appointments_case_params').on(t.caseId, t.status, t.endsAt, t.invoicedCents),
    index('appointments_org_patient').on(t.organizationId, t.patientId, t.startsAt),
    index('appointments_org_lead').on(t.organizationId, t.leadId, t.startsAt),
  ],
);

/** When each location last synced from the booking system, and how. */
export const bookingSyncs = sqliteTable(
  'booking_syncs',
  {
    id: text().primaryKey(),
    organizationId: text()
      .notNull()
      .references(() => organizations.id),
    facilityId: text()
      .notNull()
      .references(() => facilities.id),
    /** `api` or `import`. */
    via: text().notNull(),
    cases: integer().notNull(),
    appointments: integer().notNull(),
    syncedAt: text().notNull(),
  },
  (t) => [uniqueIndex('booking_syncs_org_facility').on(t.organizationId, t.facilityId)],
);

/** An email or SMS an automation sends, with merge fields; it belongs to one unsubscribe category. */
export const messageTemplates = sqliteTable(
  'message_templates',
  {
    id: text().primaryKey(),
    organizationId: text()
      .notNull()
      .references(() => organizations.id),
    name: text().notNull(),
    /** `email` or `sms`. */
    channel: text().notNull(),
    category: text().notNull(),
    /** Email only. */
    subject: text(),
    body: text().notNull(),
    createdBy: text().notNull(),
    createdAt: createdAt(),
    updatedAt: text().notNull(),
  },
  (t) => [uniqueIndex('message_templates_org_name').on(t.organizationId, t.name)],
);

/** An automation rule; its definition is the current version's. */
export const automationRules = sqliteTable(
  'automation_rules',
  {
    id: text().primaryKey(),
    organizationId: text()
      .notNull()
      .references(() => organizations.id),
    /** `draft`, `running` or `paused`. */
    status: text().notNull(),
    version: integer().notNull(),
    definition: text({ mode: 'json' }).notNull().$type<Record<string, unknown>>(),
    createdBy: text().notNull(),
    createdAt: createdAt(),
    updatedAt: text().notNull(),
  },
  (t) => [index('automation_rules_org_status').on(t.organizationId, t.status)],
);

/** Every version a rule ran with, so history can say which one acted. */
export const automationRuleVersions = sqliteTable(
  'automation_rule_versions',
  {
    id: text().primaryKey(),
    organizationId: text()
      .notNull()
      .references(() => organizations.id),
    ruleId: text()
      .notNull()
      .references(() => automationRules.id),
    version: integer().notNull(),
    definition: text({ mode: 'json' }).notNull().$type<Record<string, unknown>>(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('automation_rule_versions_rule').on(t.ruleId, t.version)],
);

/**
 * What a rule did: at most one row per (rule version, subject, occurrence),
 * written in the same batch as the message it queued (exactly once).
 */
export const automationRuns = sqliteTable(
  'automation_runs',
  {
    id: text().primaryKey(),
    organizationId: text()
      .notNull()
      .references(() => organizations.id),
    ruleId: text().notNull(),
    version: integer().notNull(),
    subjectId: text().notNull(),
    occurrence: text().notNull(),
    outboxMessageId: text(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('automation_runs_once').on(t.ruleId, t.version, t.subjectId, t.occurrence),
    index('automation_runs_org_rule').on(t.organizationId, t.ruleId, t.createdAt),
    index('automation_runs_org_subject').on(t.organizationId, t.subjectId, t.createdAt),
  ],
);

/** How an organisation's automations may send: its time zone, quiet hours and a daily cap per recipient. */
export const automationSettings = sqliteTable('automation_settings', {
  organizationId: text()
    .primaryKey()
    .references(() => organizations.id),
  /** The organisation's IANA time zone (quiet hours and the cap's day are local to it). */
  timeZone: text().notNull(),
  /** Minutes of the local day; equal start and end mean no quiet hours. */
  quietStartMinute: integer().notNull(),
  quietEndMinute: integer().notNull(),
  dailyCap: integer().notNull(),
  updatedAt: text().notNull(),
});

/** A recipient who asked for no more messages of one category (`all` after an SMS STOP). */
export const unsubscribes = sqliteTable(
  'unsubscribes',
  {
    id: text().primaryKey(),
    organizationId: text()
      .notNull()
      .references(() => organizations.id),
    /** `email` or `sms`. */
    channel: text().notNull(),
    /** A lower-case email address or an E.164 phone number. */
    address: text().notNull(),
    category: text().notNull(),
    /** `link`, `one_click` or `sms_stop`. */
    via: text().notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('unsubscribes_org_address').on(t.organizationId, t.channel, t.address, t.category)],
);

/** The unsubscribe link of one automation email: only the token's hash is kept. */
export const unsubscribeLinks = sqliteTable('unsubscribe_links', {
  tokenHash: text().primaryKey(),
  organizationId: text()
    .notNull()
    .references(() => organizations.id),
  channel: text().notNull(),
  address: text().notNull(),
  category: text().notNull(),
  createdAt: createdAt(),
});
