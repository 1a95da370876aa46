import type { SQL } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import type { RuleFieldKind } from '../../../../shared/automation/populations';
import type { Permission } from '../../../../shared/permissions';
import type { ScopedTable, TenantDb } from '../../../lib/tenant-db';
import type { MergeValues } from '../merge-values';

/**
 * One population a rule can look at: its table, the SQL of each field it
 * offers (fields.ts of shared/automation/populations.ts says how each is
 * compared), who may see its subjects, and a subject's merge values.
 */
export type PopulationSpec = {
  table: ScopedTable;
  id: SQLiteColumn;
  /** The audit log's entity type of a subject. */
  entity: string;
  /** What a missing subject is called in a 404 ("Case not found"). */
  noun: string;
  /** What a person needs to see the subjects a dry run or explanation names. */
  view: Permission;
  kinds: Record<string, RuleFieldKind>;
  /**
   * The fields' SQL as of a moment, after reading what they need once (the
   * lead score needs the organisation's scoring rules and stages).
   */
  load(tenant: TenantDb): Promise<(now: string) => Record<string, SQL>>;
  /** The subjects the caller may see (a facility admin's facilities) that rules look at (not merged away). */
  visible(tenant: TenantDb): SQL | undefined;
  /** Subjects at the rule's locations (populations that have them). */
  atLocations(facilityIds: readonly string[]): SQL | undefined;
  mergeValues(tenant: TenantDb, id: string, now: string): Promise<MergeValues>;
};
