// Facilities, their contract history, facility-admin scoping and legal documents.
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { createdAt } from './columns';
import { memberships, organizations } from './tenancy';

export type FacilityFeatures = {
  ordering: boolean;
  emar: boolean;
  bubblePack: boolean;
  notes: boolean;
  tasks: boolean;
};
export type AddressVerification = { provider: string; verifiedAt: string; corrections: string[] };

export const facilities = sqliteTable(
  'facilities',
  {
    id: text().primaryKey(),
    organizationId: text()
      .notNull()
      .references(() => organizations.id),
    name: text().notNull(),
    /** Lower-cased, trimmed, inner spaces collapsed: what "the same name" means. */
    nameKey: text().notNull(),
    phone: text(),
    email: text(),
    website: text(),
    administratorName: text(),
    administratorEmail: text(),
    administratorPhone: text(),
    administratorInvitationId: text(),
    administratorMembershipId: text(),
    featureOrdering: integer({ mode: 'boolean' }).notNull().default(false),
    featureEmar: integer({ mode: 'boolean' }).notNull().default(false),
    featureBubblePack: integer({ mode: 'boolean' }).notNull().default(false),
    featureNotes: integer({ mode: 'boolean' }).notNull().default(false),
    featureTasks: integer({ mode: 'boolean' }).notNull().default(false),
    cycleStartDay: integer(),
    addressLine1: text().notNull(),
    addressLine2: text(),
    city: text().notNull(),
    state: text().notNull(),
    postalCode: text().notNull(),
    addressVerification: text({ mode: 'json' }).$type<AddressVerification>().notNull(),
    contractStatus: text().notNull().default('not_contracted'),
    serviceCategories: text({ mode: 'json' }).$type<string[]>().notNull(),
    createdBy: text().notNull(),
    createdAt: createdAt(),
    updatedAt: text().notNull(),
  },
  (t) => [
    uniqueIndex('facilities_org_name').on(t.organizationId, t.nameKey),
    index('facilities_org_created').on(t.organizationId, t.createdAt, t.id),
    // Automation rules on contract status, walked in id order as the evaluation pages them.
    index('facilities_org_contract').on(t.organizationId, t.contractStatus, t.id),
  ],
);

/** Every contract status change: who, when, from, to, why. */
export const facilityContractEvents = sqliteTable(
  'facility_contract_events',
  {
    id: text().primaryKey(),
    organizationId: text()
      .notNull()
      .references(() => organizations.id),
    facilityId: text()
      .notNull()
      .references(() => facilities.id),
    fromStatus: text(),
    toStatus: text().notNull(),
    note: text(),
    changedBy: text().notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('facility_contract_events_facility').on(t.facilityId, t.createdAt)],
);

/** Which facilities a `facility_admin` membership may see. */
export const membershipFacilities = sqliteTable(
  'membership_facilities',
  {
    organizationId: text()
      .notNull()
      .references(() => organizations.id),
    membershipId: text()
      .notNull()
      .references(() => memberships.id),
    facilityId: text()
      .notNull()
      .references(() => facilities.id),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.membershipId, t.facilityId] })],
);

/** Metadata of a file kept in R2; the bytes live under `storageKey`. */
export const facilityDocuments = sqliteTable(
  'facility_documents',
  {
    id: text().primaryKey(),
    organizationId: text()
      .notNull()
      .references(() => organizations.id),
    facilityId: text()
      .notNull()
      .references(() => facilities.id),
    kind: text().notNull(),
    fileName: text().notNull(),
    contentType: text().notNull(),
    sizeBytes: integer().notNull(),
    sha256: text().notNull(),
    storageKey: text().notNull(),
    uploadedBy: text().notNull(),
    createdAt: createdAt(),
    deletedAt: text(),
    deletedBy: text(),
  },
  (t) => [index('facility_documents_facility').on(t.facilityId, t.createdAt)],
);
