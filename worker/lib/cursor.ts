import { and, eq, gt, lt, or, type SQL } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import { AppError } from './app-error';

/**
 * Keyset cursors over (sort key, id): stable under concurrent inserts, and
 * opaque to clients. The key is the value of the column the list is sorted by.
 */
export type Cursor = { key: string; id: string };

export function encodeCursor(c: Cursor): string {
  return btoa(encodeURIComponent(JSON.stringify([c.key, c.id]))).replace(/=+$/, '');
}

export function decodeCursor(text: string | undefined): Cursor | undefined {
  if (!text) return undefined;
  try {
    const [key, id] = JSON.parse(decodeURIComponent(atob(text))) as unknown[];
    if (typeof key === 'string' && typeof id === 'string') return { key, id };
  } catch {
    // fall through to the validation error
  }
  throw new AppError('validation_failed', 'The page cursor is not valid', [
    { path: 'cursor', issue: 'invalid cursor' },
  ]);
}

/** Given limit+1 rows, the page and the cursor of the next one (newest-first lists key on createdAt). */
export function pageFrom<T extends { id: string }>(
  rows: T[],
  limit: number,
  keyOf: (row: T) => string = (row) => (row as unknown as { createdAt: string }).createdAt,
) {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return {
    items,
    nextCursor: rows.length > limit && last ? encodeCursor({ key: keyOf(last), id: last.id }) : null,
  };
}

/** Rows after the cursor in (key, id) order, descending unless told; undefined on the first page. */
export function afterCursor(
  key: SQLiteColumn,
  id: SQLiteColumn,
  cursor: Cursor | undefined,
  direction: 'asc' | 'desc' = 'desc',
): SQL | undefined {
  if (!cursor) return undefined;
  const beyond = direction === 'desc' ? lt : gt;
  return or(beyond(key, cursor.key), and(eq(key, cursor.key), beyond(id, cursor.id)));
}
