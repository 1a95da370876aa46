/**
 * The public intake form in `npm run bench` (issue 7's budgets):
 * - weight: every step of the starter template fetched from the local worker,
 *   gzip-compressed as a browser receives it. The page loads nothing else (CSS,
 *   script and data are inline; the favicon is a data URL), so the HTML is the
 *   fully loaded page. Target: under 50 KB.
 * - render CPU: the step page rendered in Node (the same hono/jsx component
 *   and engine calls the worker runs; D1 reads are I/O, not CPU), timed one
 *   render at a time on a single thread, p50 and p99. Target: under 5 ms.
 * - Lighthouse mobile performance with Debian's Chromium. Lighthouse is not a
 *   dependency (176 MB that only the bench uses, and 13.x wants Node 22.19):
 *   the bench installs 12.8.2, which runs on Node 20, into .tmp/bench-tools
 *   the first time, and says so when it cannot.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { starterDefinition } from '../shared/intake/blocks';
import type { Answers } from '../shared/intake/definition';
import { visibleSections } from '../shared/intake/engine';
import { renderStepPage } from '../worker/pages/intake-form/step-page';
import { findChromium } from './chromium-path.mjs';

const RENDERS = Number(process.env.BENCH_FORM_RENDERS ?? 500);
export const FORM_WEIGHT_BUDGET = 50 * 1024;
export const FORM_RENDER_BUDGET_MS = 5;

async function staff(origin: string, token: string, path: string, body?: unknown) {
  const res = await fetch(`${origin}/api/v1${path}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = (await res.json()) as Record<string, unknown>;
  if (!res.ok) throw new Error(`${path}: ${res.status} ${JSON.stringify(json)}`);
  return json;
}

/** A form link on the starter template for a new lead: the page a patient opens. */
async function starterFormLink(origin: string, token: string) {
  const template = await staff(origin, token, '/intake-templates', {
    name: `Bench starter ${Date.now()}`,
    definition: starterDefinition(),
  });
  await staff(origin, token, `/intake-templates/${template.id}/publish`);
  const lead = (await staff(origin, token, '/leads', {
    firstName: 'Bench',
    lastName: 'Patient',
    phone: '512-555-0150',
    dateOfBirth: '2012-06-01',
    responsibleParty: { name: 'Bench Parent', relationship: 'Mother' },
  })) as { lead: { id: string } };
  const sent = await staff(origin, token, '/intake-requests', {
    templateId: template.id,
    leadId: lead.lead.id,
    delivery: 'link',
  });
  return `${origin}${new URL(String(sent.link)).pathname}`;
}

async function pageWeights(link: string) {
  const steps = visibleSections(starterDefinition(), {}).length;
  const pages = [];
  for (let step = 1; step <= steps; step++) {
    const res = await fetch(`${link}?step=${step}`);
    const html = await res.text();
    if (!res.ok) throw new Error(`step ${step}: ${res.status}`);
    pages.push({ step, bytes: Buffer.byteLength(html), gzip: gzipSync(html).length });
  }
  return pages;
}

function renderTimes() {
  const definition = starterDefinition();
  const answers: Answers = {
    first_name: 'Bench',
    last_name: 'Patient',
    date_of_birth: '2012-06-01',
    email: 'bench@example.test',
    phone: '512-555-0150',
  };
  const sections = visibleSections(definition, answers);
  return async () => {
    const times: number[] = [];
    const cpuBefore = process.cpuUsage();
    for (let i = 0; i < RENDERS; i++) {
      const section = sections[i % sections.length]!;
      const t0 = performance.now();
      await renderStepPage({
        nonce: 'bench-nonce',
        formPath: '/f/bench',
        definition,
        practiceName: 'Demo Care Operations',
        section,
        stepNumber: (i % sections.length) + 1,
        stepCount: sections.length,
        answers,
        prefill: answers,
        errors: {},
        today: '2026-11-23',
      });
      times.push(performance.now() - t0);
    }
    const cpu = process.cpuUsage(cpuBefore);
    times.sort((a, b) => a - b);
    const pct = (p: number) => times[Math.min(times.length - 1, Math.floor((p / 100) * times.length))]!;
    return {
      renders: RENDERS,
      p50: pct(50),
      p99: pct(99),
      cpuMsPerRender: (cpu.user + cpu.system) / 1000 / RENDERS,
    };
  };
}

type LighthouseResult = { score: number | null; skipped?: string };

const LIGHTHOUSE_VERSION = '12.8.2';
const TOOLS_DIR = resolve('.tmp/bench-tools');

/** Installs Lighthouse for the bench once (from the npm registry), answering its node_modules. */
function ensureBenchTools(): string {
  const modules = join(TOOLS_DIR, 'node_modules');
  if (existsSync(join(modules, 'lighthouse/package.json'))) return modules;
  mkdirSync(TOOLS_DIR, { recursive: true });
  writeFileSync(
    join(TOOLS_DIR, 'package.json'),
    // third-party-web is pinned as ../shared/design/toolchain.md found it had to be on Node 20.
    JSON.stringify({ private: true, overrides: { 'third-party-web': '0.27.0' } }),
  );
  console.log(`Installing lighthouse ${LIGHTHOUSE_VERSION} for the bench into ${TOOLS_DIR} (once)…`);
  execFileSync(
    'npm',
    ['install', '--no-audit', '--no-fund', '--save-exact', `lighthouse@${LIGHTHOUSE_VERSION}`],
    { cwd: TOOLS_DIR, stdio: 'inherit' },
  );
  return modules;
}

async function lighthouseScore(url: string): Promise<LighthouseResult> {
  const chromePath = findChromium();
  if (!chromePath) return { score: null, skipped: 'no Chromium found' };
  let lighthouse: (
    url: string,
    flags: object,
  ) => Promise<{ lhr: { categories: { performance: { score: number } } } }>;
  let launch: (options: object) => Promise<{ port: number; kill: () => Promise<void> | void }>;
  try {
    const tools = ensureBenchTools();
    lighthouse = (await import(pathToFileURL(join(tools, 'lighthouse/core/index.js')).href)).default;
    launch = (await import(pathToFileURL(join(tools, 'chrome-launcher/dist/index.js')).href)).launch;
  } catch (e) {
    return { score: null, skipped: `lighthouse could not be installed or loaded (${(e as Error).message})` };
  }
  const chrome = await launch({
    chromePath,
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--no-first-run'],
  });
  try {
    const result = await lighthouse(url, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['performance'],
      formFactor: 'mobile',
    });
    return { score: Math.round(result.lhr.categories.performance.score * 100) };
  } finally {
    await chrome.kill();
  }
}

export async function benchIntakeForm(origin: string, token: string) {
  const link = await starterFormLink(origin, token);
  const weights = await pageWeights(link);
  const time = renderTimes();
  await time(); // warm-up: JIT and module caches
  const render = await time();
  const lighthouse = await lighthouseScore(link);
  const heaviest = weights.reduce((a, b) => (b.gzip > a.gzip ? b : a));
  return {
    weights,
    heaviestGzip: heaviest.gzip,
    weightOk: heaviest.gzip < FORM_WEIGHT_BUDGET,
    render,
    renderOk: render.p50 < FORM_RENDER_BUDGET_MS,
    lighthouse,
  };
}
