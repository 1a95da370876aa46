/**
 * A prepared roster photo read in up to two passes, the same in the panel and
 * the accuracy bench (each passes its own way to run tesseract). The first
 * pass reads the whole page as sparse words. On a grainy or two-table photo
 * that pass loses whole rows: specks and the rests of table rules break its
 * own line finding, so words get boxes spanning two rows and letters read
 * as noise. When the first read is in doubt (lines under the header left
 * out, the photo refused or hard to read), the page is cut into
 * its lines of ink (a straightened table has clean paper between rows) and
 * each line is read alone as one line of text; the better of the two reads
 * is kept. Both go through the same table reader, so the second pass can
 * never propose a row the first would have refused.
 */
import type { Pixels } from './ocr-image';
import { type BoxedWord, rowsFromOcrWords, type TableRead } from './ocr-table';

export type OcrPass = 'page' | 'line';
/** Runs tesseract on some pixels: the whole page as sparse text, or one line of text. */
export type Recognise = (image: Pixels, pass: OcrPass) => Promise<BoxedWord[]>;

/** A pixel this dark (0–255) in the prepared image is ink. */
const INK = 128;

/**
 * The horizontal bands of ink, top to bottom: the text lines of a
 * straightened page. A row of pixels counts as ink when more than a few of
 * its pixels are dark (a speck left by the cleaning is not a line); a band
 * lower than 8 px is a speck.
 */
export function inkBands(image: Pixels): { y0: number; y1: number }[] {
  const { width, height, data } = image;
  const least = Math.max(2, width * 0.003);
  const bands: { y0: number; y1: number }[] = [];
  let start = -1;
  for (let y = 0; y <= height; y++) {
    let count = 0;
    if (y < height) for (let x = 0; x < width; x++) if (data[(y * width + x) * 4]! < INK) count++;
    const inked = count > least;
    if (inked && start < 0) start = y;
    if (!inked && start >= 0) {
      if (y - start >= 8) bands.push({ y0: start, y1: y - 1 });
      start = -1;
    }
  }
  return bands;
}

/** The full-width strip of rows y0..y1 (clamped to the image). */
export function strip(image: Pixels, y0: number, y1: number): Pixels {
  const top = Math.max(0, y0);
  const bottom = Math.min(image.height - 1, y1);
  return {
    width: image.width,
    height: bottom - top + 1,
    data: image.data.slice(top * image.width * 4, (bottom + 1) * image.width * 4),
  };
}

/** Each ink band read alone as one line, its words' boxes put back in page coordinates. */
async function wordsLineByLine(image: Pixels, recognise: Recognise): Promise<BoxedWord[]> {
  const words: BoxedWord[] = [];
  for (const band of inkBands(image)) {
    // A margin above and below: tesseract reads a line badly when its letters touch the edge.
    const pad = Math.round((band.y1 - band.y0) * 0.35) + 4;
    const top = Math.max(0, band.y0 - pad);
    for (const w of await recognise(strip(image, top, band.y1 + pad), 'line'))
      words.push({ ...w, y0: w.y0 + top, y1: w.y1 + top });
  }
  return words;
}

/**
 * A read without a warning has every line under the header as a resident:
 * a second pass could only re-read the same rows, at the cost of seconds.
 */
const settled = (read: TableRead) => !read.warning;

/** More residents read wins; as many, the surer read. */
const better = (a: TableRead, b: TableRead) => (b.rows.length > a.rows.length ? b : a);

export async function readRosterTable(
  image: Pixels,
  recognise: Recognise,
  onPass?: (pass: OcrPass) => void,
): Promise<TableRead & { passes: number }> {
  onPass?.('page');
  const first = rowsFromOcrWords(await recognise(image, 'page'));
  if (settled(first)) return { ...first, passes: 1 };
  onPass?.('line');
  const second = rowsFromOcrWords(await wordsLineByLine(image, recognise));
  return { ...better(first, second), passes: 2 };
}
