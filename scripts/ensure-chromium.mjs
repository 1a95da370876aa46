/**
 * Browser tests need a real Chromium. Finds one, or installs Debian's package
 * when it can (root with apt-get); otherwise stops with what to do. It never
 * lets the end-to-end tests skip silently.
 */
import { spawnSync } from 'node:child_process';
import { findChromium } from './chromium-path.mjs';

let path = findChromium();
if (!path) {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { encoding: 'utf8' }).status === 0;
  if (isRoot && hasApt) {
    console.log('Chromium not found: installing Debian\'s "chromium" package (apt-get)…');
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    const update = spawnSync('apt-get', ['update'], { stdio: 'inherit', env });
    const install =
      update.status === 0
        ? spawnSync('apt-get', ['install', '-y', '--no-install-recommends', 'chromium'], {
            stdio: 'inherit',
            env,
          })
        : update;
    if (install.status !== 0) console.error('apt-get could not install chromium.');
    path = findChromium();
  }
}
if (!path) {
  console.error(`
The browser end-to-end tests need Chromium, and none was found or could be installed.
  Debian/Ubuntu:  sudo apt-get install chromium     (or chromium-browser)
  Other systems:  install Chromium or Google Chrome, then set CHROMIUM_PATH=/path/to/chrome
and run npm test again.`);
  process.exit(1);
}
console.log(`Chromium for end-to-end tests: ${path}`);
