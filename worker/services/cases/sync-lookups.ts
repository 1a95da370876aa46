import { and, inArray, sql } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import { AppError } from '../../lib/app-error';
import { inListChunks } from '../../lib/d1-limits';
import type { ScopedTable, TenantDb } from '../../lib/tenant-db';

/**
 * `key → id` of the organisation's rows of `table` whose `keyColumn` is one of
 * `keys`, in `IN` lists short enough for D1 (`extra` narrows further, such as
 * the caller's facility visibility).
 */
export async function idsByKey(
  tenant: TenantDb,
  table: ScopedTable,
  keyColumn: SQLiteColumn,
  idColumn: SQLiteColumn,
  keys: readonly string[],
  extra?: ReturnType<TenantDb['facilityFilter']>,
): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  for (const part of inListChunks([...new Set(keys)])) {
    const rows = await tenant.selectFields(
      { key: keyColumn, id: idColumn },
      table,
      and(inArray(keyColumn, part), extra),
    );
    for (const r of rows) found.set(String(r.key), String(r.id));
  }
  return found;
}

/** A 400 naming every item whose reference was not found (another tenant's id is not found either). */
export function refuseMissing(
  items: readonly Record<string, unknown>[],
  field: string,
  known: Map<string, string>,
  what: string,
) {
  const details = items.flatMap((item, i) => {
    const value = item[field];
    return typeof value === 'string' && !known.has(value)
      ? [{ path: `items.${i}.${field}`, issue: `${what} not found` }]
      : [];
  });
  if (details.length)
    throw new AppError('validation_failed', `Some items name a ${what} that was not found`, details);
}

/** A 400 for external ids that appear twice in one call: which one wins would be a guess. */
export function refuseRepeatedExternalIds(items: readonly { externalId: string }[]) {
  const seen = new Set<string>();
  const details = items.flatMap((item, i) => {
    if (!seen.has(item.externalId)) {
      seen.add(item.externalId);
      return [];
    }
    return [{ path: `items.${i}.externalId`, issue: 'appears more than once' }];
  });
  if (details.length)
    throw new AppError('validation_failed', 'An external id appears more than once', details);
}

/** `excluded.<column>` for each key: an upsert's "take the incoming value". */
export function takeIncoming<K extends string>(keys: readonly K[]) {
  return Object.fromEntries(keys.map((k) => [k, sqlExcluded(k)])) as Record<
    K,
    ReturnType<typeof sqlExcluded>
  >;
}

// The database's casing is snake_case (db/client.ts), and `excluded` names columns as stored.
const sqlExcluded = (key: string) =>
  sql.raw(`excluded.${key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)}`);
