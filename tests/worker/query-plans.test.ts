import { env } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import { d1Database } from '../../db/client';
import { scaleFacilityId, scaleOrgs, scaleSeedSql } from '../../scripts/scale-seed';
import { permissionsFor } from '../../shared/permissions';
import { type RuleDefinition, ruleDefinitionSchema } from '../../shared/schemas/automation-rules';
import { AuditLog } from '../../worker/lib/audit-log';
import { TenantDb } from '../../worker/lib/tenant-db';
import { listAuditEvents } from '../../worker/services/audit/list-audit-events';
import type { AuthContext } from '../../worker/services/auth/session-context';
import { dryRunRule } from '../../worker/services/automations/dry-run';
import { dueSubjects } from '../../worker/services/automations/evaluate-rule';
import { loadPopulation } from '../../worker/services/automations/populations';
import { trackerGrid } from '../../worker/services/checklists/tracker';
import { listConsents } from '../../worker/services/consents/consents';
import { readFacilityPage } from '../../worker/services/facilities/read-facilities';
import { listRequests } from '../../worker/services/intake/requests';
import { listSubmissions } from '../../worker/services/intake/submissions';
import { leadAnalytics } from '../../worker/services/leads/lead-analytics';
import { leadBoard } from '../../worker/services/leads/lead-board';
import { listLeads, timeline } from '../../worker/services/leads/leads';
import { listMembers } from '../../worker/services/members/members';
import { existingDuplicates } from '../../worker/services/patients/find-duplicates';
import { listPatientMessages } from '../../worker/services/patients/patient-messages';
import { listPatients } from '../../worker/services/patients/patients';
import { pendingPool } from '../../worker/services/providers/assignments';
import { listProviders } from '../../worker/services/providers/providers';
import { listProviders as listReferringProviders } from '../../worker/services/referrals/list-providers';
import {
  practiceAnalytics,
  providerAnalytics,
  referralOverview,
} from '../../worker/services/referrals/referral-analytics';
import { receiveSms } from '../../worker/services/sms/inbound-sms';
import { seed } from './helpers';

/**
 * Every list, search and report runs here through its own service function;
 * each statement it sends is captured from drizzle's logger and asked for its
 * `EXPLAIN QUERY PLAN` on the migrated schema. A plan that reads a whole table
 * that grows with the organisation (a `SCAN` of it) or sorts its rows (a
 * temporary B-tree for ORDER BY) is what makes a list slow at 100,000 rows.
 */
const GROWING = [
  'patients',
  'leads',
  'audit_events',
  'lead_activities',
  'lead_tasks',
  'patient_checklist_items',
  'patient_services',
  'assignments',
  'intake_requests',
  'intake_submissions',
  'facilities',
  'memberships',
  'providers',
  'patient_name_tokens',
  'lead_search_tokens',
  'lead_day_counts',
  'referrals',
  'referring_providers',
  'referral_practices',
  'appointments',
  'patient_consents',
  'referral_day_counts',
  'referral_outcomes',
  'referral_letters',
  'automation_runs',
  'patient_messages',
];

const [org] = scaleOrgs(1200, 0);
const facilityId = scaleFacilityId(org!);
const captured: { sql: string; params: unknown[] }[] = [];
const tenant = new TenantDb(
  d1Database(env.DB, { logQuery: (sql, params) => captured.push({ sql, params }) }),
  org!.id,
);
const audit = new AuditLog(d1Database(env.DB), { ip: null, userAgent: null, requestId: 'query-plans' });
const auth = {
  userId: 'usr_demo_clinic_admin',
  organizationId: org!.id,
  membershipId: 'mem_demo_clinic_admin',
  role: 'clinic_admin',
  permissions: permissionsFor('clinic_admin'),
} as AuthContext;

/** A referring provider and practice of the organisation, for the per-provider analytics. */
const REFERRER = `rfp_plans_${org!.tag}`;
const referrerSql = (at: string) => [
  `INSERT INTO referral_practices (id, organization_id, name, name_key, address_line1, city, state, postal_code, address_verification, created_at, updated_at)
   VALUES ('${REFERRER}_practice', '${org!.id}', 'Plan Dental', 'plan dental', '1 Main St', 'Austin', 'TX', '78701', '{}', '${at}', '${at}')`,
  `INSERT INTO referring_providers (id, organization_id, practice_id, first_name, last_name, name_key, practice_key, city_key, specialty, letter_preference, created_by, created_at, updated_at)
   VALUES ('${REFERRER}', '${org!.id}', '${REFERRER}_practice', 'Pat', 'Plan', 'plan pat', 'plan dental', 'austin', 'general_dentist', 'mail', 'plans', '${at}', '${at}')`,
];

