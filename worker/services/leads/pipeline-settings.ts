import { count, eq, isNotNull, isNull, type SQL, sql } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import type { z } from 'zod';
import { leadActivities, leadSources, leads, pipelineStages } from '../../../db/schema';
import {
  MAX_LEAD_SOURCES,
  MAX_PIPELINE_STAGES,
  type Source,
  type Stage,
  type sourceCreateSchema,
  type sourceUpdateSchema,
  type stageCreateSchema,
  type stageUpdateSchema,
} from '../../../shared/schemas/pipeline';
import { AppError } from '../../lib/app-error';
import type { AuditLog } from '../../lib/audit-log';
import { newId } from '../../lib/crypto';
import type { TenantDb } from '../../lib/tenant-db';
import { iso } from '../../lib/time';
import type { AuthContext } from '../auth/session-context';
import { listSources, listStages } from './pipeline';

type StageRow = typeof pipelineStages.$inferSelect;
type SourceRow = typeof leadSources.$inferSelect;

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
const tidy = (name: string) => name.trim().replace(/\s+/g, ' ');
const sameName = (a: string, b: string) =>
  tidy(a).normalize('NFKC').toLowerCase() === tidy(b).normalize('NFKC').toLowerCase();

function assertNameFree(rows: { id: string; name: string }[], name: string, what: string, exceptId?: string) {
  const clash = rows.find((r) => r.id !== exceptId && sameName(r.name, name));
  if (clash)
    throw new AppError('conflict', `There is already a ${what} named "${clash.name}"`, [
      { path: 'name', issue: 'name taken' },
    ]);
}

