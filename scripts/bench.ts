/**
 * `npm run bench`: starts the worker locally (wrangler, local D1) on a fresh
 * database and measures requests per second and p50/p99 latency of
 * unauthenticated GET /healthz (the floor: routing only) and authenticated
 * GET /api/v1/me (session read + audit write), and their ratio; then the
 * referring-provider directory and referral analytics (bench-referrals.ts), the
 * roster import, the public intake form, the automation engine over 100,000 cases
 * (bench-roster.ts, bench-intake-form.ts, bench-automations.ts), the page card's match and its
 * panel-open-to-card time from the end-to-end trace (bench-page-card.ts), and the readers'
 * accuracy on the sets under tests/fixtures/accuracy (bench-accuracy.ts).
 * `--referrals` runs /healthz and the referrals scenario only.
 * Loopback only, bounded in requests and time.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { benchAccuracy } from './bench-accuracy';
import { benchAutomations } from './bench-automations';
import { benchIntakeForm } from './bench-intake-form';
import { measure as measureWith, type Result, signIn } from './bench-measure';
import { benchPageCard, printPageCard } from './bench-page-card';
import { RECORDS_OPEN_REQUESTS, recordsBenchSql } from './bench-records';
import { benchReferrals, referralsBenchSql } from './bench-referrals';
import { benchRoster } from './bench-roster';
import { benchScale } from './bench-scale';
import { startLocalWorker } from './local-worker';

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 2000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);
const WARMUP = 100;
const measure = (name: string, url: string, headers: Record<string, string>) =>
  measureWith(name, url, headers, { requests: REQUESTS, concurrency: CONCURRENCY, warmup: WARMUP });

if (process.argv.includes('--scale')) {
  await benchScale();
  process.exit(process.exitCode ?? 0);
}

const worker = await startLocalWorker({
  extraSql: recordsBenchSql() + referralsBenchSql(),
  extraSqlTimeoutMs: 180_000,
});
try {
  const { origin } = worker;
  const token = await signIn(origin, 'clinic_admin@demo.test');

  const health = await measure('GET /healthz', `${origin}/healthz`, {});
  // `npm run bench -- --referrals`: the floor and the referrals scenario alone, to compare one change.
  if (process.argv.includes('--referrals')) {
    const referrals = await benchReferrals(origin, token, health, {
      requests: Math.min(REQUESTS, 200),
      concurrency: CONCURRENCY,
      warmup: 20,
    });
    if (Object.values(referrals).some((r) => r.errors)) process.exitCode = 1;
    await worker.dispose();
    process.exit(process.exitCode ?? 0);
  }
  const me = await measure('GET /api/v1/me', `${origin}/api/v1/me`, { Authorization: `Bearer ${token}` });
  const board = await measure('records board', `${origin}/api/v1/records-requests?open=true&limit=50`, {
    Authorization: `Bearer ${token}`,
  });
  const fmt = (r: Result) =>
    `${r.name.padEnd(16)} ${r.rps.toFixed(0).padStart(6)} req/s   p50 ${r.p50.toFixed(2).padStart(6)} ms   p99 ${r.p99.toFixed(2).padStart(6)} ms   errors ${r.errors}`;
  console.log(
    `\n${REQUESTS} requests each, ${CONCURRENCY} concurrent, the local workerd runtime (no dev proxy) + local D1 on loopback\n`,
  );
  console.log(fmt(health));
  console.log(fmt(me));
  console.log(fmt(board));
  const ratio = { rps: me.rps / health.rps, p50: me.p50 / health.p50, p99: me.p99 / health.p99 };
  console.log(
    `\n/me vs /healthz: ${(ratio.rps * 100).toFixed(0)}% of the throughput, p50 ×${ratio.p50.toFixed(2)}, p99 ×${ratio.p99.toFixed(2)}`,
  );

  console.log(
    `records board (${RECORDS_OPEN_REQUESTS.toLocaleString('en-US')} open requests, first page of 50) vs /healthz: p50 ×${(board.p50 / health.p50).toFixed(2)}, ${((board.rps / health.rps) * 100).toFixed(0)}% of the throughput`,
  );

  const referrals = await benchReferrals(origin, token, health, {
    requests: Math.min(REQUESTS, 200),
    concurrency: CONCURRENCY,
    warmup: 20,
  });

  const roster = await benchRoster(origin, token);
  const perSecond = (n: number) => `${Math.round(n).toLocaleString('en-US')} rows/s`;
  console.log(`\nRoster import, ${roster.rows} generated rows (target: commit under 1.5 s)\n`);
  console.log(
    `preview (CSV upload, parse, check, duplicate lookups)  ${roster.preview.ms.toFixed(0).padStart(6)} ms  ${perSecond(roster.preview.rowsPerSecond)}`,
  );
  console.log(
    `commit  (validate, duplicates, D1 batch, audit)        ${roster.commit.ms.toFixed(0).padStart(6)} ms  ${perSecond(roster.commit.rowsPerSecond)}`,
  );
  console.log(
    `floor   (plain SQLite insert, one transaction)        ${roster.floor.ms.toFixed(0).padStart(6)} ms  ${perSecond(roster.floor.rowsPerSecond)}`,
  );
  console.log(
    `\ncommit vs floor: ×${(roster.commit.ms / roster.floor.ms).toFixed(1)} the time; preview vs floor: ×${(roster.preview.ms / roster.floor.ms).toFixed(1)}`,
  );

  const form = await benchIntakeForm(origin, token);
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
  console.log(
    '\nPublic intake form (starter template), targets: under 50 KB gzip fully loaded, render under 5 ms\n',
  );
  for (const page of form.weights)
    console.log(
      `step ${page.step}   ${kb(page.bytes).padStart(8)} HTML   ${kb(page.gzip).padStart(8)} gzip (everything inline)`,
    );
  console.log(
    `render (hono/jsx + engine, Node, one at a time, ${form.render.renders} renders)   p50 ${form.render.p50.toFixed(2)} ms   p99 ${form.render.p99.toFixed(2)} ms   CPU ${form.render.cpuMsPerRender.toFixed(2)} ms/render`,
  );
  console.log(
    form.lighthouse.score === null
      ? `Lighthouse mobile performance: skipped, ${form.lighthouse.skipped}`
      : `Lighthouse mobile performance (Debian Chromium): ${form.lighthouse.score}`,
  );

  const pageCard = await benchPageCard(origin, token);
  printPageCard(pageCard);

  const accuracy = await benchAccuracy();
  const automations = await benchAutomations();
  console.log(
    `\nAutomation, ${automations.cases.toLocaleString('en-US')} cases and ${automations.appointments.toLocaleString('en-US')} appointments (generated in ${(automations.generationMs / 1000).toFixed(0)} s), rule "open, expires within 14 days, sessions left > 0"\n`,
  );
  console.log(
    `dry run (API: count, due, sample, 7-day forecast)   ${automations.dryRun.ms.toFixed(0).padStart(6)} ms   ${automations.dryRun.matching} matching`,
  );
  console.log(
    `plain SQL count of the same matches (libSQL)        ${automations.plainCount.ms.toFixed(0).padStart(6)} ms   ${automations.plainCount.matching} matching`,
  );
  console.log(
    `one evaluation (cron handler, capped per run)       ${automations.evaluation.ms.toFixed(0).padStart(6)} ms   ${automations.evaluation.acted} acted on`,
  );

  mkdirSync('.tmp', { recursive: true });
  writeFileSync(
    '.tmp/bench.json',
    JSON.stringify(
      {
        at: new Date().toISOString(),
        health,
        me,
        board,
        ratio,
        referrals,
        roster,
        form,
        pageCard,
        accuracy,
        automations,
      },
      null,
      2,
    ),
  );
  if (Object.values(referrals).some((r) => r.errors)) process.exitCode = 1;
  if (health.errors || me.errors || board.errors || !roster.previewOk || roster.committed !== roster.rows)
    process.exitCode = 1;
  if (!form.weightOk || !form.renderOk) process.exitCode = 1;
  if (pageCard.match.errors) process.exitCode = 1;
  if (automations.dryRun.matching === 0 || automations.dryRun.matching !== automations.plainCount.matching)
    process.exitCode = 1;
} finally {
  await worker.dispose();
}
