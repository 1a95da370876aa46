import { and, count, eq, getTableColumns, inArray, is, SQL, type Subquery, sql } from 'drizzle-orm';
import type { BatchItem, BatchResponse } from 'drizzle-orm/batch';
import {
  type SelectedFields,
  type SQLiteColumn,
  SQLiteTable,
  type SQLiteUpdateSetSource,
} from 'drizzle-orm/sqlite-core';
import type { Db } from '../../db/client';
import { membershipFacilities, organizations } from '../../db/schema';
import { notFound } from './app-error';
import { chunk, PACKED_ROWS_PER_STATEMENT, rowsPerStatement } from './d1-limits';

export type ScopedTable = SQLiteTable & { organizationId: SQLiteColumn };
type TenantTable = ScopedTable & { id: SQLiteColumn };
type NewRow<T extends ScopedTable> = Omit<T['$inferInsert'], 'organizationId'>;
type Statement = BatchItem<'sqlite'>;

/** Which facilities the signed-in member may see, fixed when the request signs in. */
export type FacilityVisibility = { kind: 'all' } | { kind: 'attached'; membershipId: string };

/**
 * The only door to tenant-owned tables once a request is signed in. Every
 * select, update and delete gets `organization_id = ?` added here, and every
 * insert gets the organisation set here, so no handler can forget it: routes
 * and services receive a TenantDb, and the raw database is a private field
 * they cannot reach. A record of another organisation is therefore
 * indistinguishable from one that does not exist.
 */
export class TenantDb {
  readonly #db: Db;

  constructor(
    db: Db,
    readonly organizationId: string,
    readonly facilities: FacilityVisibility = { kind: 'all' },
  ) {
    this.#db = db;
  }

  /** `organization_id = ?` for `table`, and-ed with the caller's conditions. */
  scope(table: ScopedTable, ...conditions: (SQL | undefined)[]): SQL {
    return and(eq(table.organizationId, this.organizationId), ...conditions) as SQL;
  }

  /**
   * Limits `column` (a facility id) to the facilities the member may see: no
   * limit (undefined) but for a facility admin, who sees the facilities
   * attached to their membership. A hidden facility then answers exactly like
   * a missing one. A subquery, so deciding it costs the request no extra read.
   */
  facilityFilter(column: SQLiteColumn): SQL | undefined {
    if (this.facilities.kind === 'all') return undefined;
    return inArray(
      column,
      this.#db
        .select({ id: membershipFacilities.facilityId })
        .from(membershipFacilities)
        .where(
          this.scope(
            membershipFacilities,
            eq(membershipFacilities.membershipId, this.facilities.membershipId),
          ),
        ),
    );
  }

  select<T extends ScopedTable>(table: T, where?: SQL) {
    return this.#db.select().from(table).where(this.scope(table, where)).$dynamic();
  }

  /** A projection of `table`; also what a scoped subquery (`inArray`, `notExists`) is built from. */
  selectFields<F extends SelectedFields>(fields: F, table: ScopedTable, where?: SQL) {
    return this.#db.select(fields).from(table).where(this.scope(table, where));
  }

  /**
   * A projection over joins, every tenant-owned side scoped to the
   * organisation (a join to `users`, which belongs to no organisation, is
   * reached through a scoped membership; a subquery is scoped where it is
   * built). Dynamic queries keep the fields' types as given, so a left join's
   * columns are typed nullable by the caller (`sql<T | null>`).
   */
  join<F extends SelectedFields>(
    fields: F,
    table: ScopedTable,
    joins: { table: SQLiteTable | Subquery; on: SQL; left?: boolean }[],
    where?: SQL,
  ) {
    const query = this.#db.select(fields).from(table).$dynamic();
    // Joins on a dynamic query add to the query in place (drizzle returns the same builder).
    for (const j of joins) {
      const on = is(j.table, SQLiteTable) && isScoped(j.table) ? this.scope(j.table, j.on) : j.on;
      if (j.left) query.leftJoin(j.table, on);
      else query.innerJoin(j.table, on);
    }
    return query.where(this.scope(table, where));
  }

  /**
   * Rows of `table` reached from `drive` (a subquery of matching ids, scoped
   * where it is built) as the outer loop: a CROSS JOIN, which SQLite never
   * reorders, so a search walks its few matches instead of testing every row of
   * the organisation against them.
   */
  selectThrough<F extends SelectedFields>(
    fields: F,
    drive: Subquery,
    table: ScopedTable,
    on: SQL,
    where?: SQL,
  ) {
    const query = this.#db.select(fields).from(drive).$dynamic();
    // Like join(): the cross join adds to the dynamic query in place.
    query.crossJoin(table);
    return query.where(this.scope(table, and(on, where)));
  }

  /** The signed-in organisation's own row. */
  async organization() {
    const [row] = await this.#db
      .select()
      .from(organizations)
      .where(eq(organizations.id, this.organizationId));
    if (!row) throw notFound('Organisation');
    return row;
  }

  /**
   * A change to the signed-in organisation's own row (it is the tenant, so it
   * has no organization_id: it is keyed by the scope's own id), for `batch()`.
   */
  updateOrganization(set: Partial<Pick<typeof organizations.$inferInsert, 'name' | 'requireTwoFactor'>>) {
    return this.#db.update(organizations).set(set).where(eq(organizations.id, this.organizationId));
  }

  async count(table: ScopedTable, where?: SQL): Promise<number> {
    const [row] = await this.#db.select({ n: count() }).from(table).where(this.scope(table, where));
    return row?.n ?? 0;
  }

