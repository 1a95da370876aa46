// Referrals: the referring-provider directory, their practices and the
// referrals in both directions (incoming from a referrer, outgoing to a specialist).
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { createdAt } from './columns';
import type { AddressVerification } from './facilities';
import { leads } from './leads';
import { patients } from './patients';
import { organizations } from './tenancy';

/** A dental practice; several referring providers can work at one. */
export const referralPractices = sqliteTable(
  'referral_practices',
  {
    id: text().primaryKey(),
    organizationId: text()
      .notNull()
      .references(() => organizations.id),
    name: text().notNull(),
    /** Lower-cased, accents and spacing ignored: what "the same practice" means and what search matches. */
    nameKey: text().notNull(),
    addressLine1: text().notNull(),
    addressLine2: text(),
    city: text().notNull(),
    state: text().notNull(),
    postalCode: text().notNull(),
    addressVerification: text({ mode: 'json' }).$type<AddressVerification>().notNull(),
    phone: text(),
    fax: text(),
    email: text(),
    website: text(),
    createdAt: createdAt(),
    updatedAt: text().notNull(),
  },
  (t) => [index('referral_practices_org_name').on(t.organizationId, t.nameKey)],
);

/**
 * A referring (or specialist) provider. The practice's name and city keys are
 * copied here so one index per search field serves the directory's prefix
 * search and its name-ordered keyset pages.
 */
export const referringProviders = sqliteTable(
  'referring_providers',
  {
    id: text().primaryKey(),
    organizationId: text()
      .notNull()
      .references(() => organizations.id),
    practiceId: text()
      .notNull()
      .references(() => referralPractices.id),
    firstName: text().notNull(),
    lastName: text().notNull(),
    /** "last first", normalised: the directory's sort key and name search. */
    nameKey: text().notNull(),
    practiceKey: text().notNull(),
    cityKey: text().notNull(),
    credentials: text(),
    npi: text(),
    email: text(),
    specialty: text().notNull(),
    /** `email`, `fax` or `mail`. */
    letterPreference: text().notNull(),
    notes: text(),
    active: integer({ mode: 'boolean' }).notNull().default(true),
    /** Set when this entry was merged into another; it then stays only for the record. */
    mergedInto: text(),
    createdBy: text().notNull(),
    createdAt: createdAt(),
    updatedAt: text().notNull(),
  },
  (t) => [
    index('referring_providers_org_name').on(t.organizationId, t.nameKey, t.id),
    index('referring_providers_org_practice_key').on(t.organizationId, t.practiceKey),
    index('referring_providers_org_city').on(t.organizationId, t.cityKey),
    index('referring_providers_org_npi').on(t.organizationId, t.npi),
    index('referring_providers_org_email').on(t.organizationId, t.email),
    index('referring_providers_practice').on(t.practiceId),
  ],
);

/**
 * One referral. `incoming`: a referrer sent us a patient (a lead, later the
 * patient). `outgoing`: we sent a patient to a specialist, with its status.
 */
export const referrals = sqliteTable(
  'referrals',
  {
    id: text().primaryKey(),
    organizationId: text()
      .notNull()
      .references(() => organizations.id),
    direction: text().notNull(),
    providerId: text()
      .notNull()
      .references(() => referringProviders.id),
    leadId: text().references(() => leads.id),
    patientId: text().references(() => patients.id),
    /** YYYY-MM-DD. */
    referralDate: text().notNull(),
    reason: text(),
    /** `letter`, `phone`, `web_form` or `email`. */
    channel: text().notNull(),
    /** Outgoing only: `sent`, `accepted`, `seen`, `report_received`. */
    status: text(),
    slipKey: text(),
    slipName: text(),
    slipType: text(),
    slipSize: integer(),
    /** Incoming only: the treatment fee this referral brought, in cents, when someone enters it. */
    revenueCents: integer(),
    createdBy: text().notNull(),
    createdAt: createdAt(),
    updatedAt: text().notNull(),
  },
  (t) => [
    index('referrals_org_provider_date').on(t.organizationId, t.providerId, t.referralDate, t.id),
    index('referrals_org_date').on(t.organizationId, t.referralDate, t.id),
    index('referrals_org_lead').on(t.organizationId, t.leadId),
    // Referral analytics read a period (or a provider's history) from these alone, never the rows.
    index('referrals_org_dir_date').on(
      t.organizationId,
      t.direction,
      t.referralDate,
      t.providerId,
      t.leadId,
      t.patientId,
      t.revenueCents,
    ),
    index('referrals_org_provider_dir_date').on(
      t.organizationId,
      t.providerId,
      t.direction,
      t.referralDate,
      t.leadId,
      t.patientId,
      t.revenueCents,
    ),
  ],
);
