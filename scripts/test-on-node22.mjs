#!/usr/bin/env node
// The README claims Node 20.19+ and Node 22.12+. `npm test` runs everything on
// the Node it was started with (20 on our machines and in CI); this stage runs
// the parts that load the toolchain's own code (the extension build with wxt and
// Vite, the worker tests with wrangler and workerd through vitest, and the Node tests)
// once more on Node 22, so a dependency that stops working there fails here.
// Node 22 comes from the npm registry (the `node-<os>-<arch>` package that the
// `node` package itself installs), kept in .tmp/ (git-ignored, and `npm ci` leaves it alone).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join, resolve } from 'node:path';

const VERSION = '22.23.3';
const SKIP = 'SIDECAR_SKIP_NODE22';

const fail = (why) => {
  console.error(
    `\nNode ${VERSION} stage: ${why}\nSet ${SKIP}=1 to run the suite without it (CI never does).`,
  );
  process.exit(1);
};

if (process.env[SKIP] === '1') {
  console.log(`Node ${VERSION} stage skipped (${SKIP}=1).`);
  process.exit(0);
}
if (process.versions.node.split('.')[0] === '22') {
  console.log(`This run is on Node ${process.versions.node} already; the suite above covered Node 22.`);
  process.exit(0);
}
const os = { linux: 'linux', darwin: 'darwin' }[process.platform];
const arch = { x64: 'x64', arm64: 'arm64' }[process.arch];
if (!os || !arch) fail(`no Node ${VERSION} package is fetched for ${process.platform}/${process.arch}.`);

const home = resolve('.tmp', `node-${VERSION}`);
const node = join(home, 'bin', 'node');
if (!existsSync(node)) {
  const pkg = `node-${os}-${arch}@${VERSION}`;
  console.log(`Fetching ${pkg} from the npm registry (about 50 MB, once per checkout)…`);
  // Unpacked beside its final place and renamed in one step: a run stopped halfway
  // leaves no half-written Node behind for the next run to trust.
  const scratch = mkdtempSync(join(tmpdir(), 'sidecar-node22-'));
  const unpacked = `${home}.partial-${process.pid}`;
  let problem = null;
  try {
    execFileSync('npm', ['pack', pkg, '--silent', '--pack-destination', scratch], { stdio: 'inherit' });
    const tarball = readdirSync(scratch).find((f) => f.endsWith('.tgz'));
    if (!tarball) throw new Error('npm pack wrote no tarball');
    mkdirSync(unpacked, { recursive: true });
    execFileSync('tar', ['-xzf', join(scratch, tarball), '-C', unpacked, '--strip-components=1']);
    rmSync(home, { recursive: true, force: true });
    renameSync(unpacked, home);
  } catch (e) {
    problem = e.message.split('\n')[0];
  } finally {
    rmSync(scratch, { recursive: true, force: true });
    rmSync(unpacked, { recursive: true, force: true });
  }
  if (problem) fail(`could not fetch ${pkg} (${problem}). Check the connection to the npm registry.`);
}

// Node 22 first on PATH, so every process the tools start (workerd's helpers, npm scripts) runs on it too.
const env = { ...process.env, PATH: `${join(home, 'bin')}${delimiter}${process.env.PATH}` };
let version;
try {
  version = execFileSync(node, ['--version'], { env }).toString().trim();
} catch (e) {
  fail(`${node} does not run (${e.message.split('\n')[0]}); delete ${home} and run again.`);
}
const steps = [
  ['extension build', ['node_modules/wxt/bin/wxt.mjs', 'build']],
  ['worker tests', ['node_modules/vitest/vitest.mjs', 'run', '--config', 'vitest.config.ts']],
  ['Node tests', ['node_modules/vitest/vitest.mjs', 'run', '--config', 'vitest.node.config.ts']],
];
for (const [name, args] of steps) {
  console.log(`\n== Node ${version}: ${name}`);
  const run = spawnSync(node, args, { env, stdio: 'inherit' });
  if (run.status !== 0) fail(`the ${name} failed on Node ${version}.`);
}
console.log(`\nNode ${version}: extension build, worker tests and Node tests passed.`);
