/**
 * `npm start`: one command from a fresh clone to a working local system.
 * Migrates the local D1, seeds the demo organisations (idempotent), builds the
 * extension for "Load unpacked", then serves the worker with local D1, R2 and
 * cron on 127.0.0.1:$PORT (default 8787). Ctrl-C stops everything it started.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { migrateLocal, seedLocal, WRANGLER_ENV } from './local-db';

const port = Number(process.env.PORT ?? 8787);
if (!Number.isInteger(port) || port < 1 || port > 65535) {
  console.error(`PORT must be a number between 1 and 65535 (got "${process.env.PORT}")`);
  process.exit(2);
}
const origin = `http://127.0.0.1:${port}`;
const extensionDir = resolve('.output/chrome-mv3');
// The packages' own entry scripts, run with this Node (no npx wrapper that would outlive Ctrl-C).
const wranglerBin = resolve('node_modules/wrangler/bin/wrangler.js');
const wxtBin = resolve('node_modules/wxt/bin/wxt.mjs');

function step(label: string) {
  process.stdout.write(`• ${label}…\n`);
}

step('Applying migrations to the local database (.wrangler/state)');
migrateLocal();
step('Seeding the demo organisations');
const { logins } = await seedLocal();

step('Building the extension');
const build = spawnSync(process.execPath, [wxtBin, 'build'], {
  stdio: ['ignore', 'ignore', 'inherit'],
  env: { ...process.env, WXT_API_ORIGIN: origin },
});
if (build.status !== 0) {
  console.error('The extension build failed (see above).');
  process.exit(1);
}

step(`Starting the worker on ${origin}`);
const worker: ChildProcess = spawn(
  process.execPath,
  [
    wranglerBin,
    'dev',
    '--ip',
    '127.0.0.1',
    '--port',
    String(port),
    '--test-scheduled',
    '--var',
    `PUBLIC_BASE_URL:${origin}`,
    '--show-interactive-dev-session=false',
  ],
  { stdio: ['ignore', 'pipe', 'inherit'], env: WRANGLER_ENV },
);

let cron: NodeJS.Timeout | undefined;
let ready = false;
worker.stdout?.on('data', (chunk: Buffer) => {
  const text = chunk.toString();
  if (!ready && text.includes('Ready on')) {
    ready = true;
    printBanner();
    // wrangler dev does not fire cron triggers by itself; drive the same handler every 5 minutes.
    cron = setInterval(() => {
      fetch(`${origin}/__scheduled?cron=${encodeURIComponent('*/5 * * * *')}`).catch(() => undefined);
    }, 5 * 60_000);
  } else if (ready && /\b(ERROR|error)\b/.test(text)) {
    process.stdout.write(text);
  }
});

function printBanner() {
  const width = Math.max(...logins.map((l) => l.email.length));
  console.log(`
Sidecar CRM is running.

  API and public pages  ${origin}
  Health                ${origin}/healthz
  Dev mailbox           ${origin}/dev/mailbox
  OpenAPI               ${origin}/api/v1/openapi.json

  Extension folder      ${extensionDir}
    chrome://extensions → Developer mode → Load unpacked → choose that folder,
    then click the Sidecar toolbar button to open the side panel.

Demo logins (password for all: ${logins[0]?.password}):
${logins.map((l) => `  ${l.email.padEnd(width)}  ${l.role.padEnd(22)} ${l.organization}`).join('\n')}

Press Ctrl-C to stop.`);
}

let stopping = false;
function stop() {
  if (stopping) return;
  stopping = true;
  if (cron) clearInterval(cron);
  console.log('\nStopping…');
  // Signal wrangler itself (not an npx wrapper): workerd goes down with it.
  worker.kill('SIGINT');
  setTimeout(() => worker.kill('SIGKILL'), 5000).unref();
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
worker.on('exit', (code) => {
  if (cron) clearInterval(cron);
  process.exit(stopping ? 0 : (code ?? 1));
});