/** Which constraint a failed write hit (D1's message may sit on the error or its cause). */
function constraintFailure(e: unknown): 'unique' | 'foreign_key' | null {
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
async function batchOrClash<T>(run: () => Promise<T>, what: string): Promise<T> {
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
function renumberStages(tenant: TenantDb, ids: string[]) {
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
function firstMustBeOpen(first: { name: string; outcome: string } | undefined, path: string) {
  if (first && first.outcome !== 'open')
    throw new AppError(
      'validation_failed',
      `New leads start in the first stage, so it must be an open stage, not "${first.name}"`,
      [{ path, issue: 'first stage must be open' }],
    );
}

export async function createStage(
  tenant: TenantDb,
  audit: AuditLog,
  input: z.infer<typeof stageCreateSchema>,
) {
  const stages = await listStages(tenant);
  if (stages.length >= MAX_PIPELINE_STAGES)
    throw new AppError('conflict', `A pipeline can have at most ${MAX_PIPELINE_STAGES} stages`);
  const name = tidy(input.name);
  assertNameFree(stages, name, 'stage');
  const position = Math.min(input.position ?? stages.length, stages.length);
  if (position === 0) firstMustBeOpen({ name, outcome: input.outcome }, 'position');
  const id = newId('stg');
  const ids = stages.map((s) => s.id);
  ids.splice(position, 0, id);
  await batchOrClash(
    () =>
      tenant.batch([
        tenant.insert(pipelineStages, {
          id,
          name,
          outcome: input.outcome,
          sortOrder: position,
          createdAt: iso(),
        }),
        renumberStages(tenant, ids),
        audit.statement({
          action: 'create',
          entityType: 'pipeline_stage',
          entityId: id,
          detail: { name, outcome: input.outcome, position },
        }),
      ]),
    'stage',
  );
  return toStage(await tenant.get(pipelineStages, id, 'Pipeline stage'));
}

export async function updateStage(
  tenant: TenantDb,
  audit: AuditLog,
  id: string,
  input: z.infer<typeof stageUpdateSchema>,
) {
  const stage = await tenant.get(pipelineStages, id, 'Pipeline stage');
  const stages = await listStages(tenant);
  const name = input.name === undefined ? undefined : tidy(input.name);
  if (name !== undefined) assertNameFree(stages, name, 'stage', id);
  if (input.outcome && input.outcome !== 'open' && stages[0]?.id === id)
    throw new AppError(
      'conflict',
      'New leads start in the first stage, so it must stay open; move another open stage to the top first',
      [{ path: 'outcome', issue: 'first stage must be open' }],
    );
  const change = {
    ...(name !== undefined && name !== stage.name ? { name } : {}),
    ...(input.outcome && input.outcome !== stage.outcome ? { outcome: input.outcome } : {}),
  };
  if (!Object.keys(change).length) return toStage(stage);
  await batchOrClash(
    () =>
      tenant.batch([
        tenant.update(pipelineStages, change, eq(pipelineStages.id, id)),
        audit.statement({
          action: 'update',
          entityType: 'pipeline_stage',
          entityId: id,
          detail: {
            ...(change.name ? { name: { from: stage.name, to: change.name } } : {}),
            ...(change.outcome ? { outcome: { from: stage.outcome, to: change.outcome } } : {}),
          },
        }),
      ]),
    'stage',
  );
  return toStage(await tenant.get(pipelineStages, id, 'Pipeline stage'));
}

/** Puts every stage in the order given; the list must be exactly the organisation's stages. */
export async function reorderStages(tenant: TenantDb, audit: AuditLog, ids: string[]) {
  const stages = await listStages(tenant);
  const byId = new Map(stages.map((s) => [s.id, s]));
  const seen = new Set<string>();
  const details: { path: string; issue: string }[] = [];
  ids.forEach((id, i) => {
    if (!byId.has(id)) details.push({ path: `ids.${i}`, issue: 'unknown stage' });
    else if (seen.has(id)) details.push({ path: `ids.${i}`, issue: 'listed twice' });
    seen.add(id);
  });
  const missing = stages.filter((s) => !seen.has(s.id));
  if (missing.length)
    details.push({ path: 'ids', issue: `missing ${missing.map((s) => s.name).join(', ')}` });
  if (details.length)
    throw new AppError('validation_failed', 'List every stage of the pipeline exactly once', details);
  firstMustBeOpen(byId.get(ids[0]!), 'ids.0');
  await tenant.batch([
    renumberStages(tenant, ids),
    audit.statement({
      action: 'update',
      entityType: 'pipeline_stage',
      detail: { order: ids, from: stages.map((s) => s.id) },
    }),
  ]);
  return (await listStages(tenant)).map(toStage);
}

/**
 * Removes a stage. One that holds leads needs `moveTo`: the leads move there
 * (each move on the lead's timeline, as a stage change) and the stage goes, all
 * in one batch. The moves are set-based (INSERT...SELECT and one UPDATE), so
 * the batch binds a handful of parameters however many leads the stage holds,
 * well inside D1's 100 a statement, with no chunking.
 *
 * Merged leads are hidden records, so they neither count as "leads in the
 * stage" nor get a timeline entry; they follow to `moveTo`, or the first
 * remaining stage, so the stage can go.
 */
export async function deleteStage(
  tenant: TenantDb,
  audit: AuditLog,
  auth: AuthContext,
  id: string,
  moveTo: string | undefined,
) {
  const stage = await tenant.get(pipelineStages, id, 'Pipeline stage');
  const stages = await listStages(tenant);
  const remaining = stages.filter((s) => s.id !== id);
  let target: StageRow | undefined;
  if (moveTo !== undefined) {
    target = remaining.find((s) => s.id === moveTo);
    if (!target)
      throw new AppError(
        'validation_failed',
        moveTo === id ? 'Leads cannot move to the stage being removed' : 'Unknown pipeline stage',
        [{ path: 'moveTo', issue: moveTo === id ? 'same stage' : 'unknown stage' }],
      );
  }
  if (!remaining.some((s) => s.outcome === 'open'))
    throw new AppError('conflict', 'The pipeline needs at least one open stage; this is the last one');
  if (remaining[0]!.outcome !== 'open')
    throw new AppError(
      'conflict',
      `Removing "${stage.name}" would put "${remaining[0]!.name}" first, but new leads start in the first stage and it must be open; move an open stage to the top first`,
    );

  const [held] = await tenant.selectFields(
    { visible: count(sql`CASE WHEN ${leads.mergedInto} IS NULL THEN 1 END`), all: count() },
    leads,
    eq(leads.stageId, id),
  );
  const visible = held?.visible ?? 0;
  if (visible > 0 && !target)
    throw new AppError(
      'conflict',
      `${visible} ${visible === 1 ? 'lead is' : 'leads are'} in "${stage.name}"; choose a stage to move ${visible === 1 ? 'it' : 'them'} to first`,
      [{ path: 'moveTo', issue: `${visible} ${visible === 1 ? 'lead' : 'leads'} in this stage` }],
    );
  const destination = target ?? remaining[0]!;
  const now = iso();
  const inStage = (extra: SQL) => tenant.scope(leads, eq(leads.stageId, id), extra);
  const statements: BatchItem<'sqlite'>[] = [
    // Visible leads only when told where they go: one that entered the stage
    // since the count above makes the DELETE fail on its foreign key instead
    // of being moved somewhere nobody chose.
    ...(target
      ? [
          // Columns in the table's order (drizzle lists them all); ids are made
          // in SQL, as many as there are leads, with no parameter per lead.
          tenant.insertFromSelect(
            leadActivities,
            sql`
            SELECT 'lac_' || lower(hex(randomblob(16))), ${tenant.organizationId}, ${leads.id}, 'stage_change', NULL,
              json_object('from', ${stage.name}, 'fromStageId', ${stage.id}, 'to', ${target.name}, 'toStageId', ${target.id}, 'reason', 'stage_removed',
                'daysInStage', CAST(julianday(${now}) - julianday(${leads.stageEnteredAt}) AS INTEGER)),
              ${auth.userId}, ${now}
            FROM ${leads} WHERE ${inStage(isNull(leads.mergedInto))}`,
          ),
          tenant.update(
            leads,
            { stageId: target.id, stageEnteredAt: now, updatedAt: now },
            inStage(isNull(leads.mergedInto)),
          ),
        ]
      : []),
    tenant.update(leads, { stageId: destination.id }, inStage(isNotNull(leads.mergedInto))),
    tenant.delete(pipelineStages, eq(pipelineStages.id, id)),
    renumberStages(
      tenant,
      remaining.map((s) => s.id),
    ),
    audit.statement({
      action: 'delete',
      entityType: 'pipeline_stage',
      entityId: id,
      detail: {
        name: stage.name,
        outcome: stage.outcome,
        movedTo: target ? { id: target.id, name: target.name } : null,
        movedLeads: target ? visible : 0,
      },
    }),
  ];
  try {
    await tenant.batch(statements);
  } catch (e) {
    if (constraintFailure(e) === 'foreign_key')
      throw new AppError(
        'conflict',
        `Leads entered "${stage.name}" meanwhile; choose a stage to move them to first`,
        [{ path: 'moveTo', issue: 'stage holds leads' }],
      );
    throw e;
  }
  return { movedLeads: target ? visible : 0, items: (await listStages(tenant)).map(toStage) };
}

export async function createSource(
  tenant: TenantDb,
  audit: AuditLog,
  input: z.infer<typeof sourceCreateSchema>,
) {
  // Listing first also creates the default sources, so adding one never hides them.
  const sources = await listSources(tenant);
  if (sources.length >= MAX_LEAD_SOURCES)
    throw new AppError('conflict', `An organisation can have at most ${MAX_LEAD_SOURCES} lead sources`);
  const name = tidy(input.name);
  assertNameFree(sources, name, 'lead source');
  const id = newId('src');
  await batchOrClash(
    () =>
      tenant.batch([
        tenant.insert(leadSources, { id, name, channel: input.channel, active: true, createdAt: iso() }),
        audit.statement({
          action: 'create',
          entityType: 'lead_source',
          entityId: id,
          detail: { name, channel: input.channel },
        }),
      ]),
    'lead source',
  );
  return toSource(await tenant.get(leadSources, id, 'Lead source'));
}

/** Renames a source or turns it off or on again; turned-off sources keep their name on past leads. */
export async function updateSource(
  tenant: TenantDb,
  audit: AuditLog,
  id: string,
  input: z.infer<typeof sourceUpdateSchema>,
) {
  const source = await tenant.get(leadSources, id, 'Lead source');
  const name = input.name === undefined ? undefined : tidy(input.name);
  if (name !== undefined) assertNameFree(await listSources(tenant), name, 'lead source', id);
  const change = {
    ...(name !== undefined && name !== source.name ? { name } : {}),
    ...(input.active !== undefined && input.active !== source.active ? { active: input.active } : {}),
  };
  if (!Object.keys(change).length) return toSource(source);
  await batchOrClash(
    () =>
      tenant.batch([
        tenant.update(leadSources, change, eq(leadSources.id, id)),
        audit.statement({
          action: 'update',
          entityType: 'lead_source',
          entityId: id,
          detail: {
            ...(change.name ? { name: { from: source.name, to: change.name } } : {}),
            ...(change.active !== undefined ? { active: change.active } : {}),
          },
        }),
      ]),
    'lead source',
  );
  return toSource(await tenant.get(leadSources, id, 'Lead source'));
}

/** Stage and source lists as the API answers them. */
export const stageList = async (tenant: TenantDb) => ({ items: (await listStages(tenant)).map(toStage) });
export const sourceList = async (tenant: TenantDb) => ({
  items: (await listSources(tenant)).map(toSource),
});
