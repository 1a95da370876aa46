/**
 * `npm run bench -- --scale`: the demo organisation with 100,000 patients and
 * 100,000 leads (100 facilities of 1,000) and the other one with 1,000 of each
 * (one facility): patients loaded with INSERT … SELECT before the worker
 * starts, leads through the lead import API (preview and commit timed). Every
 * list, search and analytics endpoint is timed one request at a time in both
 * organisations (p50, p99 and their ratio), then the 50-row patient list's
 * throughput under 8 concurrent requests against `/healthz` in the same run.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { importScaleLeads } from './bench-lead-import';
import { measure, type Result, signIn } from './bench-measure';
import { benchRoster } from './bench-roster';
import { startLocalWorker } from './local-worker';
import { type ScaleOrg, scaleFacilityId, scaleOrgs, scaleSeedSql } from './scale-seed';

const LARGE = Number(process.env.BENCH_SCALE_ROWS ?? 100_000);
const SMALL = 1000;
/** `BENCH_SCALE_LEADS=sql` loads the leads as SQL instead of through the import (times the endpoints alone). */
const LEADS_AS_SQL = process.env.BENCH_SCALE_LEADS === 'sql';
const REQUESTS = Number(process.env.BENCH_SCALE_REQUESTS ?? 50);
const THROUGHPUT_REQUESTS = Number(process.env.BENCH_SCALE_THROUGHPUT_REQUESTS ?? 400);

/** Each list and search a user can open, with the filters they can choose. */
function endpoints(org: ScaleOrg): [name: string, path: string][] {
  const facility = scaleFacilityId(org);
  const year = { from: new Date(Date.now() - 365 * 86_400_000).toISOString(), to: new Date().toISOString() };
  return [
    ['patients (50)', '/patients?limit=50'],
    ['patients by facility', `/patients?facilityId=${facility}&limit=50`],
    ['patient search "maria garcia"', '/patients?q=maria%20garcia&limit=50'],
    ['patient search "gar"', '/patients?q=gar&limit=50'],
    // The same one patient in both organisations: the search's own cost, the same page either side.
    ['patient search, one match', '/patients?q=quintessa%20harrowgate&limit=50'],
    ['tracker (facility)', `/tracker?facilityId=${facility}`],
    ['pending pool (facility)', `/assignments/pending?facilityId=${facility}`],
    ['leads (50)', '/leads?limit=50'],
    ['leads by stage', `/leads?stageId=stg_scale_${org.tag}_1&limit=50`],
    ['leads by coordinator', `/leads?coordinatorId=mem_${org.tag}_clinic_admin&limit=50`],
    ['lead search "maria garcia"', '/leads?q=maria%20garcia&limit=50'],
    ['lead analytics (year)', `/leads/analytics?from=${year.from}&to=${year.to}`],
    ['facilities', '/facilities?limit=50'],
    ['providers', '/providers'],
    ['members', '/members'],
    ['audit (50)', '/audit?limit=50'],
    ['audit by entity type', '/audit?limit=50&entityType=patient'],
    ['intake requests', '/intake-requests'],
    ['intake submissions', '/intake-submissions?limit=50'],
  ];
}

/**
 * "Maria Garcia" is 1 patient of the 1,000 and 50 of the 100,000 (the names
 * repeat), so her search also measures a page fifty times longer. One patient
 * with a name nobody else has, in each organisation, measures the search alone.
 */
const onePatientNamed = (org: ScaleOrg) =>
  `INSERT INTO patients (id, organization_id, facility_id, first_name, last_name, name_key, date_of_birth, enrollment_status, created_by, created_at, updated_at)
   VALUES ('pat_scale_${org.tag}_quintessa', '${org.id}', '${scaleFacilityId(org)}', 'Quintessa', 'Harrowgate', 'harrowgate|quintessa', '1941-04-04', 'in_progress', 'usr_${org.tag}_clinic_admin', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z');`;

