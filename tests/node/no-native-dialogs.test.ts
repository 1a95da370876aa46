import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The browser's confirm(), prompt() and alert() block the page the panel sits
 * beside, look foreign and cannot be styled or tested like the panel. The
 * panel asks in its own dialogs (extension/ui/confirm-dialog.tsx,
 * extension/ui/text-prompt.tsx). A bare call, or one on window/globalThis,
 * is what this looks for; methods of our own (model.confirm) are fine.
 */
const NATIVE_DIALOG = /(?<![\w.])(?:(?:window|globalThis|self)\.)?(?:confirm|prompt|alert)\s*\(/g;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

/** Comments may name the functions (as this file's do); code may not call them. */
function withoutComments(text: string) {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:])\/\/.*$/gm, '$1');
}

const calls = (code: string) => withoutComments(code).match(NATIVE_DIALOG) ?? [];

describe('the panel asks in its own dialogs', () => {
  it('finds calls to the browser dialogs when they are there', () => {
    expect(calls("if (confirm('Sure?')) go();")).toHaveLength(1);
    expect(calls("const x = window.prompt('Name?');")).toHaveLength(1);
    expect(calls('model.confirm(true); ask.prompt(); // confirm() is not used')).toHaveLength(0);
  });

  it('has no confirm(), prompt() or alert() in the extension', () => {
    const offenders = sources('extension').filter((file) => calls(readFileSync(file, 'utf8')).length > 0);
    expect(offenders).toEqual([]);
  });
});
