// Lead lists imported from another system (issue 18).
import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { createdAt } from './columns';
import { organizations } from './tenancy';

/**
 * One committed lead import. Written in the same batch as its leads, keyed by
 * the id its preview staged the file under: a second commit of the same
 * preview breaks the primary key, so the whole second batch rolls back.
 */
export const leadImports = sqliteTable(
  'lead_imports',
  {
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
    /**
     * 1 only inside the commit's own batch, which writes its leads' search words
     * in bulk after them: the per-lead insert trigger stands aside meanwhile
     * (migration `lead_import_words`). The batch's last statement clears it, and
     * a failed batch leaves nothing, so outside a commit no row holds it.
     */
    writingWords: integer({ mode: 'boolean' }).notNull().default(false),
  },
  (t) => [index('lead_imports_writing').on(t.organizationId).where(sql`writing_words = 1`)],
);
