/**
 * The capture set through the extension's own extractLead, run in Chromium on
 * each saved message (a real DOM, as on the page), scored field by field. A
 * page about a dentist is scored on the referring provider extractReferrer
 * offers to save (fields prefixed "provider."), a page about a patient on the
 * lead; every web page counts a provider it offers wrongly.
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

export const PROVIDER_FIELDS = [
  'firstName',
  'lastName',
  'credentials',
  'specialty',
  'practiceName',
  'line1',
  'city',
  'state',
  'postalCode',
  'phone',
  'fax',
  'email',
].map((f) => `provider.${f}`);

type Truth = Record<string, string> & { provider?: Record<string, string> };
const prefixed = (values: Record<string, string> | undefined) =>
  Object.fromEntries(Object.entries(values ?? {}).map(([k, v]) => [`provider.${k}`, v]));

export async function scoreInquiries(dir = INQUIRY_DIR) {
  const bundle = await build({
    stdin: {
      contents:
        "import { extractLead } from './extension/capture/extract-lead'; import { extractReferrer } from './extension/capture/extract-referrer'; (globalThis as any).__extractLead = extractLead; (globalThis as any).__extractReferrer = extractReferrer;",
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
      const { app, url, truth } = JSON.parse(
        readFileSync(join(dir, file.replace(/\.html$/, '.json')), 'utf8'),
      ) as { app: string; url: string; truth: Truth };
      await tab.setContent(readFileSync(join(dir, file), 'utf8'));
      await tab.addScriptTag({ content: script });
      // A string, not a function: the scripts are type-checked without the DOM's types.
      const { lead, provider } = (await tab.evaluate(
        `(() => { const lead = globalThis.__extractLead(document, { url: ${JSON.stringify(url)} }); const referrer = globalThis.__extractReferrer(document, ${JSON.stringify(url)}); return { lead: { ...lead.fields, sourceChannel: lead.sourceChannel }, provider: referrer ? referrer.fields : undefined }; })()`,
      )) as { lead: Record<string, string>; provider?: Record<string, string> };
      messages++;
      if (!truth.provider) tally(scores, CAPTURE_FIELDS, truth, lead);
      if (app === 'web') tally(scores, PROVIDER_FIELDS, prefixed(truth.provider), prefixed(provider));
      if (process.env.BENCH_VERBOSE) console.log(file, JSON.stringify({ lead, provider }));
    }
  } finally {
    await browser.close();
  }
  return { messages, scores };
}
