// Name search: one row per word a patient can be found by, kept in step by triggers.
import { index, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { organizations } from './tenancy';

/**
 * The words of each patient's name, normalised like the name key (lower case,
 * no accents or punctuation), plus `#<mrn>`: a search word is looked up as a
 * prefix range here, so a search reads the matching patients, never all of
 * them. Written only by the triggers of the `patient_name_tokens` migration, on
 * every insert, update and delete of a patient, whichever path makes it.
 */
export const patientNameTokens = sqliteTable(
  'patient_name_tokens',
  {
    organizationId: text()
      .notNull()
      .references(() => organizations.id),
    token: text().notNull(),
    patientId: text().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.token, t.patientId] }),
    index('patient_name_tokens_patient').on(t.patientId),
  ],
);

/**
 * The words a lead can be found by, kept in step by the triggers of the
 * `lead_search_tokens` migration: the name words as for patients, the email
 * and its domain (lower case), and `tel:` plus every tail of the phone key of
 * three digits or more, so "0111" or "555 01" finds a number as the old
 * substring search did. A search reads these ranges, never every lead.
 */
export const leadSearchTokens = sqliteTable(
  'lead_search_tokens',
  {
    organizationId: text()
      .notNull()
      .references(() => organizations.id),
    token: text().notNull(),
    leadId: text().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.token, t.leadId] }),
    index('lead_search_tokens_lead').on(t.leadId),
  ],
);
