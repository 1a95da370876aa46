import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { createWorker, OEM } from 'tesseract.js';
import { describe, expect, it } from 'vitest';
import { readRosterPng } from '../../scripts/accuracy/read-rosters';
import { mendedBirthDate } from '../../shared/roster/ocr-cells';
import type { Pixels } from '../../shared/roster/ocr-image';
import { inkBands } from '../../shared/roster/ocr-read';

const langPath = join(
  dirname(createRequire(import.meta.url).resolve('@tesseract.js-data/eng/package.json')),
  '4.0.0_best_int',
);

/** White paper with dark rows of ink between the given heights and a few lone specks. */
function page(width: number, height: number, inked: [number, number][], specks: [number, number][]): Pixels {
  const data = new Uint8ClampedArray(width * height * 4).fill(255);
  const dark = (x: number, y: number) => data.fill(20, (y * width + x) * 4, (y * width + x) * 4 + 3);
  for (const [y0, y1] of inked)
    for (let y = y0; y <= y1; y++) for (let x = 10; x < width - 10; x += 3) dark(x, y);
  for (const [x, y] of specks) dark(x, y);
  return { width, height, data };
}

describe('photographed roster read line by line when the page read is unsure', () => {
  it('finds the lines of ink of a straightened page, not the specks between them', () => {
    const bands = inkBands(
      page(
        400,
        200,
        [
          [20, 40],
          [70, 95],
          [150, 153],
        ],
        [
          [50, 55],
          [200, 120],
        ],
      ),
    );
    // The 4 px high scratch at 150 is a speck, not a line.
    expect(bands).toEqual([
      { y0: 20, y1: 40 },
      { y0: 70, y1: 95 },
    ]);
  });

  it('takes a 6, 8 or 9 starting a month or day for the zero it was, only where the date is otherwise no date', () => {
    expect(mendedBirthDate('68/02/1929')).toBe('08/02/1929');
    expect(mendedBirthDate('05/83/1953')).toBe('05/03/1953');
    expect(mendedBirthDate('68/62/1929')).toBe('08/02/1929');
    // A real date is left as read, and a date no zero can mend is not guessed at.
    expect(mendedBirthDate('09/12/1944')).toBe('09/12/1944');
    expect(mendedBirthDate('16/18/1245')).toBeUndefined();
    expect(mendedBirthDate('5/83/19')).toBeUndefined();
  });

  it('reads all eight residents of a grainy two-table photo the page read refused, and invents none', async () => {
    const dir = 'tests/fixtures/accuracy/rosters';
    const truth = JSON.parse(readFileSync(`${dir}/photo-12-two-up.json`, 'utf8')) as {
      rows: { lastName: string; firstName: string; dateOfBirth: string }[];
    };
    const worker = await createWorker('eng', OEM.LSTM_ONLY, { langPath, gzip: true, cacheMethod: 'none' });
    try {
      await worker.setParameters({ debug_file: '/dev/null' });
      const read = await readRosterPng(worker, readFileSync(`${dir}/photo-12-two-up.png`));
      expect(read.passes).toBe(2);
      expect(read.rows.map((r) => r.fullName?.toLowerCase()).sort()).toEqual(
        truth.rows.map((t) => `${t.lastName}, ${t.firstName}`.toLowerCase()).sort(),
      );
      const [y, m, d] = truth.rows[0]!.dateOfBirth.split('-');
      expect(read.rows[0]!.dateOfBirth).toBe(`${m}/${d}/${y}`);
    } finally {
      await worker.terminate();
    }
  }, 120_000);
});
