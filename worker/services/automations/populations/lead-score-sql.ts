import { type SQL, sql } from 'drizzle-orm';
import { leadActivities, leadSources, leads } from '../../../../db/schema';
import type { ScoringRules } from '../../../../shared/lead-scoring';
import type { TenantDb } from '../../../lib/tenant-db';
import { DAY, iso } from '../../../lib/time';
import { CONTACT_KINDS, scoringRules } from '../../leads/lead-score';
import { listStages } from '../../leads/pipeline';

type ScoreContext = {
  rules: ScoringRules;
  stages: { id: string; outcome: string }[];
  sources: { id: string; channel: string }[];
};

/** What the score of every lead is computed from: the organisation's rules, stages and sources, read once. */
export async function scoreContext(tenant: TenantDb): Promise<ScoreContext> {
  const [rules, stages, sources] = await Promise.all([
    scoringRules(tenant),
    listStages(tenant),
    tenant.selectFields({ id: leadSources.id, channel: leadSources.channel }, leadSources),
  ]);
  return { rules, stages, sources };
}

/**
 * A constant written into the statement rather than bound: the score holds
 * dozens of them (a point value per source and stage), and a condition, a
 * sample column and an explanation may each repeat it, which bound would pass
 * D1's 100 parameters per statement. Numbers are written as numbers, text
 * (ids, time stamps) as a quoted SQLite literal.
 */
function lit(value: string | number): SQL {
  if (typeof value === 'number') return sql.raw(String(Number.isFinite(value) ? value : 0));
  return sql.raw(`'${value.replace(/'/g, "''")}'`);
}

/** `CASE <column> WHEN <key> THEN <value> … ELSE <otherwise> END`, or `otherwise` for no keys. */
function caseOf(column: SQL, pairs: [string, number][], otherwise: number): SQL {
  if (!pairs.length) return lit(otherwise);
  return sql`(CASE ${column} ${sql.join(
    pairs.map(([k, v]) => sql`WHEN ${lit(k)} THEN ${lit(v)}`),
    sql` `,
  )} ELSE ${lit(otherwise)} END)`;
}

const present = (column: SQL) => sql`(coalesce(${column}, '') <> '')`;

/**
 * The lead score of shared/lead-scoring.ts (`scoreLead`) as one SQL
 * expression over a row of `leads`, so a rule can compare it without loading
 * leads: the same points for source, contact details, age, logged contacts
 * and stage, clamped to 0–100; won is 100 and lost 0. The tests compare it
 * with the lead's own score endpoint.
 */
export function leadScoreSql(context: ScoreContext, now: string): SQL<number> {
  const { rules, stages, sources } = context;
  const nowMs = Date.parse(now);
  const sourcePoints = caseOf(
    sql`${leads.sourceId}`,
    sources.map((s) => [s.id, rules.source[s.channel] ?? 0]),
    0,
  );
  const contact = sql`(${present(sql`${leads.email}`)} * ${lit(rules.contact.email)}
    + ${present(sql`${leads.phone}`)} * ${lit(rules.contact.phone)}
    + ${present(sql`${leads.dateOfBirth}`)} * ${lit(rules.contact.dateOfBirth)}
    + (${leads.responsibleParty} IS NOT NULL) * ${lit(rules.contact.responsibleParty)})`;
  const age = sql`(CASE WHEN ${leads.createdAt} >= ${lit(iso(nowMs - rules.age.freshDays * DAY))} THEN ${lit(rules.age.fresh)}
    WHEN ${leads.createdAt} >= ${lit(iso(nowMs - rules.age.recentDays * DAY))} THEN ${lit(rules.age.recent)} ELSE 0 END)`;
  const logged = sql`(SELECT count(*) FROM ${leadActivities} WHERE ${leadActivities.leadId} = ${leads.id}
    AND ${leadActivities.kind} IN (${sql.join(
      CONTACT_KINDS.map((k) => lit(k)),
      sql`, `,
    )}))`;
  const activity = sql`min(${lit(rules.activity.max)}, ${logged} * ${lit(rules.activity.each)})`;
  const stageIndex = caseOf(
    sql`${leads.stageId}`,
    stages.map((s, i) => [s.id, i]),
    0,
  );
  const stage = sql`min(${lit(rules.stage.max)}, ${stageIndex} * ${lit(rules.stage.perStep)})`;
  const outcome = (kind: string) => stages.filter((s) => s.outcome === kind).map((s) => s.id);
  const won = outcome('won');
  const lost = outcome('lost');
  const inList = (ids: string[]) =>
    ids.length
      ? sql`${leads.stageId} IN (${sql.join(
          ids.map((id) => lit(id)),
          sql`, `,
        )})`
      : sql`0`;
  return sql<number>`(CASE WHEN ${inList(won)} THEN 100 WHEN ${inList(lost)} THEN 0
    ELSE max(0, min(100, ${sourcePoints} + ${contact} + ${age} + ${activity} + ${stage})) END)`;
}
