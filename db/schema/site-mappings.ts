// "Teach this site": where a site the readers do not understand shows a person's values.
import { sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { createdAt } from './columns';
import { organizations } from './tenancy';

/**
 * One mapping per organisation and host: a CSS selector per value
 * (`shared/schemas/site-mappings.ts`), used by the panel's page reader like a
 * shipped site adapter. Selectors, never values: nothing read from a page is here.
 */
export const siteMappings = sqliteTable(
  'site_mappings',
  {
    id: text().primaryKey(),
    organizationId: text()
      .notNull()
      .references(() => organizations.id),
    host: text().notNull(),
    read: text({ mode: 'json' }).$type<Record<string, string>>().notNull(),
    updatedBy: text().notNull(),
    createdAt: createdAt(),
    updatedAt: text().notNull(),
  },
  (t) => [uniqueIndex('site_mappings_org_host').on(t.organizationId, t.host)],
);
