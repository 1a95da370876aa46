// Referral analytics kept up to date on write by triggers (migration
// `referral_rollup_triggers`), so the figures read a day's counts per provider
// instead of every referral with its appointments and conversions.
import { index, integer, primaryKey, type SQLiteColumn, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { organizations } from './tenancy';

/**
 * What each incoming referral became, one row per referral: its consultation
 * (the recorded milestone, else the first attended appointment of its lead)
 * and treatment start (the recorded milestone, else its lead's conversion).
 * Written only by the triggers on `referrals`, `referral_milestones`,
 * `appointments` and `lead_activities`; the day counts follow its rows.
 */
export const referralOutcomes = sqliteTable(
  'referral_outcomes',
  {
    referralId: text().primaryKey(),
    organizationId: text()
      .notNull()
      .references(() => organizations.id),
    providerId: text().notNull(),
    leadId: text(),
    referralDate: text().notNull(),
    /** Linked straight to a patient: converted, with no start day. */
    linked: integer().notNull(),
    revenueCents: integer(),
    consultedOn: text(),
    startedOn: text(),
  },
  // An appointment or a conversion finds the referrals of its lead.
  (t) => [index('referral_outcomes_org_lead').on(t.organizationId, t.leadId)],
);

/** The summed columns of the day counts, in the order the indexes hold them. */
export const DAY_COUNT_SUMS = [
  'referrals',
  'consultations',
  'daysToConsultation',
  'conversions',
  'starts',
  'daysToStart',
  'consultedStarts',
  'daysConsultationToStart',
  'revenues',
  'revenueCents',
] as const;
type Summed = { [K in (typeof DAY_COUNT_SUMS)[number]]: SQLiteColumn };
const summed = (t: Summed) => DAY_COUNT_SUMS.map((k) => t[k]);

/**
 * Incoming referrals per referral day and provider with what they became:
 * counts, and the sums of days behind each average (referral to
 * consultation, consultation to start, referral to start), so an average
 * over any period is a sum over its days. A row whose referrals are all gone
 * stays with zeros.
 */
export const referralDayCounts = sqliteTable(
  'referral_day_counts',
  {
    organizationId: text()
      .notNull()
      .references(() => organizations.id),
    day: text().notNull(),
    providerId: text().notNull(),
    referrals: integer().notNull(),
    consultations: integer().notNull(),
    daysToConsultation: integer().notNull(),
    conversions: integer().notNull(),
    starts: integer().notNull(),
    daysToStart: integer().notNull(),
    consultedStarts: integer().notNull(),
    daysConsultationToStart: integer().notNull(),
    /** Referrals with a revenue entered, and its sum: no figure at all when none has one. */
    revenues: integer().notNull(),
    revenueCents: integer().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.day, t.providerId] }),
    // A period, and a provider's days, are read from these indexes alone (every summed column in them).
    index('referral_day_counts_org_day').on(t.organizationId, t.day, t.providerId, ...summed(t)),
    index('referral_day_counts_org_provider_day').on(t.organizationId, t.providerId, t.day, ...summed(t)),
  ],
);
