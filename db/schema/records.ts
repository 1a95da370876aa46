// Records requests (both directions), their timelines and the organisation's deadline settings.
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import type { AuthorizationCheck } from '../../shared/records/authorization';
import type { DeadlineRule, DueDecision } from '../../shared/records/deadline-rules';
import { createdAt } from './columns';
import { leads } from './leads';
import { patients } from './patients';
import { memberships, organizations } from './tenancy';

export const recordsRequests = sqliteTable(
  'records_requests',
  {
    id: text().primaryKey(),
    organizationId: text()
      .notNull()
      .references(() => organizations.id),
    /** `outgoing` (someone asks the practice) or `incoming` (the practice asks a previous provider). */
    direction: text().notNull(),
    patientId: text().references(() => patients.id),
    leadId: text().references(() => leads.id),
    /** `patient` (right of access) or `third_party`. */
    requesterKind: text().notNull(),
    /** Who asks (outgoing) or holds the records (incoming). */
    partyName: text().notNull(),
    partyOrganization: text(),
    partyEmail: text(),
    partyPhone: text(),
    partyFax: text(),
    partyAddress: text(),
    /** The referring-provider directory's entry, when there is one; its foreign key is wired when that directory lands. */
    referringProviderId: text(),
    recordTypes: text({ mode: 'json' }).$type<string[]>().notNull(),
    dateFrom: text(),
    dateTo: text(),
    /** `copies` or `inspection`. */
    accessKind: text().notNull(),
    purpose: text().notNull(),
    receivedVia: text().notNull(),
    deliveryMethod: text().notNull(),
    trackingNumber: text(),
    faxNumber: text(),
    receivedOn: text().notNull(),
    dueOn: text().notNull(),
    dueRule: text({ mode: 'json' }).$type<DueDecision['rule']>().notNull(),
    extendedAt: text(),
    extensionReason: text(),
    status: text().notNull(),
    /** Open requests are on the compliance board; closing one stops its clock. */
    open: integer({ mode: 'boolean' }).notNull(),
    /** What is missing (on hold), why it was denied or withdrawn. */
    statusReason: text(),
    /** The identity check (patient's own request) or the authorization's elements (anyone else). */
    authorization: text({ mode: 'json' }).$type<AuthorizationCheck>(),
    /** Psychotherapy notes and other specially protected records need their own authorization. */
    protectedRecords: integer({ mode: 'boolean' }).notNull().default(false),
    /** The signed authorization document on file (a `records_files` row): uploaded, or signed online. */
    authorizationFileId: text(),
    /** The separate signed authorization that protected records need. */
    protectedAuthorizationFileId: text(),
    /** The intake request of the latest authorization form sent to sign online (its signed copy is attached). */
    authorizationFormId: text(),
    assigneeId: text().references(() => memberships.id),
    notes: text(),
    /** Escalations the cron sent, once each. */
    halfwayNotifiedAt: text(),
    eightyNotifiedAt: text(),
    overdueNotifiedAt: text(),
    closedAt: text(),
    createdBy: text().notNull(),
    createdAt: createdAt(),
    updatedAt: text().notNull(),
  },
  (t) => [
    index('records_requests_org_open_due').on(t.organizationId, t.open, t.dueOn, t.id),
    index('records_requests_org_status_due').on(t.organizationId, t.status, t.dueOn, t.id),
    index('records_requests_org_patient_due').on(t.organizationId, t.patientId, t.dueOn, t.id),
    index('records_requests_org_received').on(t.organizationId, t.receivedOn),
    index('records_requests_open_due').on(t.open, t.dueOn),
    // A signed form's submission finds the request that sent it.
    index('records_requests_org_authorization_form').on(t.organizationId, t.authorizationFormId),
  ],
);

/** The request's timeline: creation, every status move, extension and escalation. */
export const recordsRequestEvents = sqliteTable(
  'records_request_events',
  {
    id: text().primaryKey(),
    organizationId: text()
      .notNull()
      .references(() => organizations.id),
    requestId: text()
      .notNull()
      .references(() => recordsRequests.id),
    kind: text().notNull(),
    fromStatus: text(),
    toStatus: text(),
    text: text(),
    detail: text({ mode: 'json' }).$type<Record<string, unknown>>(),
    createdBy: text(),
    createdAt: createdAt(),
  },
  (t) => [index('records_request_events_request').on(t.requestId, t.createdAt)],
);

/** The organisation's states and its own tighter deadline rules (defaults until an administrator edits them). */
export const recordsSettings = sqliteTable('records_settings', {
  organizationId: text()
    .primaryKey()
    .references(() => organizations.id),
  states: text({ mode: 'json' }).$type<string[]>().notNull(),
  customRules: text({ mode: 'json' }).$type<DeadlineRule[]>().notNull(),
  thirdPartyDays: integer().notNull(),
  followUpDays: integer().notNull(),
  updatedBy: text().notNull(),
  updatedAt: text().notNull(),
});
