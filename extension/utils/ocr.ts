import { browser } from 'wxt/browser';
import { type OcrLine, rowsFromOcrLines } from '../../shared/roster/ocr-lines';

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

/** Draws the image twice its size: small print reads much better upscaled. */
async function upscaled(file: File): Promise<Blob> {
  const bitmap = await createImageBitmap(file);
  const scale = bitmap.width < 1600 ? 2 : 1;
  const canvas = new OffscreenCanvas(bitmap.width * scale, bitmap.height * scale);
  const ctx = canvas.getContext('2d')!;
  ctx.imageSmoothingQuality = 'high';
  ctx.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
  return canvas.convertToBlob({ type: 'image/png' });
}

/**
 * Reads a photographed or scanned roster in the side panel itself: the image
 * never leaves the browser, only the rows the person then reviews. tesseract
 * is loaded on demand, so the panel stays small for everyone else.
 */
export async function readRosterImage(file: File, onProgress: (text: string) => void) {
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
    // Automatic page segmentation: the single-block default reads a bordered table as two lines.
    await worker.setParameters({ tessedit_pageseg_mode: PSM.AUTO });
    const { data } = await withTimeout(
      worker.recognize(await upscaled(file), {}, { blocks: true, text: true }),
      'Reading the photo',
    );
    const lines: OcrLine[] = (data.blocks ?? []).flatMap((b) => b.paragraphs.flatMap((p) => p.lines));
    return rowsFromOcrLines(lines);
  } finally {
    await worker.terminate();
  }
}
