import { sql } from 'drizzle-orm';
import { type leadSources, pipelineStages } from '../../../db/schema';
import type { Source, Stage } from '../../../shared/schemas/pipeline';
import { AppError } from '../../lib/app-error';
import type { TenantDb } from '../../lib/tenant-db';
import { listSources, listStages } from './pipeline';

export type StageRow = typeof pipelineStages.$inferSelect;
export type SourceRow = typeof leadSources.$inferSelect;

export const toStage = (s: StageRow): Stage => ({
  id: s.id,
  name: s.name,
  outcome: s.outcome as Stage['outcome'],
  sortOrder: s.sortOrder,
});

export const toSource = (s: SourceRow): Source => ({
  id: s.id,
  name: s.name,
  channel: s.channel,
  active: s.active,
});

/** Names are stored tidied (single spaces) and compared ignoring case. */
export const tidy = (name: string) => name.trim().replace(/\s+/g, ' ');
export const sameName = (a: string, b: string) =>
  tidy(a).normalize('NFKC').toLowerCase() === tidy(b).normalize('NFKC').toLowerCase();

export function assertNameFree(
  rows: { id: string; name: string }[],
  name: string,
  what: string,
  exceptId?: string,
) {
  const clash = rows.find((r) => r.id !== exceptId && sameName(r.name, name));
  if (clash)
    throw new AppError('conflict', `There is already a ${what} named "${clash.name}"`, [
      { path: 'name', issue: 'name taken' },
    ]);
}

/** Which constraint a failed write hit (D1's message may sit on the error or its cause). */
export function constraintFailure(e: unknown): 'unique' | 'foreign_key' | null {
  for (let err = e, depth = 0; err instanceof Error && depth < 4; err = err.cause, depth++) {
    if (/UNIQUE constraint failed/i.test(err.message)) return 'unique';
    if (/FOREIGN KEY constraint failed/i.test(err.message)) return 'foreign_key';
  }
  return null;
}

/**
 * The unique index (organisation, name) catches a same-name write that raced
 * past the check above; a clash differing only in case would need an index on
 * lower(name), which the schema does not have.
 */
export async function batchOrClash<T>(run: () => Promise<T>, what: string): Promise<T> {
  try {
    return await run();
  } catch (e) {
    if (constraintFailure(e) === 'unique')
      throw new AppError('conflict', `There is already a ${what} with that name`, [
        { path: 'name', issue: 'name taken' },
      ]);
    throw e;
  }
}

/**
 * Numbers the given stages 0, 1, 2... in the order given, in one statement
 * whatever their count: the ids travel as one JSON parameter read by
 * `json_each` (D1 binds at most 100 parameters a statement).
 */
export function renumberStages(tenant: TenantDb, ids: string[]) {
  const order = JSON.stringify(ids);
  // Qualified on purpose: json_each has an `id` column of its own.
  return tenant.update(
    pipelineStages,
    { sortOrder: sql`(SELECT j.key FROM json_each(${order}) AS j WHERE j.value = "pipeline_stages"."id")` },
    sql`${pipelineStages.id} IN (SELECT j.value FROM json_each(${order}) AS j)`,
  );
}

/**
 * New leads land in the first stage (createLead, the web form), so the first
 * stage must be open. An order or change that would put a won or lost stage
 * first is refused rather than quietly repaired: moving stages around behind
 * the administrator's back would surprise them, and a pipeline that files
 * every new inquiry as already won or lost would corrupt conversion figures.
 * Keeping the first stage open also keeps at least one open stage.
 */
export function firstMustBeOpen(first: { name: string; outcome: string } | undefined, path: string) {
  if (first && first.outcome !== 'open')
    throw new AppError(
      'validation_failed',
      `New leads start in the first stage, so it must be an open stage, not "${first.name}"`,
      [{ path, issue: 'first stage must be open' }],
    );
}

/** Stage and source lists as the API answers them. */
export const stageList = async (tenant: TenantDb) => ({ items: (await listStages(tenant)).map(toStage) });
export const sourceList = async (tenant: TenantDb) => ({
  items: (await listSources(tenant)).map(toSource),
});