  /**
   * Rows matching `where`, counted only up to `cap` (a panel shows "1,000+"):
   * the subquery stops after `cap` rows of its index, so a count costs the
   * same at 100,000 rows as at 1,000.
   */
  async countUpTo(table: ScopedTable, where: SQL | undefined, cap: number): Promise<number> {
    const first = this.#db
      .select({ one: sql`1` })
      .from(table)
      .where(this.scope(table, where))
      .limit(cap)
      .as('counted');
    const [row] = await this.#db.select({ n: count() }).from(first);
    return row?.n ?? 0;
  }

  async get<T extends TenantTable>(table: T, id: string, what?: string): Promise<T['$inferSelect']> {
    const [row] = await this.#db
      .select()
      .from(table)
      .where(this.scope(table, eq(table.id, id)))
      .limit(1);
    if (!row) throw notFound(what);
    return row as T['$inferSelect'];
  }

  /** One row; chain `.onConflictDoNothing()` or `.onConflictDoUpdate()` for an upsert. */
  insert<T extends ScopedTable>(table: T, values: NewRow<T>) {
    return this.#db.insert(table).values(this.#owned<T>(values));
  }

  /**
   * Many rows as multi-row `INSERT … VALUES` statements, each carrying as many
   * rows as D1's 100 parameters allow for this table's columns. Put them in one
   * `batch()` for all or nothing.
   */
  insertMany<T extends ScopedTable>(table: T, rows: readonly NewRow<T>[]) {
    const perStatement = rowsPerStatement(Object.keys(getTableColumns(table)).length);
    return chunk(rows, perStatement).map((part) =>
      this.#db.insert(table).values(part.map((r) => this.#owned<T>(r))),
    );
  }

  /**
   * Many rows as `INSERT … SELECT … FROM json_each(?)` statements: the rows
   * travel as one JSON parameter, each column read from it by position, so
   * 5,000 rows are 5 statements instead of 1,700. For bulk imports. Columns
   * in `shared` hold the same value on every row and are bound once a
   * statement instead of repeated in each row (the rows' own values for them
   * are ignored).
   */
  insertPacked<T extends ScopedTable>(table: T, rows: readonly NewRow<T>[], shared: Partial<NewRow<T>> = {}) {
    // Generated columns (kept by SQLite) are left out, as drizzle leaves them out of the column list.
    const columns = Object.entries(getTableColumns(table)).filter(([, c]) => !c.generated);
    const perRow = columns.filter(([key, c]) => c !== table.organizationId && !(key in shared));
    const sharedValues = packedRow(
      columns.filter(([key]) => key in shared),
      shared as Record<string, unknown>,
    );
    let nextShared = 0;
    // Each row an array in column order, not an object: no column names repeated a
    // thousand times, which halves what a 100,000-row import holds in memory.
    const values = columns.map(([key, column]) => {
      if (column === table.organizationId) return sql`${this.organizationId}`;
      if (key in shared) return sql`${sharedValues[nextShared++]}`;
      return sql.raw(`json_extract(value, '$[${perRow.findIndex(([k]) => k === key)}]')`);
    });
    return chunk(rows, PACKED_ROWS_PER_STATEMENT).map((part) => {
      const packed = part.map((row) => packedRow(perRow, row as Record<string, unknown>));
      return this.#db
        .insert(table)
        .select(sql`SELECT ${sql.join(values, sql`, `)} FROM json_each(${JSON.stringify(packed)})`);
    });
  }

  update<T extends ScopedTable>(
    table: T,
    set: Omit<SQLiteUpdateSetSource<T>, 'organizationId' | 'id'>,
    where?: SQL,
  ) {
    return this.#db
      .update(table)
      .set(set as SQLiteUpdateSetSource<T>)
      .where(this.scope(table, where));
  }

  delete(table: ScopedTable, where: SQL) {
    return this.#db.delete(table).where(this.scope(table, where));
  }

  /**
   * `INSERT INTO table SELECT …` for copying rows inside the organisation: the
   * caller's SELECT must scope its own source with `scope()` and set
   * `organizationId` to this organisation.
   */
  insertFromSelect<T extends ScopedTable>(table: T, select: SQL) {
    return this.#db.insert(table).select(select);
  }

  /** Statements sent to D1 in one round trip, all or nothing (D1 has no interactive transactions). */
  batch<T extends readonly [Statement, ...Statement[]]>(statements: T): Promise<BatchResponse<T>>;
  batch(statements: readonly Statement[]): Promise<unknown[]>;
  async batch(statements: readonly Statement[]): Promise<unknown[]> {
    const [first, ...rest] = statements;
    if (!first) return [];
    return this.#db.batch([first, ...rest]);
  }

  #owned<T extends ScopedTable>(values: NewRow<T>): T['$inferInsert'] {
    return { ...values, organizationId: this.organizationId } as T['$inferInsert'];
  }
}

function isScoped(table: SQLiteTable): table is ScopedTable {
  return 'organizationId' in table;
}

/** A row with every column present, as the driver would bind it (defaults applied as drizzle would). */
function packedRow(columns: [string, SQLiteColumn][], row: Record<string, unknown>) {
  return columns.map(([key, column]) => {
    let value = row[key];
    if (value === undefined) value = column.defaultFn ? column.defaultFn() : column.default;
    if (is(value, SQL)) throw new Error(`insertPacked cannot carry the SQL default of ${key}`);
    return value === undefined || value === null ? null : column.mapToDriverValue(value);
  });
}
