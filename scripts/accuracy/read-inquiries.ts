/**
 * The capture set through the extension's own extractLead, run in Chromium on
 * each saved message (a real DOM, as on the page), scored field by field.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { findChromium } from '../chromium-path.mjs';
import { INQUIRY_DIR } from './inquiry-pages';
import { type Scores, tally } from './score';

export const CAPTURE_FIELDS = [
  'firstName',
  'lastName',
  'dateOfBirth',
  'email',
  'phone',
  'guardianName',
  'guardianRelationship',
  'referrer',
  'sourceChannel',
];

export async function scoreInquiries(dir = INQUIRY_DIR) {
  const bundle = await build({
    stdin: {
      contents:
        "import { extractLead } from './extension/capture/extract-lead'; (globalThis as any).__extractLead = extractLead;",
      loader: 'ts',
      resolveDir: process.cwd(),
    },
    bundle: true,
    format: 'iife',
    write: false,
    target: 'es2022',
  });
  const script = bundle.outputFiles[0]!.text;
  const path = findChromium();
  if (!path) throw new Error('Chromium is needed to score capture (see scripts/ensure-chromium.mjs)');
  const browser = await chromium.launch({ executablePath: path });
  const scores: Scores = {};
  let messages = 0;
  try {
    const tab = await browser.newPage();
    for (const file of readdirSync(dir)
      .filter((f) => f.endsWith('.html'))
      .sort()) {
      const { url, truth } = JSON.parse(
        readFileSync(join(dir, file.replace(/\.html$/, '.json')), 'utf8'),
      ) as {
        url: string;
        truth: Record<string, string>;
      };
      await tab.setContent(readFileSync(join(dir, file), 'utf8'));
      await tab.addScriptTag({ content: script });
      // A string, not a function: the scripts are type-checked without the DOM's types.
      const fields = (await tab.evaluate(
        `(() => { const lead = globalThis.__extractLead(document, { url: ${JSON.stringify(url)} }); return { ...lead.fields, sourceChannel: lead.sourceChannel }; })()`,
      )) as Record<string, string>;
      messages++;
      tally(scores, CAPTURE_FIELDS, truth, fields);
      if (process.env.BENCH_VERBOSE) console.log(file, JSON.stringify(fields));
    }
  } finally {
    await browser.close();
  }
  return { messages, scores };
}
