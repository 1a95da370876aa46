import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// The built extension, as "Load unpacked" gets it (npm run test:e2e builds it first).
const OUT = '.output/chrome-mv3';
const manifest = JSON.parse(readFileSync(join(OUT, 'manifest.json'), 'utf8'));

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

describe('the built extension asks for the least it needs', () => {
  it('has no standing access to sites: pages are read only when the person asks', () => {
    expect(manifest.permissions.sort()).toEqual(
      ['activeTab', 'alarms', 'contextMenus', 'scripting', 'sidePanel', 'storage'].sort(),
    );
    expect(manifest.host_permissions).toEqual(['http://127.0.0.1/*']);
    expect(manifest.content_scripts).toBeUndefined();
    // The capture script is injected on request, not exposed to web pages.
    expect(manifest.web_accessible_resources).toBeUndefined();
  });

  it('offers capture from a keyboard shortcut', () => {
    expect(manifest.commands['capture-lead']).toEqual({
      suggested_key: { default: 'Alt+Shift+L' },
      description: 'Capture a lead from this page or email',
    });
  });

  it('ships no credentials or server secrets', () => {
    const bundle = files(OUT)
      .filter((f) => /\.(js|html|json)$/.test(f))
      .map((f) => readFileSync(f, 'utf8'))
      .join('\n');
    expect(bundle).not.toMatch(/sidecar-demo|RESEND_API_KEY|re_[A-Za-z0-9]{20,}|SMARTY_AUTH/);
    expect(bundle).not.toMatch(/-----BEGIN [A-Z ]*PRIVATE KEY-----/);
  });
});
