import type { Worker } from 'tesseract.js';
import { browser } from 'wxt/browser';
import { type Pixels, pgmOf } from '../../shared/roster/ocr-image';

/**
 * One tesseract worker for the roster import screen, started when the screen
 * opens and kept between photos. Starting it (its code, the WebAssembly core
 * and the English data) and its first reading (the engine's code warming up)
 * cost seconds a person would otherwise wait through after choosing a photo;
 * this way they happen while the person looks for the file.
 */
let engine: Promise<Worker> | null = null;
/** Screens that want the engine kept; it stops when the last one lets go. */
let holders = 0;
/** A read asked for the engine: no warm-up reading may stand in its way any more. */
let wanted = false;
let onProgress: (status: string, progress: number) => void = () => undefined;

function start(): Promise<Worker> {
  if (engine) return engine;
  const starting = (async () => {
    const { createWorker, OEM } = await import('tesseract.js');
    // WXT types only the pages it builds; these files are copied in by wxt.config.ts.
    const base = (browser.runtime.getURL as (path: string) => string)('/tesseract');
    return createWorker('eng', OEM.LSTM_ONLY, {
      workerPath: `${base}/worker.min.js`,
      corePath: `${base}/tesseract-core-simd-lstm.js`,
      langPath: base,
      gzip: true,
      cacheMethod: 'none',
      workerBlobURL: false,
      logger: (m: { status: string; progress: number }) => onProgress(m.status, m.progress),
    });
  })();
  engine = starting;
  // A start that failed is tried again by the next read, not remembered (unless a newer one replaced it).
  starting.catch(() => {
    if (engine === starting) engine = null;
  });
  return starting;
}

/**
 * A small printed table drawn in the panel and read once, so the engine's
 * first real reading runs at full speed. Skipped when a photo is already
 * waiting: then the photo itself is the first reading.
 */
async function warmUp(worker: Worker) {
  if (wanted) return;
  const canvas = new OffscreenCanvas(1400, 420);
  const ctx = canvas.getContext('2d')!;
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.fillStyle = '#111';
  ctx.font = '44px sans-serif';
  const lines = [
    'Resident      DOB      Room',
    'HART, MAE   03/14/1941   12B',
    'LOPEZ, ANA   11/02/1938   7',
  ];
  for (const [i, line] of lines.entries()) ctx.fillText(line, 60, 100 + i * 110);
  const { width, height, data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
  await recogniseIn(worker, { width, height, data }, 'page');
}

/** Keeps the engine started while a screen that may read a photo is open; answers the release. */
export function holdOcr(): () => void {
  holders++;
  start()
    .then(warmUp)
    .catch(() => undefined);
  let released = false;
  return () => {
    if (released) return;
    released = true;
    holders--;
    if (holders === 0) abandonOcr();
  };
}

export type Recognise = (pixels: Pixels, pass: 'page' | 'line') => ReturnType<typeof recogniseIn>;

/**
 * Runs one read on the engine, started now if no screen holds it (it loads in
 * its own thread while `work` cleans the photo), with its progress reported
 * to `progress` while the read runs.
 */
export async function withOcr<T>(
  progress: (status: string, progress: number) => void,
  work: (recognise: Recognise) => Promise<T>,
): Promise<T> {
  wanted = true;
  const release = holdOcr();
  onProgress = progress;
  const worker = start();
  try {
    return await work(async (pixels, pass) => recogniseIn(await worker, pixels, pass));
  } finally {
    onProgress = () => undefined;
    release();
  }
}

/** A read that never ended: the engine is stopped, so the next read starts a fresh one. */
export function abandonOcr() {
  const stopping = engine;
  engine = null;
  wanted = false;
  stopping?.then((w) => w.terminate()).catch(() => undefined);
}

/** The page layout mode each running engine was last set to: a line-by-line pass sets it once, not per line. */
const modes = new WeakMap<Worker, string>();

/** Some prepared pixels read as sparse words (a whole page) or as one line of text. */
export async function recogniseIn(worker: Worker, pixels: Pixels, pass: 'page' | 'line') {
  const { PSM } = await import('tesseract.js');
  const mode = pass === 'page' ? PSM.SPARSE_TEXT : PSM.SINGLE_LINE;
  if (modes.get(worker) !== mode) {
    await worker.setParameters({ tessedit_pageseg_mode: mode });
    modes.set(worker, mode);
  }
  const image = new Blob([pgmOf(pixels)], { type: 'image/x-portable-graymap' });
  const { data } = await worker.recognize(image, {}, { blocks: true, text: false });
  return data;
}
