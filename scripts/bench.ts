/**
 * `npm run bench`: starts the worker locally (wrangler, local D1) on a fresh
 * database and measures requests per second and p50/p99 latency of
 * unauthenticated GET /healthz (the floor: routing only) and authenticated
 * GET /api/v1/me (session read + audit write), and their ratio; then the
 * roster import, the public intake form and the automation engine over 100,000
 * cases (bench-roster.ts, bench-intake-form.ts, bench-automations.ts).
 * Loopback only, bounded in requests and time.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { benchAutomations } from './bench-automations';
import { benchIntakeForm } from './bench-intake-form';
import { benchRoster } from './bench-roster';
import { startLocalWorker } from './local-worker';

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 2000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);
const WARMUP = 100;

type Result = {
  name: string;
  requests: number;
  seconds: number;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
};

async function measure(name: string, url: string, headers: Record<string, string>): Promise<Result> {
  const run = async (count: number, latencies: number[] | null) => {
    let next = 0;
    let errors = 0;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < count) {
          next++;
          const t0 = performance.now();
          const res = await fetch(url, { headers });
          await res.arrayBuffer();
          if (!res.ok) errors++;
          latencies?.push(performance.now() - t0);
        }
      }),
    );
    return errors;
  };
  await run(WARMUP, null);
  const latencies: number[] = [];
  const start = performance.now();
  const errors = await run(REQUESTS, latencies);
  const seconds = (performance.now() - start) / 1000;
  latencies.sort((a, b) => a - b);
  const pct = (p: number) =>
    latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))]!;
  return { name, requests: REQUESTS, seconds, rps: REQUESTS / seconds, p50: pct(50), p99: pct(99), errors };
}

const worker = await startLocalWorker();
try {
  const { origin } = worker;
  const login = await fetch(`${origin}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: 'clinic_admin@demo.test', password: 'sidecar-demo' }),
  });
  const { token } = (await login.json()) as { token: string };

  const health = await measure('GET /healthz', `${origin}/healthz`, {});
  const me = await measure('GET /api/v1/me', `${origin}/api/v1/me`, { Authorization: `Bearer ${token}` });
  const fmt = (r: Result) =>
    `${r.name.padEnd(16)} ${r.rps.toFixed(0).padStart(6)} req/s   p50 ${r.p50.toFixed(2).padStart(6)} ms   p99 ${r.p99.toFixed(2).padStart(6)} ms   errors ${r.errors}`;
  console.log(
    `\n${REQUESTS} requests each, ${CONCURRENCY} concurrent, wrangler dev + local D1 on loopback\n`,
  );
  console.log(fmt(health));
  console.log(fmt(me));
  const ratio = { rps: me.rps / health.rps, p50: me.p50 / health.p50, p99: me.p99 / health.p99 };
  console.log(
    `\n/me vs /healthz: ${(ratio.rps * 100).toFixed(0)}% of the throughput, p50 ×${ratio.p50.toFixed(2)}, p99 ×${ratio.p99.toFixed(2)}`,
  );

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
    JSON.stringify({ at: new Date().toISOString(), health, me, ratio, roster, form, automations }, null, 2),
  );
  if (health.errors || me.errors || !roster.previewOk || roster.committed !== roster.rows)
    process.exitCode = 1;
  if (!form.weightOk || !form.renderOk) process.exitCode = 1;
  if (automations.dryRun.matching === 0 || automations.dryRun.matching !== automations.plainCount.matching)
    process.exitCode = 1;
} finally {
  await worker.dispose();
}