const yearAgo = new Date(Date.now() - 365 * 86_400_000).toISOString();
const now = new Date().toISOString();
const page = { limit: 50 };
const cursor = (key: string, id: string) =>
  btoa(encodeURIComponent(JSON.stringify([key, id]))).replace(/=+$/, '');

/** A search reads the patients it matched in the word table, by id. */
const BY_MATCH = 'SEARCH patients USING INDEX sqlite_autoindex_patients_1 (id=?)';
/** And the leads it matched in theirs: not every lead of the organisation, filtered. */
const LEAD_BY_MATCH = 'SEARCH leads USING INDEX sqlite_autoindex_leads_1 (id=?)';

/** A rule of `population` with one condition "`field` is `value`" (a task is all it would do). */
function ruleOn(population: RuleDefinition['population'], field: string, value: string) {
  const definition = ruleDefinitionSchema.parse({
    name: `plans ${field}`,
    category: 'case_updates',
    type: 'once',
    population,
    facilityIds: [],
    conditions: { match: 'all', conditions: [{ field, op: 'eq', value }] },
    actions: [{ kind: 'task', membershipId: 'mem_demo_clinic_admin', title: 'Check', dueInDays: 1 }],
  });
  return { ruleId: `aru_plans_${field}`, version: 1, definition };
}

/** What the cron's evaluation of `rule` reads: the due subjects, in id order up to the cap. */
async function evaluationReads(rule: ReturnType<typeof ruleOn>) {
  await dueSubjects(tenant, await loadPopulation(tenant, rule.definition), rule, now);
}

const ENROLLMENT_RULE = ruleOn('patients', 'enrollmentStatus', 'in_progress');
const SOURCE_RULE = ruleOn('leads', 'source', `src_scale_${org!.tag}_1`);
const CONTRACT_RULE = ruleOn('facilities', 'contractStatus', 'active');

