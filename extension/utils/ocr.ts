import { type Pixels, preparedForOcr, TARGET_WIDTH } from '../../shared/roster/ocr-image';
import { readRosterTable } from '../../shared/roster/ocr-read';
import { type TableRead, wordsOfBlocks } from '../../shared/roster/ocr-table';
import { abandonOcr, withOcr } from './ocr-engine';

// The import screen holds the engine through this module, so the engine travels in its lazy chunk.
export { holdOcr } from './ocr-engine';

const OCR_TIMEOUT_MS = 60_000;

function withTimeout<T>(work: Promise<T>, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<T>((_, reject) => {
    timer = setTimeout(() => {
      // The engine may still be busy with this photo: the next read gets a fresh one.
      abandonOcr();
      reject(new Error(`${what} took too long; try a clearer photo or a spreadsheet`));
    }, OCR_TIMEOUT_MS);
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

/**
 * The photo's pixels, as the shared preparation reads them. A phone photo is
 * several times wider than the preparation works at: the browser shrinks it
 * while decoding, so no step after this one touches the extra pixels.
 */
async function pixelsOf(file: File): Promise<Pixels> {
  const bitmap = await createImageBitmap(file);
  const factor = Math.min(1, TARGET_WIDTH / bitmap.width);
  const width = Math.max(1, Math.round(bitmap.width * factor));
  const height = Math.max(1, Math.round(bitmap.height * factor));
  const ctx = new OffscreenCanvas(width, height).getContext('2d')!;
  ctx.imageSmoothingQuality = 'high';
  ctx.drawImage(bitmap, 0, 0, width, height);
  bitmap.close();
  const pixels = ctx.getImageData(0, 0, width, height);
  return { width, height, data: pixels.data };
}

/**
 * Reads a photographed or scanned roster in the side panel itself: the image
 * never leaves the browser, only the rows the person then reviews. tesseract
 * is loaded on demand (and kept warm by the import screen, ocr-engine.ts), so
 * the panel stays small for everyone else.
 */
export async function readRosterImage(file: File, onProgress: (text: string) => void): Promise<TableRead> {
  onProgress('Cleaning the photo…');
  // The second pass reads many short lines: one progress bar per line would only flicker.
  let lineByLine = false;
  const report = (status: string, progress: number) => {
    if (status === 'recognizing text' && !lineByLine)
      onProgress(`Reading the photo ${Math.round(progress * 100)}%`);
  };
  return withTimeout(
    withOcr(report, async (recognise) => {
      // Straightened, scaled, ink separated from paper, table rules removed (shared/roster/ocr-image.ts).
      const { image } = preparedForOcr(await pixelsOf(file));
      return readRosterTable(
        image,
        async (pixels, pass) => wordsOfBlocks((await recognise(pixels, pass)).blocks),
        (pass) => {
          if (pass !== 'line') return;
          lineByLine = true;
          onProgress('Reading the table again line by line…');
        },
      );
    }),
    'Reading the photo',
  );
}
