import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { createWorker, OEM, PSM } from 'tesseract.js';
import { describe, expect, it } from 'vitest';
import { decodePng, encodePng } from '../../scripts/accuracy/png';
import { preparedForOcr } from '../../shared/roster/ocr-image';
import { type BoxedWord, rowsFromOcrWords, wordsOfBlocks } from '../../shared/roster/ocr-table';

const langPath = join(
  dirname(createRequire(import.meta.url).resolve('@tesseract.js-data/eng/package.json')),
  '4.0.0_best_int',
);

/** A word at column x on line y, 20 px high. */
const w = (text: string, x: number, y: number, confidence = 95): BoxedWord => ({
  text,
  confidence,
  x0: x,
  y0: y,
  x1: x + text.length * 10,
  y1: y + 20,
});

describe('photographed roster read as a table', () => {
  it('reads rows under the header by column, leaves titles and footers out, and marks unsure cells', () => {
    const read = rowsFromOcrWords([
      w('Sunrise', 0, 0),
      w('Census', 80, 0),
      w('Printed', 0, 30),
      w('03/02/2026', 80, 30),
      w('Resident', 0, 80),
      w('DOB', 300, 80),
      w('Room', 450, 81),
      w('|', 280, 120),
      w('WALKER,', 2, 122),
      w('EDITH', 82, 121, 40),
      w('06/19/1944', 302, 120),
      w('12', 452, 119),
      w('BROWN,', 0, 160),
      w('HAROLD', 70, 161),
      w('12/31/1932', 300, 160),
      w('14B', 451, 160, 55),
      w('Page', 0, 220),
      w('1', 50, 220),
    ]);
    expect(read.rows).toEqual([
      { fullName: 'WALKER, EDITH', dateOfBirth: '06/19/1944', roomNumber: '12' },
      { fullName: 'BROWN, HAROLD', dateOfBirth: '12/31/1932', roomNumber: '14B' },
    ]);
    expect(read.unsure).toEqual([
      { row: 0, field: 'fullName' },
      { row: 1, field: 'roomNumber' },
    ]);
    expect(read.warning).toBeUndefined();
  });

  it('says plainly that no table was read, and proposes no row, when there is no header', () => {
    const read = rowsFromOcrWords([
      w('Printed', 0, 0),
      w('03/02/2026', 80, 0),
      w('Unit', 0, 40),
      w('2', 50, 40),
    ]);
    expect(read.rows).toEqual([]);
    expect(read.warning).toMatch(/No table header/);
  });

  it('reads a bordered, tilted roster photo from the accuracy set', async () => {
    const { image } = preparedForOcr(
      decodePng(readFileSync('tests/fixtures/accuracy/rosters/photo-01-bordered.png')),
    );
    const truth = JSON.parse(
      readFileSync('tests/fixtures/accuracy/rosters/photo-01-bordered.json', 'utf8'),
    ) as {
      rows: { lastName: string; firstName: string }[];
    };
    const worker = await createWorker('eng', OEM.LSTM_ONLY, { langPath, gzip: true, cacheMethod: 'none' });
    try {
      await worker.setParameters({ tessedit_pageseg_mode: PSM.SPARSE_TEXT, debug_file: '/dev/null' });
      const { data } = await worker.recognize(encodePng(image), {}, { blocks: true, text: false });
      const { rows } = rowsFromOcrWords(wordsOfBlocks(data.blocks));
      expect(rows.map((r) => r.fullName?.toLowerCase())).toEqual(
        truth.rows.map((t) => `${t.lastName}, ${t.firstName}`.toLowerCase()),
      );
    } finally {
      await worker.terminate();
    }
  }, 120_000);
});