/** Each list with the filters a user can choose; `uses`: the index (and its constraint) the filter must reach. */
const LISTS: [name: string, run: () => Promise<unknown>, uses?: string][] = [
  ['patients', () => listPatients(tenant, audit, auth, page)],
  [
    'patients, next page',
    () => listPatients(tenant, audit, auth, { ...page, cursor: cursor('garcia|maria', 'p') }),
  ],
  [
    'patients by facility',
    () => listPatients(tenant, audit, auth, { ...page, facilityId }),
    'patients_facility_name (organization_id=? AND facility_id=?)',
  ],
  [
    'patients searched by name',
    () => listPatients(tenant, audit, auth, { ...page, q: 'maria garcia' }),
    BY_MATCH,
  ],
  ['patients searched by prefix', () => listPatients(tenant, audit, auth, { ...page, q: 'gar' }), BY_MATCH],
  [
    'patients of a facility searched',
    () => listPatients(tenant, audit, auth, { ...page, facilityId, q: 'maria' }),
    BY_MATCH,
  ],
  ['tracker', () => trackerGrid(tenant, audit, auth, { facilityId, sort: 'name' })],
  ['pending pool', () => pendingPool(tenant, audit, auth, facilityId)],
  ['leads', () => listLeads(tenant, audit, page)],
  ['leads, next page', () => listLeads(tenant, audit, { ...page, cursor: cursor(now, 'l') })],
  [
    'leads by stage',
    () => listLeads(tenant, audit, { ...page, stageId: `stg_scale_${org!.tag}_1` }),
    'leads_org_stage (organization_id=? AND stage_id=?)',
  ],
  [
    'leads by coordinator',
    () => listLeads(tenant, audit, { ...page, coordinatorId: `mem_${org!.tag}_clinic_admin` }),
    'leads_org_coordinator (organization_id=? AND coordinator_id=?)',
  ],
  ['leads searched by name', () => listLeads(tenant, audit, { ...page, q: 'maria garcia' }), LEAD_BY_MATCH],
  ['leads searched by email', () => listLeads(tenant, audit, { ...page, q: 'maria@' }), LEAD_BY_MATCH],
  ['leads searched by phone', () => listLeads(tenant, audit, { ...page, q: '555 01' }), LEAD_BY_MATCH],
  ['lead analytics', () => leadAnalytics(tenant, audit, { from: yearAgo, to: now })],
  // Each stage counted only up to the cap, along leads_org_stage.
  ['lead board', () => leadBoard(tenant, audit, { perStage: 20 })],
  ['facilities by name', () => readFacilityPage(tenant, audit, auth, { ...page, sort: 'name' })],
  ['facilities newest first', () => readFacilityPage(tenant, audit, auth, { ...page, sort: '-createdAt' })],
  ['providers', () => listProviders(tenant)],
  ['members', () => listMembers(tenant, audit, page)],
  ['audit', () => listAuditEvents(tenant, page)],
  [
    'audit by entity type',
    () => listAuditEvents(tenant, { ...page, entityType: 'patient' }),
    'audit_org_type (organization_id=? AND entity_type=?)',
  ],
  [
    'audit of one record',
    () => listAuditEvents(tenant, { ...page, entityType: 'patient', entityId: 'pat_scale_demo_1' }),
    'audit_org_entity (organization_id=? AND entity_type=? AND entity_id=?)',
  ],
  [
    'audit by actor',
    () => listAuditEvents(tenant, { ...page, actorUserId: 'usr_demo_clinic_admin' }),
    'audit_org_actor (organization_id=? AND actor_user_id=?)',
  ],
  ['intake requests', () => listRequests(tenant, audit, page)],
  ['intake requests outstanding', () => listRequests(tenant, audit, { ...page, outstanding: 'true' })],
  [
    'intake requests of a lead',
    () => listRequests(tenant, audit, { ...page, leadId: 'lea_scale_demo_1' }),
    'intake_requests_org_lead (organization_id=? AND lead_id=?)',
  ],
  ['intake submissions', () => listSubmissions(tenant, audit, page)],
  [
    'intake submissions of a patient',
    () => listSubmissions(tenant, audit, { ...page, patientId: 'pat_scale_demo_1' }),
    'intake_submissions_org_patient (organization_id=? AND patient_id=?)',
  ],
  [
    'consents of a patient',
    () => listConsents(tenant, audit, { ...page, patientId: 'pat_scale_demo_1' }),
    'patient_consents_org_patient (organization_id=? AND patient_id=?)',
  ],
  [
    'consents of a lead, next page',
    () => listConsents(tenant, audit, { ...page, leadId: 'lea_scale_demo_1', cursor: cursor(now, 'c') }),
    'patient_consents_org_lead (organization_id=? AND lead_id=?)',
  ],
  ['referring providers', () => listReferringProviders(tenant, audit, page)],
  ['referring providers searched', () => listReferringProviders(tenant, audit, { ...page, q: 'smi' })],
  [
    'referral analytics: a period from the day counts',
    () => referralOverview(tenant, audit, {}),
    'COVERING INDEX referral_day_counts_org_day (organization_id=? AND day>? AND day<?)',
  ],
  [
    'referral analytics: the last referral, the day index walked backwards',
    () => referralOverview(tenant, audit, {}),
    'COVERING INDEX referral_day_counts_org_day (organization_id=? AND day<?)',
  ],
  [
    'referral analytics of a provider',
    () => providerAnalytics(tenant, audit, REFERRER, {}),
    'referral_day_counts_org_provider_day (organization_id=? AND provider_id=? AND day>? AND day<?)',
  ],
  [
    "referral analytics of a provider: the strength score's letters",
    () => providerAnalytics(tenant, audit, REFERRER, {}),
    'referral_letters_org_provider (organization_id=? AND provider_id=? AND created_at>?)',
  ],
  [
    "a lead's timeline with the letters sent about it, found through its referrals",
    () => timeline(tenant, audit, 'lea_scale_demo_1'),
    'referrals_org_lead (organization_id=? AND lead_id=?)',
  ],
  [
    'referring providers: the counts of a page',
    () => listReferringProviders(tenant, audit, page),
    'referral_day_counts_org_provider_day (organization_id=? AND provider_id=?)',
  ],
  [
    'automation rule on enrollment status: the evaluation',
    () => evaluationReads(ENROLLMENT_RULE),
    'patients_org_enrollment (organization_id=? AND enrollment_status=?)',
  ],
  [
    'automation rule on enrollment status: the dry run',
    () => dryRunRule(tenant, ENROLLMENT_RULE),
    'patients_org_enrollment (organization_id=? AND enrollment_status=?)',
  ],
  [
    "automation rule on a lead's source: the evaluation",
    () => evaluationReads(SOURCE_RULE),
    'leads_org_source (organization_id=? AND source_id=? AND merged_into=?)',
  ],
  [
    "automation rule on a lead's source: the dry run",
    () => dryRunRule(tenant, SOURCE_RULE),
    'leads_org_source (organization_id=? AND source_id=? AND merged_into=?)',
  ],
  [
    "automation rule on a facility's contract: the evaluation",
    () => evaluationReads(CONTRACT_RULE),
    'facilities_org_contract (organization_id=? AND contract_status=?)',
  ],
  [
    "a roster's duplicate check: the facility's patients of those names, in one read",
    () =>
      existingDuplicates(
        tenant,
        facilityId,
        Array.from({ length: 500 }, (_, i) => ({ nameKey: `name${i}|first`, dateOfBirth: '1940-01-01' })),
      ),
    'patients_facility_name (organization_id=? AND facility_id=? AND name_key=?)',
  ],
  [
    'an inbound text: the patients whose own number it is',
    () => receiveSms(tenant, audit, { from: '+15125550100', body: 'Hello', messageSid: 'SM-plans' }),
    'patients_org_phone (organization_id=? AND phone_key=?)',
  ],
  [
    "a patient's texts",
    () => listPatientMessages(tenant, audit, `pat_scale_${org!.tag}_1`),
    'patient_messages_patient (organization_id=? AND patient_id=?)',
  ],
  [
    'referral analytics of a practice',
    () => practiceAnalytics(tenant, audit, `${REFERRER}_practice`, { from: '2026-01-01', to: '2026-03-31' }),
  ],
];

