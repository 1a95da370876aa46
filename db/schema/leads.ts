// Leads, their sources, pipeline, timeline, follow-ups, scoring and website form.
import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { createdAt } from './columns';
import { patients } from './patients';
import { memberships, organizations } from './tenancy';

export const leadSources = sqliteTable(
  'lead_sources',
  {
    id: text().primaryKey(),
    organizationId: text()
      .notNull()
      .references(() => organizations.id),
    name: text().notNull(),
    channel: text().notNull(),
    active: integer({ mode: 'boolean' }).notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('lead_sources_org_name').on(t.organizationId, t.name)],
);

export const pipelineStages = sqliteTable(
  'pipeline_stages',
  {
    id: text().primaryKey(),
    organizationId: text()
      .notNull()
      .references(() => organizations.id),
    name: text().notNull(),
    sortOrder: integer().notNull(),
    /** `open`, `won` or `lost`. */
    outcome: text().notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('pipeline_stages_org_name').on(t.organizationId, t.name),
    index('pipeline_stages_org_order').on(t.organizationId, t.sortOrder),
  ],
);

export const leads = sqliteTable(
  'leads',
  {
    id: text().primaryKey(),
    organizationId: text()
      .notNull()
      .references(() => organizations.id),
    firstName: text().notNull(),
    lastName: text().notNull(),
    email: text(),
    phone: text(),
    /** Digits only, for duplicate checks. */
    phoneKey: text(),
    nameKey: text().notNull(),
    dateOfBirth: text(),
    responsibleParty: text({ mode: 'json' }).$type<{
      name: string;
      relationship: string;
      email?: string;
      phone?: string;
    }>(),
    /**
     * The responsible party's email, kept by SQLite from the JSON above, so a
     * sibling's lead written with the parent's address is found as a duplicate.
     */
    responsiblePartyEmail: text().generatedAlwaysAs(sql`json_extract(responsible_party, '$.email')`, {
      mode: 'virtual',
    }),
    sourceId: text().references(() => leadSources.id),
    stageId: text()
      .notNull()
      .references(() => pipelineStages.id),
    stageEnteredAt: text().notNull(),
    coordinatorId: text().references(() => memberships.id),
    notes: text(),
    capture: text({ mode: 'json' }).$type<{
      url?: string;
      title?: string;
      capturedAt?: string;
      channel: string;
    }>(),
    patientId: text().references(() => patients.id),
    /** Set when this lead was merged into another; it then stays only for the record. */
    mergedInto: text(),
    createdBy: text().notNull(),
    createdAt: createdAt(),
    updatedAt: text().notNull(),
  },
  (t) => [
    // Newest first, keyset-paged on (created, id); the columns after them let the
    // analytics count a period from the index alone, without reading the rows.
    index('leads_org_created').on(
      t.organizationId,
      t.createdAt,
      t.id,
      t.stageId,
      t.sourceId,
      t.coordinatorId,
      t.patientId,
      t.mergedInto,
    ),
    index('leads_org_stage').on(t.organizationId, t.stageId, t.createdAt, t.id),
    index('leads_org_coordinator').on(t.organizationId, t.coordinatorId, t.createdAt, t.id),
    // Automation rules on a lead's source, among leads not merged away, walked in id
    // order as the evaluation pages them; a count reads this index alone.
    index('leads_org_source').on(t.organizationId, t.sourceId, t.mergedInto, t.id),
    index('leads_org_email').on(t.organizationId, t.email),
    index('leads_org_responsible_party_email').on(t.organizationId, t.responsiblePartyEmail),
    index('leads_org_phone').on(t.organizationId, t.phoneKey),
    index('leads_org_name').on(t.organizationId, t.nameKey),
  ],
);

/** The lead's timeline: calls, emails, notes, stage changes, assignments. */
export const leadActivities = sqliteTable(
  'lead_activities',
  {
    id: text().primaryKey(),
    organizationId: text()
      .notNull()
      .references(() => organizations.id),
    leadId: text()
      .notNull()
      .references(() => leads.id),
    kind: text().notNull(),
    text: text(),
    detail: text({ mode: 'json' }).$type<Record<string, unknown>>(),
    createdBy: text().notNull(),
    createdAt: createdAt(),
    /** The lead this entry came from when that lead was merged away: its stage moves leave the figures. */
    mergedFrom: text(),
  },
  (t) => [
    index('lead_activities_lead').on(t.leadId, t.createdAt),
    index('lead_activities_org_kind').on(t.organizationId, t.kind, t.createdAt),
  ],
);

/** A follow-up on a lead, with a due time; the cron notifies once per task and due time. */
export const leadTasks = sqliteTable(
  'lead_tasks',
  {
    id: text().primaryKey(),
    organizationId: text()
      .notNull()
      .references(() => organizations.id),
    leadId: text()
      .notNull()
      .references(() => leads.id),
    title: text().notNull(),
    dueAt: text().notNull(),
    doneAt: text(),
    /** The due time a reminder was sent for; a moved due time is reminded again. */
    notifiedFor: text(),
    createdBy: text().notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index('lead_tasks_due').on(t.doneAt, t.dueAt),
    // A lead's follow-ups, and the next open one of each lead on the board.
    index('lead_tasks_lead').on(t.leadId, t.doneAt, t.dueAt),
  ],
);

/** The organisation's lead scoring rules (defaults until an administrator edits them). */
export const leadScoringRules = sqliteTable('lead_scoring_rules', {
  organizationId: text()
    .primaryKey()
    .references(() => organizations.id),
  rules: text({ mode: 'json' }).$type<import('../../shared/lead-scoring').ScoringRules>().notNull(),
  updatedBy: text().notNull(),
  updatedAt: text().notNull(),
});

/**
 * The practice website's inquiry form (one per organisation): the unguessable
 * key in its public address and the websites allowed to post from a browser.
 */
export const leadFormSettings = sqliteTable('lead_form_settings', {
  organizationId: text()
    .primaryKey()
    .references(() => organizations.id),
  /** Not a secret (it sits in the website's HTML) but unguessable; rotating it retires the old address. */
  formKey: text().notNull().unique(),
  enabled: integer({ mode: 'boolean' }).notNull().default(false),
  /** Exact origins (`https://host[:port]`) that may post from a browser. */
  allowedOrigins: text({ mode: 'json' }).$type<string[]>().notNull(),
  updatedBy: text(),
  updatedAt: text().notNull(),
});
