import { and, asc, gt, type SQL, sql } from 'drizzle-orm';
import { automationRuns, cases } from '../../../db/schema';
import type { RuleDefinition } from '../../../shared/schemas/automation-rules';
import type { TenantDb } from '../../lib/tenant-db';
import { iso } from '../../lib/time';
import { actId } from './act-ids';
import { type ActPlan, planActs, prepareActions, recordedSends, type Statement } from './action-plan';
import { occurrenceSql, ruleMatchSql } from './compile-conditions';
import { caseMergeValues } from './merge-values';
import { enqueueSends, type SendSink } from './send-queue';

/** Cases one page of an evaluation acts on: one D1 batch of runs and messages. */
const PAGE = 50;
/** Pages one rule evaluates in one cron invocation; the rest wait for the next. */
const MAX_PAGES = 20;

export type RuleVersionRef = { ruleId: string; version: number; definition: RuleDefinition };

/** Cases matching `rule` on `now`'s day that this version has not yet acted on for their occurrence. */
export function dueCasesSql(tenant: TenantDb, ref: RuleVersionRef, now: string): SQL {
  const occurrence = occurrenceSql(ref.definition, now);
  return and(
    ruleMatchSql(ref.definition, now),
    tenant.facilityFilter(cases.facilityId),
    sql`NOT EXISTS (SELECT 1 FROM ${automationRuns} WHERE ${automationRuns.ruleId} = ${ref.ruleId} AND ${automationRuns.version} = ${ref.version} AND ${automationRuns.subjectId} = ${cases.id} AND ${automationRuns.occurrence} = ${occurrence})`,
  ) as SQL;
}

/**
 * Acts on every due case of one rule version, a page at a time: each case's
 * run row and what its actions made (messages, tasks, webhook deliveries, and
 * the act rows saying so: action-plan.ts) go to D1 in one batch, then the new
 * messages' and deliveries' ids go to the send queue (consume-sends.ts delivers them), with ids derived from
 * (rule, version, case, occurrence), so an overlapping or repeated evaluation
 * inserts nothing twice (`ON CONFLICT DO NOTHING`) and a crash loses nothing
 * silently (the run row exists only with its messages).
 */
export async function evaluateRule(tenant: TenantDb, sink: SendSink, ref: RuleVersionRef, now = iso()) {
  const prepared = await prepareActions(tenant, ref.definition.actions);
  const occurrence = occurrenceSql(ref.definition, now);
  let acted = 0;
  let after = '';
  for (let page = 0; page < MAX_PAGES; page++) {
    const due = await tenant
      .selectFields(
        { id: cases.id, occurrence },
        cases,
        and(dueCasesSql(tenant, ref, now), after ? gt(cases.id, after) : undefined),
      )
      .orderBy(asc(cases.id))
      .limit(PAGE);
    if (due.length === 0) break;
    const statements: Statement[] = [];
    const plans: ActPlan[] = [];
    for (const subject of due) {
      const values = await caseMergeValues(tenant, subject.id, now);
      const key = [ref.ruleId, ref.version, subject.id, subject.occurrence] as const;
      const plan = await planActs(
        tenant,
        prepared,
        {
          ...ref,
          subject: { type: 'case', id: subject.id },
          occurrence: subject.occurrence,
          values,
          now,
          baseUrl: sink.baseUrl,
        },
        statements,
      );
      plans.push(plan);
      statements.push(
        tenant
          .insert(automationRuns, {
            id: await actId('run', ...key),
            ruleId: ref.ruleId,
            version: ref.version,
            subjectId: subject.id,
            occurrence: subject.occurrence,
            outboxMessageId: plan.firstMessageId,
            createdAt: now,
          })
          .onConflictDoNothing(),
      );
    }
    const results = await tenant.batch(statements);
    // Only what this evaluation recorded: an overlapping one enqueues its own.
    await enqueueSends(sink.queue, recordedSends(tenant.organizationId, results, plans));
    acted += due.length;
    after = due.at(-1)?.id ?? after;
    if (due.length < PAGE) break;
  }
  return acted;
}
