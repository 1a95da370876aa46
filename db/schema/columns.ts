import { text } from 'drizzle-orm/sqlite-core';

// Timestamps are ISO 8601 UTC strings: they sort as text, read the same in D1,
// libSQL and JSON, and need no conversion at the API edge.
export const createdAt = () => text().notNull();
