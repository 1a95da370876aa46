/**
 * The referrals path of `npm run bench`: the referring-provider directory and
 * the referral analytics over 2,000 providers (at 1,000 practices) and 50,000
 * incoming referrals of one organisation spread over three years, each with
 * its lead; about half had an attended consultation and a fifth started
 * treatment. The first 100 providers referred only before the last 100 days,
 * so the cooling list has work to do. Written in SQL before the worker starts.
 */
import { measure, type Result } from './bench-measure';
import { DEMO_ORGS } from './seed-demo';

export const REFERRAL_PROVIDERS = 2_000;
export const REFERRALS = 50_000;

export function referralsBenchSql(now = new Date()) {
  const org = DEMO_ORGS.demo.id;
  const at = now.toISOString();
  const day = at.slice(0, 10);
  const counter = (n: number) =>
    `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${n})`;
  // Provider of referral i, and its date: days back over three years, the first 100 providers not in the last 100 days.
  const provider = '(1 + (i * 7919) % 2000)';
  const daysBack = `((i * 104729) % 1095 + CASE WHEN ${provider} <= 100 THEN 100 ELSE 0 END)`;
  return `
INSERT INTO facilities (id, organization_id, name, name_key, address_line1, city, state, postal_code, address_verification, service_categories, created_by, created_at, updated_at)
VALUES ('fac_bench_referrals', '${org}', 'Bench Referrals Clinic', 'bench referrals clinic', '20 Elm St', 'Austin', 'TX', '78701', '{}', '[]', 'bench', '${at}', '${at}');
INSERT INTO pipeline_stages (id, organization_id, name, sort_order, outcome, created_at)
VALUES ('stg_bench_referrals', '${org}', 'Bench referred', 90, 'open', '${at}');
${counter(REFERRAL_PROVIDERS / 2)}
INSERT INTO referral_practices (id, organization_id, name, name_key, address_line1, city, state, postal_code, address_verification, created_at, updated_at)
SELECT 'rpr_bench_' || i, '${org}', 'Bench Dental ' || i, 'bench dental ' || i, i || ' Main St', 'Austin', 'TX', '78701', '{}', '${at}', '${at}' FROM n;
${counter(REFERRAL_PROVIDERS)}
INSERT INTO referring_providers (id, organization_id, practice_id, first_name, last_name, name_key, practice_key, city_key, specialty, letter_preference, created_by, created_at, updated_at)
SELECT 'rfp_bench_' || i, '${org}', 'rpr_bench_' || (1 + i % ${REFERRAL_PROVIDERS / 2}), 'Dee' || i, 'Bench' || printf('%04d', i), 'bench' || printf('%04d', i) || ' dee' || i,
  'bench dental ' || (1 + i % ${REFERRAL_PROVIDERS / 2}), 'austin', 'general_dentist', 'mail', 'bench', '${at}', '${at}' FROM n;
${counter(REFERRALS)}
INSERT INTO leads (id, organization_id, first_name, last_name, name_key, stage_id, stage_entered_at, created_by, created_at, updated_at)
SELECT 'lea_bench_ref_' || i, '${org}', 'Ref' || i, 'Lead', 'lead|ref' || i, 'stg_bench_referrals', '${at}', 'bench',
  date('${day}', printf('-%d days', ${daysBack})) || 'T12:00:00.000Z', '${at}' FROM n;
${counter(REFERRALS)}
INSERT INTO referrals (id, organization_id, direction, provider_id, lead_id, referral_date, channel, revenue_cents, created_by, created_at, updated_at)
SELECT printf('ref_bench_%06d', i), '${org}', 'incoming', 'rfp_bench_' || ${provider}, 'lea_bench_ref_' || i,
  date('${day}', printf('-%d days', ${daysBack})), 'letter', CASE WHEN i % 10 = 0 THEN 450000 ELSE NULL END, 'bench', '${at}', '${at}' FROM n;
${counter(REFERRALS)}
INSERT INTO appointments (id, organization_id, external_id, lead_id, facility_id, starts_at, ends_at, type, status, created_at, updated_at)
SELECT 'apt_bench_ref_' || i, '${org}', 'BENCH-REF-' || i, 'lea_bench_ref_' || i, 'fac_bench_referrals',
  date('${day}', printf('-%d days', max(0, ${daysBack} - 12))) || 'T15:00:00.000Z', date('${day}', printf('-%d days', max(0, ${daysBack} - 12))) || 'T16:00:00.000Z',
  'Consultation', 'attended', '${at}', '${at}' FROM n WHERE i % 2 = 0;
${counter(REFERRALS)}
INSERT INTO lead_activities (id, organization_id, lead_id, kind, created_by, created_at)
SELECT 'lac_bench_ref_' || i, '${org}', 'lea_bench_ref_' || i, 'conversion', 'bench',
  date('${day}', printf('-%d days', max(0, ${daysBack} - 40))) || 'T10:00:00.000Z' FROM n WHERE i % 10 IN (0, 4);
`;
}

/** The directory's first page, the analytics (90 days and a year) and one provider's page, against /healthz. */
export async function benchReferrals(
  origin: string,
  token: string,
  health: Result,
  options: { requests: number; concurrency: number; warmup: number },
) {
  const auth = { Authorization: `Bearer ${token}` };
  const yearAgo = new Date(Date.now() - 364 * 86_400_000).toISOString().slice(0, 10);
  const runs = {
    list: await measure('provider list', `${origin}/api/v1/referring-providers?limit=50`, auth, options),
    analytics: await measure('analytics 90 d', `${origin}/api/v1/referral-analytics`, auth, options),
    analyticsYear: await measure(
      'analytics 1 yr',
      `${origin}/api/v1/referral-analytics?from=${yearAgo}`,
      auth,
      options,
    ),
    provider: await measure(
      'one provider',
      `${origin}/api/v1/referral-analytics/providers/rfp_bench_1000`,
      auth,
      options,
    ),
  };
  console.log(
    `\nReferrals, ${REFERRAL_PROVIDERS.toLocaleString('en-US')} providers and ${REFERRALS.toLocaleString('en-US')} referrals (${options.requests} requests each, ${options.concurrency} concurrent)\n`,
  );
  for (const r of Object.values(runs))
    console.log(
      `${r.name.padEnd(16)} ${r.rps.toFixed(0).padStart(6)} req/s   p50 ${r.p50.toFixed(2).padStart(7)} ms (×${(r.p50 / health.p50).toFixed(1)} /healthz)   p99 ${r.p99.toFixed(2).padStart(7)} ms   errors ${r.errors}`,
    );
  return runs;
}
