/**
 * The roster images through the OCR the panel runs: the same tesseract.js
 * engine and English data (from node_modules, no download) and the same
 * shared code on the pixels and the words.
 */

import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { createWorker, OEM, PSM } from 'tesseract.js';
import { parseHumanDate } from '../../shared/calendar-date';
import { splitFullName } from '../../shared/roster/names';
import { pgmOf, preparedForOcr, scaled } from '../../shared/roster/ocr-image';
import { type OcrLine, type OcrRow, rowsFromOcrLines } from '../../shared/roster/ocr-lines';
import { type Recognise, readRosterTable } from '../../shared/roster/ocr-read';
import { wordsOfBlocks } from '../../shared/roster/ocr-table';
import { decodePng, encodePng } from './png';
import { ROSTER_IMAGE_DIR } from './roster-images';
import { pairRows, type Scores, tally } from './score';

const langPath = join(
  dirname(createRequire(import.meta.url).resolve('@tesseract.js-data/eng/package.json')),
  '4.0.0_best_int',
);
const FIELDS = ['name', 'dateOfBirth', 'roomNumber'];

type Worker = Awaited<ReturnType<typeof createWorker>>;

/** What the panel did before this set existed: upscale, automatic layout, one row per recognised line. */
async function readByLines(worker: Worker, png: Buffer): Promise<OcrRow[]> {
  const image = decodePng(png);
  const input = image.width < 1600 ? encodePng(scaled(image, 2)) : png;
  await worker.setParameters({ tessedit_pageseg_mode: PSM.AUTO });
  const { data } = await worker.recognize(input, {}, { blocks: true, text: true });
  const lines: OcrLine[] = (data.blocks ?? []).flatMap((b) => b.paragraphs.flatMap((p) => p.lines));
  return rowsFromOcrLines(lines).rows;
}

/** Tesseract in Node as the panel runs it: sparse words for the page, one line for a strip. */
export const nodeRecognise = (worker: Worker): Recognise => {
  // Set when it changes, as the panel does (extension/utils/ocr-engine.ts): not once per line.
  let mode: PSM | undefined;
  return async (pixels, pass) => {
    const wanted = pass === 'page' ? PSM.SPARSE_TEXT : PSM.SINGLE_LINE;
    if (mode !== wanted) await worker.setParameters({ tessedit_pageseg_mode: wanted });
    mode = wanted;
    const { data } = await worker.recognize(Buffer.from(pgmOf(pixels)), {}, { blocks: true, text: false });
    return wordsOfBlocks(data.blocks);
  };
};

/**
 * What the panel does now: straighten and clean the photo, read tesseract's
 * word boxes as a table, and line by line when that read is in doubt.
 */
export async function readRosterPng(worker: Worker, png: Buffer) {
  return readRosterTable(preparedForOcr(decodePng(png)).image, nodeRecognise(worker));
}

const readAsTable = async (worker: Worker, png: Buffer): Promise<OcrRow[]> =>
  (await readRosterPng(worker, png)).rows;

type Found = Record<string, unknown>;

/** One image's misses for BENCH_VERBOSE: each resident missed or read wrong (which cells), each row invented. */
function diagnosis(
  file: string,
  wanted: Record<string, string>[],
  paired: (Found | undefined)[],
  extra: Found[],
) {
  const same = (a: unknown, b: unknown) =>
    String(a ?? '')
      .toLowerCase()
      .replace(/[^a-z0-9]/g, '') ===
    String(b ?? '')
      .toLowerCase()
      .replace(/[^a-z0-9]/g, '');
  const lines = wanted.flatMap((t, i) => {
    const f = paired[i];
    if (!f) return [`  missed   ${t.name} ${t.dateOfBirth} ${t.roomNumber}`];
    const wrong = FIELDS.filter((k) => !same(t[k], f[k])).map((k) => `${k} "${f[k] ?? ''}" for "${t[k]}"`);
    return wrong.length ? [`  wrong    ${t.name}: ${wrong.join(', ')}`] : [];
  });
  for (const f of extra) lines.push(`  invented ${JSON.stringify(f)}`);
  const right = wanted.length - lines.filter((l) => !l.startsWith('  invented')).length;
  return `${file}: ${right}/${wanted.length} residents read right${lines.length ? `\n${lines.join('\n')}` : ''}`;
}

export type RosterReader = (worker: Worker, png: Buffer) => Promise<OcrRow[]>;
export const READERS: Record<string, RosterReader> = { lines: readByLines, table: readAsTable };

export async function scoreRosters(readerName = 'lines', dir = ROSTER_IMAGE_DIR) {
  const reader = READERS[readerName]!;
  const worker = await createWorker('eng', OEM.LSTM_ONLY, { langPath, gzip: true, cacheMethod: 'none' });
  // Tesseract's own progress notes ("Estimating resolution…") would bury the figures.
  await worker.setParameters({ debug_file: '/dev/null' });
  // Wall time depends on what else the machine runs; CPU time (all threads) is the work itself.
  const halves: Record<
    'clean' | 'photo' | 'heldout',
    { scores: Scores; ms: number[]; cpuMs: number[]; invented: number }
  > = {
    clean: { scores: {}, ms: [], cpuMs: [], invented: 0 },
    photo: { scores: {}, ms: [], cpuMs: [], invented: 0 },
    heldout: { scores: {}, ms: [], cpuMs: [], invented: 0 },
  };
  try {
    for (const file of readdirSync(dir)
      .filter((f) => f.endsWith('.png'))
      .sort()) {
      const half =
        halves[file.startsWith('photo') ? 'photo' : file.startsWith('heldout') ? 'heldout' : 'clean'];
      const truth = JSON.parse(readFileSync(join(dir, file.replace(/\.png$/, '.json')), 'utf8')) as {
        rows: Record<string, string>[];
      };
      const t0 = performance.now();
      const cpu0 = process.cpuUsage();
      const rows = await reader(worker, readFileSync(join(dir, file)));
      half.ms.push(performance.now() - t0);
      const cpu = process.cpuUsage(cpu0);
      half.cpuMs.push((cpu.user + cpu.system) / 1000);
      const found = rows.map((r) => {
        const n = splitFullName(r.fullName ?? '');
        return {
          name: `${n.lastName} ${n.firstName}`,
          dateOfBirth: parseHumanDate(r.dateOfBirth ?? ''),
          roomNumber: r.roomNumber,
        };
      });
      const wanted = truth.rows.map((t) => ({ ...t, name: `${t.lastName} ${t.firstName}` }));
      const paired = pairRows(wanted, found, FIELDS);
      for (const [i, t] of wanted.entries()) tally(half.scores, FIELDS, t, paired[i]);
      const extra = found.filter((f) => !paired.includes(f));
      half.invented += extra.length;
      for (const f of extra) tally(half.scores, FIELDS, {}, f);
      if (process.env.BENCH_VERBOSE) console.log(diagnosis(file, wanted, paired, extra));
    }
  } finally {
    await worker.terminate();
  }
  return halves;
}
