import { and, asc, eq, type SQL, sql } from 'drizzle-orm';
import { automationRuns, memberships, messageTemplates, outboxMessages, users } from '../../../db/schema';
import { renderMergeFields } from '../../../shared/automation/merge-fields';
import type { RuleDefinition } from '../../../shared/schemas/automation-rules';
import { toBase64Url } from '../../lib/crypto';
import { chunk } from '../../lib/d1-limits';
import type { TenantDb } from '../../lib/tenant-db';
import { iso } from '../../lib/time';
import { occurrenceSql, ruleMatchSql } from './compile-conditions';
import { type LoadedPopulation, loadPopulation } from './populations';
import { enqueueSends, SEND_STATUS, type SendSink } from './send-queue';
import { newUnsubscribeLink, unsubscribeHeaders, withUnsubscribeLine } from './unsubscribes';

/** Subjects one page of an evaluation acts on: one D1 batch of runs and messages. */
const PAGE = 50;
/** Subjects one rule acts on in one cron invocation at most (20 pages); the rest wait for the next. */
export const EVALUATION_CAP = PAGE * 20;

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

/** A stable id for (rule version, subject, occurrence, what): the same act always has the same id. */
async function actId(prefix: string, ...parts: (string | number)[]) {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(parts.join('\u0000')));
  return `${prefix}_${toBase64Url(new Uint8Array(digest)).slice(0, 32)}`;
}

async function recipients(tenant: TenantDb, definition: RuleDefinition) {
  const out = new Map<number, { email: string; subject: string; body: string; category: string }>();
  for (const [i, action] of definition.actions.entries()) {
    const [template] = await tenant
      .select(messageTemplates, eq(messageTemplates.id, action.templateId))
      .limit(1);
    const [member] = await tenant.join(
      { email: users.email, status: memberships.status },
      memberships,
      [{ table: users, on: eq(users.id, memberships.userId) }],
      eq(memberships.id, action.membershipId),
    );
    if (template && template.channel === 'email' && member?.status === 'active')
      out.set(i, {
        email: member.email,
        subject: template.subject ?? '',
        body: template.body,
        category: template.category,
      });
  }
  return out;
}

/**
 * Acts on every due subject of one rule version, a page at a time: each subject's
 * run row and its messages go to D1 in one batch, then the new messages' ids
 * go to the send queue (consume-sends.ts delivers them), with ids derived from
 * (rule, version, subject, occurrence), so an overlapping or repeated evaluation
 * inserts nothing twice (`ON CONFLICT DO NOTHING`) and a crash loses nothing
 * silently (the run row exists only with its messages).
 */
export async function evaluateRule(tenant: TenantDb, sink: SendSink, ref: RuleVersionRef, now = iso()) {
  const senders = await recipients(tenant, ref.definition);
  const population = await loadPopulation(tenant, ref.definition);
  const { spec } = population;
  const occurrence = occurrenceSql(ref.definition, population.fieldsAt(now), now);
  // Every due subject up to the cap in one query, then acted on a page at a time: the query
  // walks the matches once, not once a page (20 times the same index range at the bench's size).
  const dueNow = await tenant
    .selectFields({ id: spec.id, occurrence }, spec.table, dueSubjectsSql(population, ref, now))
    .orderBy(asc(spec.id))
    .limit(EVALUATION_CAP);
  let acted = 0;
  for (const due of chunk(dueNow, PAGE)) {
    const statements = [];
    // Where each message's insert sits in the batch: its result says whether it was new.
    const messageAt: number[] = [];
    for (const subject of due) {
      const subjectId = String(subject.id);
      const values = await spec.mergeValues(tenant, subjectId, now);
      const key = [ref.ruleId, ref.version, subjectId, subject.occurrence] as const;
      const messageIds: string[] = [];
      for (const [i, send] of senders) {
        const id = await actId('msg', ...key, i);
        messageIds.push(id);
        const link = await newUnsubscribeLink(tenant, sink.baseUrl, 'email', send.email, send.category, now);
        statements.push(link.statement);
        messageAt.push(statements.length);
        statements.push(
          tenant
            .insert(outboxMessages, {
              id,
              channel: 'email',
              recipient: send.email,
              subject: renderMergeFields(send.subject, values),
              bodyText: withUnsubscribeLine(renderMergeFields(send.body, values), send.category, link.url),
              bodyHtml: null,
              category: send.category,
              headers: unsubscribeHeaders(link.url),
              status: SEND_STATUS.enqueued,
              provider: 'pending',
              createdAt: now,
            })
            .onConflictDoNothing()
            .returning({ id: outboxMessages.id }),
        );
      }
      statements.push(
        tenant
          .insert(automationRuns, {
            id: await actId('run', ...key),
            ruleId: ref.ruleId,
            version: ref.version,
            subjectId,
            occurrence: subject.occurrence,
            outboxMessageId: messageIds[0] ?? null,
            createdAt: now,
          })
          .onConflictDoNothing(),
      );
    }
    const results = await tenant.batch(statements);
    // Only messages this evaluation recorded: an overlapping one enqueues its own.
    const recorded = messageAt.flatMap((at) => (results[at] as { id: string }[]).map((r) => r.id));
    await enqueueSends(
      sink.queue,
      recorded.map((messageId) => ({ organizationId: tenant.organizationId, messageId })),
    );
    acted += due.length;
  }
  return acted;
}
