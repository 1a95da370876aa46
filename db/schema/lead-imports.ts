// Lead lists imported from another system (issue 18).
import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { createdAt } from './columns';
import { organizations } from './tenancy';

/**
 * One committed lead import. Written in the same batch as its leads, keyed by
 * the id its preview staged the file under: a second commit of the same
 * preview breaks the primary key, so the whole second batch rolls back.
 */
export const leadImports = sqliteTable('lead_imports', {
  id: text().primaryKey(),
  organizationId: text()
    .notNull()
    .references(() => organizations.id),
  fileName: text(),
  source: text().notNull(),
  rowCount: integer().notNull(),
  skippedErrors: integer().notNull(),
  skippedDuplicates: integer().notNull(),
  createdBy: text().notNull(),
  createdAt: createdAt(),
});
