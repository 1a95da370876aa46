/**
 * The automation path of `npm run bench`: 100,000 cases and 1,000,000
 * appointments generated in the local D1 (INSERT … SELECT from recursive
 * CTEs), then a rule "expires within 14 days and sessions left > 0" dry-run
 * and evaluated once by the cron handler, beside a plain SQL count of the
 * same matches on the same database file.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createClient } from '@libsql/client';
import { EVALUATION_CAP } from '../worker/services/automations/evaluate-rule';
import { startLocalWorker } from './local-worker';

export const BENCH_CASES = 100_000;
export const BENCH_APPOINTMENTS = 1_000_000;
const ORG = 'org_demo_care_operations';
const NOW = "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')";

export function generationSql() {
  const numbers = (n: number) =>
    `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${n})`;
  return `
INSERT INTO facilities (id, organization_id, name, name_key, address_line1, city, state, postal_code, address_verification, service_categories, created_by, created_at, updated_at)
VALUES ('fac_bench', '${ORG}', 'Bench Clinic', 'bench clinic', '1 Main St', 'Denver', 'CO', '80202', '{"status":"unverified"}', '[]', 'bench', ${NOW}, ${NOW});
INSERT INTO patients (id, organization_id, facility_id, first_name, last_name, name_key, date_of_birth, created_by, created_at, updated_at)
${numbers(10_000)} SELECT 'pat_b' || i, '${ORG}', 'fac_bench', 'P' || i, 'Bench', 'bench|p' || i, '1950-01-01', 'bench', ${NOW}, ${NOW} FROM n;
INSERT INTO cases (id, organization_id, external_id, patient_id, facility_id, name, status, issue_date, expiry_date, max_sessions, invoiceable_cents, created_at, updated_at)
${numbers(BENCH_CASES)} SELECT 'cas_b' || i, '${ORG}', 'bench-' || i, 'pat_b' || (i % 10000 + 1), 'fac_bench', 'Case ' || i,
  CASE WHEN i % 10 = 0 THEN 'closed' ELSE 'open' END, date('now', '-' || (i % 300) || ' days'),
  date('now', '+' || (i % 365) || ' days'), 5 + i % 10, 100000, ${NOW}, ${NOW} FROM n;
INSERT INTO appointments (id, organization_id, external_id, patient_id, case_id, facility_id, starts_at, ends_at, type, status, invoiced_cents, created_at, updated_at)
${numbers(BENCH_APPOINTMENTS)} SELECT 'apt_b' || i, '${ORG}', 'bench-a' || i, 'pat_b' || ((i % ${BENCH_CASES}) % 10000 + 1), 'cas_b' || (i % ${BENCH_CASES} + 1), 'fac_bench',
  strftime('%Y-%m-%dT%H:%M:%fZ', 'now', ((i / ${BENCH_CASES}) * 20 - 150) || ' days'),
  strftime('%Y-%m-%dT%H:%M:%fZ', 'now', ((i / ${BENCH_CASES}) * 20 - 150) || ' days', '+1 hour'), 'Session',
  CASE i % 7 WHEN 0 THEN 'cancelled' WHEN 1 THEN 'did_not_attend' WHEN 2 THEN 'attended' ELSE 'booked' END,
  CASE WHEN i % 7 = 2 THEN 5000 ELSE 0 END, ${NOW}, ${NOW} FROM n;
`;
}

/** The same matches written plainly: appointments aggregated once, joined to the cases. */
const PLAIN_COUNT = `
SELECT count(*) AS n FROM cases c
LEFT JOIN (
  SELECT case_id, sum(status IN ('booked', 'attended') AND ends_at <= ?1) AS done
  FROM appointments WHERE organization_id = '${ORG}' GROUP BY case_id
) a ON a.case_id = c.id
WHERE c.organization_id = '${ORG}' AND c.facility_id = 'fac_bench' AND c.status = 'open'
  AND c.expiry_date BETWEEN date(?1) AND date(?1, '+14 days')
  AND c.max_sessions - coalesce(a.done, 0) > 0`;

const timed = async <T>(work: () => Promise<T>) => {
  const start = performance.now();
  const value = await work();
  return { value, ms: performance.now() - start };
};

