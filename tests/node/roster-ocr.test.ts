import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { createWorker, OEM, PSM } from 'tesseract.js';
import { describe, expect, it } from 'vitest';
import { rowsFromOcrLines } from '../../shared/roster/ocr-lines';

// The same engine and English data the extension ships, read from node_modules: no download.
const langPath = join(
  dirname(createRequire(import.meta.url).resolve('@tesseract.js-data/eng/package.json')),
  '4.0.0_best_int',
);

describe('photographed roster (OCR)', () => {
  it('reads a printed roster image into rows', async () => {
    const worker = await createWorker('eng', OEM.LSTM_ONLY, { langPath, gzip: true, cacheMethod: 'none' });
    try {
      // Automatic page segmentation: the single-block default reads a bordered table as two lines.
      await worker.setParameters({ tessedit_pageseg_mode: PSM.AUTO });
      const { data } = await worker.recognize(
        'tests/fixtures/rosters/printed-roster.png',
        {},
        { blocks: true, text: true },
      );
      const lines = (data.blocks ?? []).flatMap((b) => b.paragraphs.flatMap((p) => p.lines));
      const { rows } = rowsFromOcrLines(lines);
      expect(rows).toEqual([
        { fullName: 'Walker, Edith', dateOfBirth: '06/19/1944', roomNumber: '12' },
        { fullName: 'Brown, Harold', dateOfBirth: '12/31/1932', roomNumber: '14B' },
        { fullName: 'Chen, Li', dateOfBirth: '01/02/1950', roomNumber: '15' },
        { fullName: 'Okafor, Grace', dateOfBirth: '08/23/1938', roomNumber: '16' },
      ]);
    } finally {
      await worker.terminate();
    }
  }, 60_000);

  it('skips titles and headers, drops table borders, and flags words it was unsure of', () => {
    const w = (text: string, confidence = 95) => ({ text, confidence });
    const { rows, unsure } = rowsFromOcrLines([
      { words: [w('Sunrise'), w('Census')] },
      { words: [w('Name'), w('DOB'), w('Room')] },
      { words: [w('|'), w('Doe,'), w('Jane', 41), w('3/4/1941'), w('|'), w('7A', 60)] },
    ]);
    expect(rows).toEqual([{ fullName: 'Doe, Jane', dateOfBirth: '3/4/1941', roomNumber: '7A' }]);
    expect(unsure).toEqual([
      { row: 0, field: 'fullName' },
      { row: 0, field: 'roomNumber' },
    ]);
  });
});
