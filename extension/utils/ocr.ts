import { browser } from 'wxt/browser';
import { type Pixels, preparedForOcr } from '../../shared/roster/ocr-image';
import { type Recognise, readRosterTable } from '../../shared/roster/ocr-read';
import { type TableRead, wordsOfBlocks } from '../../shared/roster/ocr-table';

const OCR_TIMEOUT_MS = 60_000;

function withTimeout<T>(work: Promise<T>, what: string): Promise<T> {
  return Promise.race([
    work,
    new Promise<T>((_, reject) =>
      setTimeout(
        () => reject(new Error(`${what} took too long; try a clearer photo or a spreadsheet`)),
        OCR_TIMEOUT_MS,
      ),
    ),
  ]);
}

/** The photo's pixels, as the shared preparation reads them. */
async function pixelsOf(file: File): Promise<Pixels> {
  const bitmap = await createImageBitmap(file);
  const source = new OffscreenCanvas(bitmap.width, bitmap.height);
  const sctx = source.getContext('2d')!;
  sctx.drawImage(bitmap, 0, 0);
  const pixels = sctx.getImageData(0, 0, bitmap.width, bitmap.height);
  return { width: pixels.width, height: pixels.height, data: pixels.data };
}

function canvasOf(image: Pixels): OffscreenCanvas {
  const canvas = new OffscreenCanvas(image.width, image.height);
  const out = new ImageData(image.width, image.height);
  out.data.set(image.data);
  canvas.getContext('2d')!.putImageData(out, 0, 0);
  return canvas;
}

/**
 * Reads a photographed or scanned roster in the side panel itself: the image
 * never leaves the browser, only the rows the person then reviews. tesseract
 * is loaded on demand, so the panel stays small for everyone else.
 */
export async function readRosterImage(file: File, onProgress: (text: string) => void): Promise<TableRead> {
  const { createWorker, OEM, PSM } = await import('tesseract.js');
  // WXT types only the pages it builds; these files are copied in by wxt.config.ts.
  const base = (browser.runtime.getURL as (path: string) => string)('/tesseract');
  onProgress('Starting the text reader and cleaning the photo…');
  // The second pass reads many short lines: one progress bar per line would only flicker.
  let lineByLine = false;
  // The reader loads (its code and English data) in its own thread while this one cleans the photo.
  const starting = withTimeout(
    createWorker('eng', OEM.LSTM_ONLY, {
      workerPath: `${base}/worker.min.js`,
      corePath: `${base}/tesseract-core-simd-lstm.js`,
      langPath: base,
      gzip: true,
      cacheMethod: 'none',
      workerBlobURL: false,
      logger: (m: { status: string; progress: number }) => {
        if (m.status === 'recognizing text' && !lineByLine)
          onProgress(`Reading the photo ${Math.round(m.progress * 100)}%`);
      },
    }),
    'Starting the text reader',
  );
  let image: Pixels;
  try {
    // Straightened, scaled, ink separated from paper, table rules removed (shared/roster/ocr-image.ts).
    ({ image } = preparedForOcr(await pixelsOf(file)));
  } catch (e) {
    await starting.then((w) => w.terminate()).catch(() => undefined);
    throw e;
  }
  const worker = await starting;
  try {
    const recognise: Recognise = async (pixels, pass) => {
      // Sparse text: every word with its box, however the table's borders split the page.
      await worker.setParameters({
        tessedit_pageseg_mode: pass === 'page' ? PSM.SPARSE_TEXT : PSM.SINGLE_LINE,
      });
      const { data } = await worker.recognize(canvasOf(pixels), {}, { blocks: true, text: false });
      return wordsOfBlocks(data.blocks);
    };
    return await withTimeout(
      readRosterTable(image, recognise, (pass) => {
        if (pass !== 'line') return;
        lineByLine = true;
        onProgress('Reading the table again line by line…');
      }),
      'Reading the photo',
    );
  } finally {
    await worker.terminate();
  }
}
