// Notes on a facility: what staff learn about a facility (from its page, a call, a visit).
import { index, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { createdAt } from './columns';
import { facilities } from './facilities';
import { organizations } from './tenancy';

/** A dated note on a facility, kept as written: notes are added, never edited. */
export const facilityNotes = sqliteTable(
  'facility_notes',
  {
    id: text().primaryKey(),
    organizationId: text()
      .notNull()
      .references(() => organizations.id),
    facilityId: text()
      .notNull()
      .references(() => facilities.id),
    text: text().notNull(),
    createdBy: text().notNull(),
    createdAt: createdAt(),
  },
  // The facility page lists its notes newest first, a page at a time.
  (t) => [index('facility_notes_facility').on(t.organizationId, t.facilityId, t.createdAt, t.id)],
);
