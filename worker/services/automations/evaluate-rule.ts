import { and, asc, type SQL, sql } from 'drizzle-orm';
import { automationRuns } from '../../../db/schema';
import type { RulePopulation } from '../../../shared/automation/populations';
import type { RuleDefinition } from '../../../shared/schemas/automation-rules';
import { chunk } from '../../lib/d1-limits';
import type { TenantDb } from '../../lib/tenant-db';
import { iso } from '../../lib/time';
import { actId } from './act-ids';
import { type ActPlan, planActs, prepareActions, recordedSends, type Statement } from './action-plan';
import { occurrenceSql, ruleMatchSql } from './compile-conditions';
import { type LoadedPopulation, loadPopulation } from './populations';
import { enqueueSends, type SendSink } from './send-queue';

/** Subjects one page of an evaluation acts on: one D1 batch of runs and messages. */
const PAGE = 50;
/** Subjects one rule acts on in one cron invocation at most (20 pages); the rest wait for the next. */
export const EVALUATION_CAP = PAGE * 20;

/** What a run's acts (tasks, messages) name as their subject, one of a population's rows. */
const SUBJECT_TYPE: Record<RulePopulation, string> = {
  cases: 'case',
  leads: 'lead',
  intake_requests: 'intake_request',
  patients: 'patient',
  facilities: 'facility',
  records_requests: 'records_request',
};

export type RuleVersionRef = { ruleId: string; version: number; definition: RuleDefinition };

/** Subjects matching `rule` on `now`'s day that this version has not yet acted on for their occurrence. */
export function dueSubjectsSql(population: LoadedPopulation, ref: RuleVersionRef, now: string): SQL {
  const fields = population.fieldsAt(now);
  const occurrence = occurrenceSql(ref.definition, fields, now);
  return and(
    ruleMatchSql(ref.definition, fields, now),
    population.scope,
    sql`NOT EXISTS (SELECT 1 FROM ${automationRuns} WHERE ${automationRuns.ruleId} = ${ref.ruleId} AND ${automationRuns.version} = ${ref.version} AND ${automationRuns.subjectId} = ${population.spec.id} AND ${automationRuns.occurrence} = ${occurrence})`,
  ) as SQL;
}

/**
 * Every due subject up to the cap in one query, with its occurrence, in id
 * order; the evaluation then acts on them a page at a time, so the query walks
 * the matches once, not once a page (20 times the same index range at the bench's size).
 */
export function dueSubjects(
  tenant: TenantDb,
  population: LoadedPopulation,
  ref: RuleVersionRef,
  now: string,
) {
  const occurrence = occurrenceSql(ref.definition, population.fieldsAt(now), now);
  return tenant
    .selectFields(
      { id: population.spec.id, occurrence },
      population.spec.table,
      dueSubjectsSql(population, ref, now),
    )
    .orderBy(asc(population.spec.id))
    .limit(EVALUATION_CAP);
}

/**
 * Acts on every due subject of one rule version, a page at a time: each
 * subject's run row and what its actions made (messages, tasks, webhook
 * deliveries, and the act rows saying so: action-plan.ts) go to D1 in one
 * batch, then the new messages' and deliveries' ids go to the send queue
 * (consume-sends.ts delivers them), with ids derived from (rule, version,
 * subject, occurrence), so an overlapping or repeated evaluation inserts
 * nothing twice (`ON CONFLICT DO NOTHING`) and a crash loses nothing silently
 * (the run row exists only with its messages).
 */
export async function evaluateRule(tenant: TenantDb, sink: SendSink, ref: RuleVersionRef, now = iso()) {
  const prepared = await prepareActions(tenant, ref.definition.actions);
  const population = await loadPopulation(tenant, ref.definition);
  const { spec } = population;
  const subjectType = SUBJECT_TYPE[ref.definition.population];
  const dueNow = await dueSubjects(tenant, population, ref, now);
  let acted = 0;
  for (const due of chunk(dueNow, PAGE)) {
    const statements: Statement[] = [];
    const plans: ActPlan[] = [];
    for (const subject of due) {
      const subjectId = String(subject.id);
      const values = await spec.mergeValues(tenant, subjectId, now);
      const key = [ref.ruleId, ref.version, subjectId, subject.occurrence] as const;
      const plan = await planActs(
        tenant,
        prepared,
        {
          ...ref,
          subject: { type: subjectType, id: subjectId },
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
            subjectId,
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
  }
  return acted;
}
