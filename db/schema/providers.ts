// Providers and the assignment history of patients to them.
import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { createdAt } from './columns';
import { patients } from './patients';
import { memberships, organizations } from './tenancy';

/** A clinician patients are assigned to: a staff member with the provider role, or an outside provider. */
export const providers = sqliteTable(
  'providers',
  {
    id: text().primaryKey(),
    organizationId: text()
      .notNull()
      .references(() => organizations.id),
    membershipId: text().references(() => memberships.id),
    name: text().notNull(),
    credentials: text(),
    npi: text(),
    specialty: text(),
    email: text(),
    phone: text(),
    capacity: integer().notNull(),
    active: integer({ mode: 'boolean' }).notNull().default(true),
    createdAt: createdAt(),
    updatedAt: text().notNull(),
  },
  (t) => [
    uniqueIndex('providers_org_npi').on(t.organizationId, t.npi),
    index('providers_org_name').on(t.organizationId, t.name),
  ],
);

/** Who a patient is assigned to, over time: the open row is the current assignment. */
export const assignments = sqliteTable(
  'assignments',
  {
    id: text().primaryKey(),
    organizationId: text()
      .notNull()
      .references(() => organizations.id),
    patientId: text()
      .notNull()
      .references(() => patients.id),
    providerId: text()
      .notNull()
      .references(() => providers.id),
    assignedAt: text().notNull(),
    assignedBy: text().notNull(),
    endedAt: text(),
    endedBy: text(),
    /** `reassigned` or `unassigned`. */
    endReason: text(),
  },
  (t) => [
    index('assignments_patient').on(t.patientId, t.assignedAt),
    index('assignments_provider_open').on(t.providerId, t.endedAt),
    // Open assignments per provider (the providers list's loads) without reading the history.
    index('assignments_org_open').on(t.organizationId, t.endedAt, t.providerId),
    // At most one current assignment per patient.
    uniqueIndex('assignments_one_open').on(t.patientId).where(sql`ended_at IS NULL`),
  ],
);
