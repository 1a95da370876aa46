// Counts kept up to date on write by triggers, so reports read them instead of every row.
import { integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { organizations } from './tenancy';

/**
 * New leads per UTC day and per stage, source, coordinator and whether they
 * became a patient: what the lead analytics group by. Written only by the
 * triggers on `leads` (migration `scale_triggers`) on every insert, update and
 * delete, so the counts always equal a recount of the leads. No source or
 * coordinator is stored as '' (a key column cannot hold NULL and stay unique).
 */
export const leadDayCounts = sqliteTable(
  'lead_day_counts',
  {
    organizationId: text()
      .notNull()
      .references(() => organizations.id),
    day: text().notNull(),
    stageId: text().notNull(),
    sourceId: text().notNull(),
    coordinatorId: text().notNull(),
    converted: integer().notNull(),
    leads: integer().notNull(),
  },
  (t) => [
    primaryKey({
      columns: [t.organizationId, t.day, t.stageId, t.sourceId, t.coordinatorId, t.converted],
    }),
  ],
);
