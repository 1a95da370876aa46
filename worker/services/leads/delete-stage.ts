import { count, eq, isNotNull, isNull, type SQL, sql } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import { leadActivities, leads, pipelineStages } from '../../../db/schema';
import { AppError } from '../../lib/app-error';
import type { AuditLog } from '../../lib/audit-log';
import type { TenantDb } from '../../lib/tenant-db';
import { iso } from '../../lib/time';
import type { AuthContext } from '../auth/session-context';
import { listStages } from './pipeline';
import { constraintFailure, renumberStages, type StageRow, toStage } from './pipeline-settings';

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
              ${auth.userId}, ${now}, NULL
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