export async function benchAutomations() {
  const worker = await startLocalWorker({
    testScheduled: true,
    extraSql: generationSql(),
    // A million rows take 80–120 s on a busy 2-core machine: more than wrangler's usual two minutes.
    extraSqlTimeoutMs: 600_000,
  });
  try {
    const { origin } = worker;
    const post = async (path: string, token: string, body: unknown) => {
      const send = () =>
        fetch(`${origin}${path}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
          body: JSON.stringify(body),
        });
      // After a long wait (the plain count), the runtime may have closed the idle kept-alive
      // connection just as it is reused: that request never arrived, and is sent again.
      const res = await send().catch(send);
      if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
      return res.json() as Promise<Record<string, unknown>>;
    };
    const login = (await (
      await fetch(`${origin}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ email: 'clinic_admin@demo.test', password: 'sidecar-demo' }),
      })
    ).json()) as { token: string };
    const facility = await fetch(`${origin}/api/v1/cases?limit=1`, {
      headers: { Authorization: `Bearer ${login.token}` },
    });
    if (!facility.ok)
      throw new Error(`The generated data is not visible: ${facility.status} ${await facility.text()}`);
    const template = await post('/api/v1/message-templates', login.token, {
      name: 'Bench: referral expiring',
      channel: 'email',
      category: 'case_updates',
      subject: 'Case {{case.name}} expires {{case.expiryDate}}',
      body: '{{case.sessionsLeft}} sessions left.',
    });
    const rule = await post('/api/v1/automation-rules', login.token, {
      name: 'Bench: expiring with sessions left',
      category: 'case_updates',
      type: 'once',
      population: 'cases',
      // Every location: the demo organisation's only cases are the generated ones.
      facilityIds: [],
      conditions: {
        match: 'all',
        conditions: [
          { field: 'status', op: 'eq', value: 'open' },
          { field: 'expiryDate', op: 'within_next_days', value: 14 },
          { field: 'sessionsLeft', op: 'gt', value: 0 },
        ],
      },
      actions: [{ kind: 'email', templateId: template.id, membershipId: 'mem_demo_clinic_admin' }],
    });
    const dryRun = await timed(() => post(`/api/v1/automation-rules/${rule.id}/dry-run`, login.token, {}));

    const d1Dir = join(worker.persistDir, 'v3', 'd1', 'miniflare-D1DatabaseObject');
    const file = readdirSync(d1Dir).find((f) => f.endsWith('.sqlite') && !f.startsWith('metadata'));
    const client = createClient({ url: `file:${join(d1Dir, file ?? '')}` });
    const plain = await timed(() => client.execute({ sql: PLAIN_COUNT, args: [new Date().toISOString()] }));

    await post(`/api/v1/automation-rules/${rule.id}/play`, login.token, {});
    const countRuns = async () =>
      Number(
        (
          await client.execute({
            sql: 'SELECT count(*) AS n FROM automation_runs WHERE rule_id = ?',
            args: [String(rule.id)],
          })
        ).rows[0]?.n ?? -1,
      );
    // The cron handler works after answering (waitUntil): one evaluation acts on every due case up
    // to its cap, so it has ended when that many runs are recorded (polled every 100 ms).
    const expected = Math.min(Number(dryRun.value.due), EVALUATION_CAP);
    const started = performance.now();
    await fetch(`${origin}/__scheduled?cron=*/5+*+*+*+*`);
    let acted = await countRuns();
    while (acted < expected && performance.now() - started < 1_200_000) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      acted = await countRuns();
    }
    const evaluation = { ms: performance.now() - started, value: acted };
    client.close();
    return {
      cases: BENCH_CASES,
      appointments: BENCH_APPOINTMENTS,
      generationMs: worker.extraSqlMs,
      dryRun: { ms: dryRun.ms, matching: Number(dryRun.value.matching), due: Number(dryRun.value.due) },
      plainCount: { ms: plain.ms, matching: Number(plain.value.rows[0]?.n ?? -1) },
      // Until the last run of the evaluation was recorded.
      evaluation: { ms: evaluation.ms, acted: evaluation.value },
    };
  } finally {
    await worker.dispose();
  }
}

if (process.argv[1]?.endsWith('bench-automations.ts')) {
  const result = await benchAutomations();
  console.log(JSON.stringify(result, null, 2));
}
