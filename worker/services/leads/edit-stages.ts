import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import { pipelineStages } from '../../../db/schema';
import {
  MAX_PIPELINE_STAGES,
  type stageCreateSchema,
  type stageUpdateSchema,
} from '../../../shared/schemas/pipeline';
import { AppError } from '../../lib/app-error';
import type { AuditLog } from '../../lib/audit-log';
import { newId } from '../../lib/crypto';
import type { TenantDb } from '../../lib/tenant-db';
import { iso } from '../../lib/time';
import { listStages } from './pipeline';
import {
  assertNameFree,
  batchOrClash,
  firstMustBeOpen,
  renumberStages,
  tidy,
  toStage,
} from './pipeline-settings';

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
