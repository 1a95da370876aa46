// Checklist templates and each patient's copy of their items, with status history.
import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { createdAt } from './columns';
import { facilities } from './facilities';
import { patients } from './patients';
import { organizations } from './tenancy';

/** A checklist template: the organisation's default (no facility) or a facility's own. */
export const checklistTemplates = sqliteTable(
  'checklist_templates',
  {
    id: text().primaryKey(),
    organizationId: text()
      .notNull()
      .references(() => organizations.id),
    facilityId: text().references(() => facilities.id),
    name: text().notNull(),
    createdAt: createdAt(),
    updatedAt: text().notNull(),
  },
  (t) => [
    uniqueIndex('checklist_templates_org_facility').on(t.organizationId, t.facilityId),
    // SQLite treats NULLs as distinct: the organisation's default needs its own guard.
    uniqueIndex('checklist_templates_org_default').on(t.organizationId).where(sql`facility_id IS NULL`),
  ],
);

export const checklistTemplateItems = sqliteTable(
  'checklist_template_items',
  {
    id: text().primaryKey(),
    organizationId: text()
      .notNull()
      .references(() => organizations.id),
    templateId: text()
      .notNull()
      .references(() => checklistTemplates.id),
    title: text().notNull(),
    description: text(),
    kind: text().notNull(),
    required: integer({ mode: 'boolean' }).notNull(),
    sortOrder: integer().notNull(),
    removedAt: text(),
    /** "Intake form X submitted": a patient's copy of this item completes itself when they submit that form. */
    intakeTemplateId: text(),
    /**
     * `enrollment` items make up the onboarding checklist; `discharge` items are
     * the tasks a confirmed discharge adds to the patient's checklist.
     */
    appliesOn: text().notNull().default('enrollment'),
    createdAt: createdAt(),
  },
  (t) => [index('checklist_template_items_template').on(t.templateId, t.sortOrder, t.createdAt)],
);

/** A patient's own copy of a template item, with its completion. */
export const patientChecklistItems = sqliteTable(
  'patient_checklist_items',
  {
    id: text().primaryKey(),
    organizationId: text()
      .notNull()
      .references(() => organizations.id),
    patientId: text()
      .notNull()
      .references(() => patients.id),
    templateItemId: text(),
    title: text().notNull(),
    description: text(),
    kind: text().notNull(),
    required: integer({ mode: 'boolean' }).notNull(),
    sortOrder: integer().notNull(),
    doneAt: text(),
    doneBy: text(),
    note: text(),
    documentKey: text(),
    documentName: text(),
    evidence: text({ mode: 'json' }).$type<{
      url: string;
      title: string;
      capturedAt: string;
      textSha256: string;
    }>(),
    /** The template dropped this item before it was done; a done item is never removed. */
    removedAt: text(),
    updatedAt: text().notNull(),
  },
  (t) => [
    index('patient_checklist_items_patient').on(t.patientId, t.sortOrder),
    // Two first opens at once copy the template once.
    uniqueIndex('patient_checklist_items_template_item').on(t.patientId, t.templateItemId),
  ],
);

/** Every enrollment status change: from, to, when, why, by whom, and whether it was an override. */
export const patientStatusEvents = sqliteTable(
  'patient_status_events',
  {
    id: text().primaryKey(),
    organizationId: text()
      .notNull()
      .references(() => organizations.id),
    patientId: text()
      .notNull()
      .references(() => patients.id),
    fromStatus: text().notNull(),
    toStatus: text().notNull(),
    reason: text().notNull(),
    override: integer({ mode: 'boolean' }).notNull().default(false),
    changedBy: text().notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('patient_status_events_patient').on(t.patientId, t.createdAt)],
);
