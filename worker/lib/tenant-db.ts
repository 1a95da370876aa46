import { and, eq, type SQL } from 'drizzle-orm';
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { Db } from '../../db/client';
import { notFound } from './app-error';

type ScopedTable = SQLiteTable & { organizationId: SQLiteColumn };
type TenantTable = ScopedTable & { id: SQLiteColumn };

/**
 * The only door to tenant-owned tables once a request is signed in. Every
 * select, update and delete gets `organization_id = ?` added here, and every
 * insert gets the organisation set here, so no handler can forget it: routes
 * and services receive a TenantDb, not the raw database. A record of another
 * organisation is therefore indistinguishable from one that does not exist.
 */
export class TenantDb {
  constructor(
    readonly db: Db,
    readonly organizationId: string,
  ) {}

  /** `organization_id = ?` for `table`, and-ed with the caller's conditions. */
  scope(table: ScopedTable, ...conditions: (SQL | undefined)[]): SQL {
    return and(eq(table.organizationId, this.organizationId), ...conditions) as SQL;
  }

  select<T extends TenantTable>(table: T, where?: SQL) {
    return this.db.select().from(table).where(this.scope(table, where)).$dynamic();
  }

  async get<T extends TenantTable>(table: T, id: string, what?: string): Promise<T['$inferSelect']> {
    const [row] = await this.db
      .select()
      .from(table)
      .where(this.scope(table, eq(table.id, id)))
      .limit(1);
    if (!row) throw notFound(what);
    return row as T['$inferSelect'];
  }

  insert<T extends TenantTable>(table: T, values: Omit<T['$inferInsert'], 'organizationId'>) {
    return this.db
      .insert(table)
      .values({ ...values, organizationId: this.organizationId } as T['$inferInsert']);
  }

  update<T extends TenantTable>(
    table: T,
    set: Partial<Omit<T['$inferInsert'], 'organizationId' | 'id'>>,
    where: SQL,
  ) {
    return this.db
      .update(table)
      .set(set as T['$inferInsert'])
      .where(this.scope(table, where));
  }
}
