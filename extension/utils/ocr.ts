import { browser } from 'wxt/browser';
import { preparedForOcr } from '../../shared/roster/ocr-image';
import { rowsFromOcrWords, type TableRead, wordsOfBlocks } from '../../shared/roster/ocr-table';

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

/**
 * The photo straightened and cleaned for reading (shared/roster/ocr-image.ts):
 * scaled, deskewed, ink separated from paper, table rules removed.
 */
async function prepared(file: File): Promise<Blob> {
  const bitmap = await createImageBitmap(file);
  const source = new OffscreenCanvas(bitmap.width, bitmap.height);
  const sctx = source.getContext('2d')!;
  sctx.drawImage(bitmap, 0, 0);
  const pixels = sctx.getImageData(0, 0, bitmap.width, bitmap.height);
  const { image } = preparedForOcr({ width: pixels.width, height: pixels.height, data: pixels.data });
  const canvas = new OffscreenCanvas(image.width, image.height);
  const out = new ImageData(image.width, image.height);
  out.data.set(image.data);
  canvas.getContext('2d')!.putImageData(out, 0, 0);
  return canvas.convertToBlob({ type: 'image/png' });
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
  onProgress('Starting the text reader…');
  const worker = await withTimeout(
    createWorker('eng', OEM.LSTM_ONLY, {
      workerPath: `${base}/worker.min.js`,
      corePath: `${base}/tesseract-core-simd-lstm.js`,
      langPath: base,
      gzip: true,
      cacheMethod: 'none',
      workerBlobURL: false,
      logger: (m: { status: string; progress: number }) => {
        if (m.status === 'recognizing text') onProgress(`Reading the photo ${Math.round(m.progress * 100)}%`);
      },
    }),
    'Starting the text reader',
  );
  try {
    onProgress('Straightening and cleaning the photo…');
    const image = await prepared(file);
    // Sparse text: every word with its box, however the table's borders split the page.
    await worker.setParameters({ tessedit_pageseg_mode: PSM.SPARSE_TEXT });
    const { data } = await withTimeout(
      worker.recognize(image, {}, { blocks: true, text: false }),
      'Reading the photo',
    );
    return rowsFromOcrWords(wordsOfBlocks(data.blocks));
  } finally {
    await worker.terminate();
  }
}