async function plan(statement: { sql: string; params: unknown[] }): Promise<string[]> {
  const { results } = await env.DB.prepare(`EXPLAIN QUERY PLAN ${statement.sql}`)
    .bind(...statement.params)
    .all<{ detail: string }>();
  return results.map((r) => r.detail);
}

/**
 * What in a plan makes it grow with the organisation. A search may sort: its
 * rows are the matches it found through a word table (`matches`, or the word
 * table's range itself driving the loop when SQLite flattens the subquery),
 * not the organisation's every row.
 */
function problems(details: string[], sql = ''): string[] {
  const sortsMatches =
    details.includes('SCAN matches') ||
    /^SEARCH (patient_name_tokens|lead_search_tokens) /.test(details[0] ?? '');
  // Sorting an organisation's own settings (its few lead sources or stages) costs nothing at any size.
  const readsGrowing = details.some((d) => GROWING.some((t) => new RegExp(`^(SCAN|SEARCH) ${t}\\b`).test(d)));
  // A count or sum narrowed by the organisation alone and never stopped by a LIMIT
  // reads every row the organisation has (an OR of two ranges does this: SQLite
  // narrows an index by one range).
  const unbounded = /\b(group by|count|sum)\b/i.test(sql) && !/\blimit\b/i.test(sql);
  return details.filter(
    (d) =>
      (!sortsMatches && readsGrowing && /TEMP B-TREE FOR (RIGHT PART OF |LAST TERM OF )?ORDER BY/.test(d)) ||
      GROWING.some((t) => new RegExp(`^SCAN ${t}\\b`).test(d)) ||
      (unbounded && GROWING.some((t) => new RegExp(`^SEARCH ${t} .*\\(organization_id=\\?\\)$`).test(d))),
  );
}

describe('every list is served by an index that matches its filter and order', () => {
  beforeAll(async () => {
    await seed();
    const statements = scaleSeedSql([org!])
      .split(/;\n/)
      .filter((s) => s.trim());
    await env.DB.batch([...statements, ...referrerSql(now)].map((s) => env.DB.prepare(s)));
  });

  it.each(LISTS)('%s', async (_name, run, uses) => {
    captured.length = 0;
    await run();
    const reads = captured.filter((c) => /^\s*(select|with)\b/i.test(c.sql));
    expect(reads.length).toBeGreaterThan(0);
    const plans: { sql: string; plan: string[] }[] = [];
    for (const statement of reads) plans.push({ sql: statement.sql, plan: await plan(statement) });
    expect(plans.filter((p) => problems(p.plan, p.sql).length)).toEqual([]);
    if (uses) expect(plans.flatMap((p) => p.plan).some((d) => d.includes(uses))).toBe(true);
  });
});
