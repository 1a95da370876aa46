// Files of records requests, the links that carry them, every access to a link, the disclosures made and fees.
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { createdAt } from './columns';
import { patients } from './patients';
import { recordsRequests } from './records';
import { organizations } from './tenancy';

/** A file on a request: records to release, records received, or the signed authorization. */
export const recordsFiles = sqliteTable(
  'records_files',
  {
    id: text().primaryKey(),
    organizationId: text()
      .notNull()
      .references(() => organizations.id),
    requestId: text()
      .notNull()
      .references(() => recordsRequests.id),
    /** `release` (outgoing records), `received` (incoming records) or `authorization`. */
    kind: text().notNull(),
    fileName: text().notNull(),
    contentType: text().notNull(),
    sizeBytes: integer().notNull(),
    sha256: text().notNull(),
    storageKey: text().notNull(),
    /** The member who uploaded it, or null when the other provider did through an upload link. */
    uploadedBy: text(),
    uploadLinkId: text(),
    createdAt: createdAt(),
  },
  (t) => [index('records_files_request').on(t.organizationId, t.requestId, t.createdAt)],
);

/**
 * A link on the public edge: `download` (records sent, behind a one-time code)
 * or `upload` (a provider sends records in, once). Only hashes of its token,
 * its code and the recipient's grant are kept.
 */
export const recordsLinks = sqliteTable(
  'records_links',
  {
    id: text().primaryKey(),
    organizationId: text()
      .notNull()
      .references(() => organizations.id),
    requestId: text()
      .notNull()
      .references(() => recordsRequests.id),
    purpose: text().notNull(),
    tokenHash: text().notNull(),
    recipientEmail: text().notNull(),
    /** What the link carries (download links). */
    fileIds: text({ mode: 'json' }).$type<string[]>().notNull(),
    expiresAt: text().notNull(),
    maxDownloads: integer().notNull(),
    downloads: integer().notNull().default(0),
    codeHash: text(),
    codeExpiresAt: text(),
    codeFailures: integer().notNull().default(0),
    grantHash: text(),
    grantExpiresAt: text(),
    usedAt: text(),
    revokedAt: text(),
    revokedBy: text(),
    createdBy: text().notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('records_links_token').on(t.tokenHash),
    index('records_links_request').on(t.organizationId, t.requestId, t.createdAt),
  ],
);

/** Every view, code, download, upload and revocation of a link, with time and address. */
export const recordsLinkEvents = sqliteTable(
  'records_link_events',
  {
    id: text().primaryKey(),
    organizationId: text()
      .notNull()
      .references(() => organizations.id),
    linkId: text()
      .notNull()
      .references(() => recordsLinks.id),
    kind: text().notNull(),
    fileId: text(),
    ip: text(),
    userAgent: text(),
    createdAt: createdAt(),
  },
  (t) => [index('records_link_events_link').on(t.organizationId, t.linkId, t.createdAt)],
);

/** The accounting of disclosures: what was released about a patient, to whom, when and why. */
export const recordsDisclosures = sqliteTable(
  'records_disclosures',
  {
    id: text().primaryKey(),
    organizationId: text()
      .notNull()
      .references(() => organizations.id),
    patientId: text()
      .notNull()
      .references(() => patients.id),
    requestId: text()
      .notNull()
      .references(() => recordsRequests.id),
    releasedAt: text().notNull(),
    recipientName: text().notNull(),
    recipientOrganization: text(),
    recipientAddress: text(),
    /** The records released: their kinds, date range and files. */
    description: text().notNull(),
    purpose: text().notNull(),
    method: text().notNull(),
    toPatient: integer({ mode: 'boolean' }).notNull(),
    releasedBy: text().notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('records_disclosures_patient').on(t.organizationId, t.patientId, t.releasedAt, t.id)],
);

/** The fee of an outgoing request: how it was computed, any waiver, and whether it is paid. */
export const recordsFees = sqliteTable('records_fees', {
  requestId: text()
    .primaryKey()
    .references(() => recordsRequests.id),
  organizationId: text()
    .notNull()
    .references(() => organizations.id),
  /** The fee rule's id (shared/records/fees.ts). */
  ruleId: text().notNull(),
  input: text({ mode: 'json' }).$type<Record<string, unknown>>().notNull(),
  amountCents: integer().notNull(),
  /** Each step of the computation, in words, for the person approving. */
  lines: text({ mode: 'json' }).$type<{ label: string; cents: number }[]>().notNull(),
  citation: text().notNull(),
  waivedAt: text(),
  waiverReason: text(),
  paidAt: text(),
  updatedBy: text().notNull(),
  updatedAt: text().notNull(),
});
