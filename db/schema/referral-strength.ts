// The organisation's relationship strength rules for referring providers.
import { sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { organizations } from './tenancy';

/** Defaults until someone with `referral:manage_providers` edits them. */
export const referralStrengthRules = sqliteTable('referral_strength_rules', {
  organizationId: text()
    .primaryKey()
    .references(() => organizations.id),
  rules: text({ mode: 'json' }).$type<import('../../shared/referral-strength').StrengthRules>().notNull(),
  updatedBy: text().notNull(),
  updatedAt: text().notNull(),
});