export async function benchScale() {
  const orgs = scaleOrgs(LARGE, SMALL);
  const loading = performance.now();
  const worker = await startLocalWorker({
    extraSql: `${scaleSeedSql(orgs, undefined, { leads: LEADS_AS_SQL })}\n${orgs.map(onePatientNamed).join('\n')}`,
  });
  console.log(
    `\nScale: ${LARGE.toLocaleString('en-US')} patients and leads vs ${SMALL.toLocaleString('en-US')}, loaded and started in ${((performance.now() - loading) / 1000).toFixed(1)} s; ${REQUESTS} requests each, one at a time\n`,
  );
  try {
    const { origin } = worker;
    const tokens = {
      large: await signIn(origin, `clinic_admin@${orgs[0]!.tag}.test`),
      small: await signIn(origin, `clinic_admin@${orgs[1]!.tag}.test`),
    };
    const leadImports = [];
    for (const [i, org] of LEADS_AS_SQL ? [] : orgs.entries()) {
      const timing = await importScaleLeads(origin, i === 0 ? tokens.large : tokens.small, org);
      leadImports.push({ org: org.tag, ...timing });
      console.log(
        `Lead import of ${timing.rows.toLocaleString('en-US')} rows through the API (${timing.files} file${timing.files === 1 ? '' : 's'}): preview ${(timing.previewMs / 1000).toFixed(1)} s, commit ${(timing.commitMs / 1000).toFixed(1)} s, ${((timing.previewMs + timing.commitMs) / 1000).toFixed(1)} s in all (${timing.imported.toLocaleString('en-US')} imported)`,
      );
    }
    const one = { requests: REQUESTS, concurrency: 1, warmup: 3 };
    const health = await measure('/healthz', `${origin}/healthz`, {}, one);
    const rows: { name: string; small: Result; large: Result }[] = [];
    const large = endpoints(orgs[0]!);
    const small = endpoints(orgs[1]!);
    const get = (path: string, token: string, name: string) =>
      measure(name, `${origin}/api/v1${path}`, { Authorization: `Bearer ${token}` }, one);
    const ms = (n: number) => n.toFixed(1).padStart(7);
    console.log(
      `${'endpoint'.padEnd(32)} ${'p50 1k'.padStart(7)} ${'p99 1k'.padStart(7)} ${'p50 100k'.padStart(8)} ${'p99 100k'.padStart(8)}  100k/1k  ×healthz`,
    );
    for (const [i, [name, path]] of large.entries()) {
      const s = await get(small[i]![1], tokens.small, name);
      const l = await get(path, tokens.large, name);
      rows.push({ name, small: s, large: l });
      console.log(
        `${name.padEnd(32)} ${ms(s.p50)} ${ms(s.p99)} ${ms(l.p50).padStart(8)} ${ms(l.p99).padStart(8)}  ${(l.p50 / s.p50).toFixed(2).padStart(6)}  ${(l.p50 / health.p50).toFixed(1).padStart(7)}${s.errors || l.errors ? `  ERRORS ${s.errors}/${l.errors}` : ''}`,
      );
    }
    console.log(`${'/healthz'.padEnd(32)} ${ms(health.p50)} ${ms(health.p99)}`);

    const eight = { requests: THROUGHPUT_REQUESTS, concurrency: 8, warmup: 16 };
    const healthRps = await measure('/healthz', `${origin}/healthz`, {}, eight);
    const list = await measure(
      'patients (50), 100k',
      `${origin}/api/v1/patients?limit=50`,
      { Authorization: `Bearer ${tokens.large}` },
      eight,
    );
    console.log(
      `\n8 concurrent: /healthz ${healthRps.rps.toFixed(0)} req/s, 50-row patient list at ${LARGE.toLocaleString('en-US')} ${list.rps.toFixed(0)} req/s (${((list.rps / healthRps.rps) * 100).toFixed(0)}% of /healthz; target 25%)`,
    );
    // The roster import's commit into the large organisation: duplicate checks and the
    // name word triggers now run against 100,000 patients already there.
    const roster = await benchRoster(origin, tokens.large);
    console.log(
      `Roster commit of ${roster.rows.toLocaleString('en-US')} rows with ${LARGE.toLocaleString('en-US')} patients already there: ${roster.commit.ms.toFixed(0)} ms (target 500 ms)`,
    );
    mkdirSync('.tmp', { recursive: true });
    writeFileSync(
      '.tmp/bench-scale.json',
      JSON.stringify(
        { at: new Date().toISOString(), leadImports, health, rows, throughput: { healthRps, list }, roster },
        null,
        2,
      ),
    );
    if (
      rows.some((r) => r.small.errors || r.large.errors) ||
      list.errors ||
      roster.committed !== roster.rows ||
      leadImports.some((l) => l.imported !== l.rows)
    )
      process.exitCode = 1;
  } finally {
    await worker.dispose();
  }
}
