import { describe, expect, it } from 'vitest';
import { fieldForOcrHeader } from '../../shared/roster/columns';
import type { Grey } from '../../shared/roster/ocr-image';
import { grain, paperBounds, withoutRules } from '../../shared/roster/ocr-paper';
import { type BoxedWord, rowsFromOcrWords } from '../../shared/roster/ocr-table';

/** A word at column x on line y, 40 px high (the size the panel scales photos to). */
const w = (text: string, x: number, y: number, confidence = 95): BoxedWord => ({
  text,
  confidence,
  x0: x,
  y0: y,
  x1: x + text.length * 22,
  y1: y + 40,
});

const TITLE = [
  w('Maple', 100, 0),
  w('Grove', 240, 0),
  w('—', 380, 0),
  w('Resident', 430, 0),
  w('Census', 640, 0),
];
const FOOTER = [w('Page', 100, 900), w('1', 200, 900), w('of', 230, 900), w('1', 290, 900)];

describe('photographed roster: the failures the accuracy set found', () => {
  it('takes the column titles, not the title line that says "Resident", as the header; "Last  Name" in a wide font is one title', () => {
    const read = rowsFromOcrWords([
      ...TITLE,
      // Bold titles: the gap inside "Last Name" (40 px) is a whole letter's height.
      w('Last', 100, 120),
      w('Name', 228, 120),
      w('First', 420, 120),
      w('Name', 570, 120),
      w('DOB', 760, 120),
      w('Room', 1060, 120),
      w('Jablonski', 100, 200),
      w('Raymond', 420, 200),
      w('10/14/1951', 760, 200),
      w('225', 1060, 200),
      w('Gallagher', 100, 260),
      w('Clarence', 420, 260),
      w('07/11/1929', 760, 260),
      w('319A', 1060, 260),
      ...FOOTER,
    ]);
    expect(read.rows).toEqual(
      [
        { lastName: undefined, fullName: 'Jablonski, Raymond', dateOfBirth: '10/14/1951', roomNumber: '225' },
        {
          lastName: undefined,
          fullName: 'Gallagher, Clarence',
          dateOfBirth: '07/11/1929',
          roomNumber: '319A',
        },
      ].map(({ lastName: _, ...r }) => r),
    );
    expect(read.warning).toBeUndefined();
  });

  it('still finds the dates of birth when OCR misread the DOB title ("bos")', () => {
    const read = rowsFromOcrWords([
      w('Resident', 100, 0),
      w('bos', 600, 0, 85),
      w('Room', 900, 0),
      w('DUARTE,', 100, 80),
      w('WALTER', 280, 80),
      w('09/04/1953', 600, 80, 49),
      w('330', 900, 80),
      w('HERNANDEZ,', 100, 140),
      w('OLGA', 340, 140),
      w('06/05/1931', 600, 140),
      w('217', 900, 140),
    ]);
    expect(read.rows).toEqual([
      { fullName: 'DUARTE, WALTER', dateOfBirth: '09/04/1953', roomNumber: '330' },
      { fullName: 'HERNANDEZ, OLGA', dateOfBirth: '06/05/1931', roomNumber: '217' },
    ]);
    expect(read.unsure).toEqual([{ row: 0, field: 'dateOfBirth' }]);
  });

  it('mends what OCR does to names and dates: a full stop for the comma, a stray mark, a date in pieces or with l for 1, a bed letter B read as 8', () => {
    const read = rowsFromOcrWords([
      w('Resident', 100, 0),
      w('DOB', 600, 0),
      w('Room', 900, 0),
      w('ROSSI.', 100, 80),
      w('RAYMOND', 260, 80),
      w('02/21/1944', 600, 80),
      w('241', 900, 80),
      w('FITZGERALD,', 100, 140),
      w('KEN]JI', 370, 140),
      w('©', 520, 140, 30),
      w('08/02/', 600, 140),
      w('1940', 740, 140),
      w('218', 900, 140),
      w('WALKER,', 100, 200),
      w('IRENE', 280, 200),
      w('12/2l/l935', 600, 200, 70),
      w('i', 880, 200, 20),
      w('2248', 900, 200),
    ]);
    expect(read.rows).toEqual([
      { fullName: 'ROSSI, RAYMOND', dateOfBirth: '02/21/1944', roomNumber: '241' },
      { fullName: 'FITZGERALD, KENJI', dateOfBirth: '08/02/1940', roomNumber: '218' },
      { fullName: 'WALKER, IRENE', dateOfBirth: '12/21/1935', roomNumber: '224B' },
    ]);
    expect(read.unsure).toContainEqual({ row: 2, field: 'roomNumber' });
  });

  it('follows a row that still slopes across the page (a bent sheet) instead of cutting it in two', () => {
    // Each word 15 px (over a third of a letter) lower than the one before it.
    const read = rowsFromOcrWords([
      w('Name', 100, 0),
      w('DOB', 600, 15),
      w('Room', 900, 30),
      w('Walker,', 100, 100),
      w('Edith', 280, 115),
      w('06/19/1944', 600, 130),
      w('12', 900, 145),
      w('Brown,', 100, 200),
      w('Harold', 260, 215),
      w('12/31/1932', 600, 230),
      w('14B', 900, 245),
    ]);
    expect(read.rows).toEqual([
      { fullName: 'Walker, Edith', dateOfBirth: '06/19/1944', roomNumber: '12' },
      { fullName: 'Brown, Harold', dateOfBirth: '12/31/1932', roomNumber: '14B' },
    ]);
  });

  it('never proposes the specks around a photographed table as residents', () => {
    const read = rowsFromOcrWords([
      w('Resident', 100, 0),
      w('DOB', 600, 0),
      w('Room', 900, 0),
      w('ee', 100, 60, 9),
      w('JE', 160, 60, 20),
      w('SE', 600, 60, 30),
      w('HUGHES,', 100, 120),
      w('RAYMOND', 280, 120),
      w('07/18/1942', 600, 120),
      w('129', 900, 120),
      w('EE', 100, 180, 17),
      w('Ee', 200, 180, 40),
      w('=m', 900, 180, 12),
      w('MORRISON,', 100, 240),
      w('DOROTHY', 330, 240, 33),
      w('08/05/1931', 600, 240, 56),
      w('192', 900, 240),
      // Beyond the table's right edge: the clipboard.
      w('Ferreira', 1900, 240, 90),
      ...FOOTER,
    ]);
    expect(read.rows.map((r) => r.fullName)).toEqual(['HUGHES, RAYMOND', 'MORRISON, DOROTHY']);
    expect(read.unsure).toContainEqual({ row: 1, field: 'fullName' });
  });

  it('proposes nothing from a poor read and says so plainly, suggesting a better photo', () => {
    const read = rowsFromOcrWords([
      w('Resident', 100, 0),
      w('DOB', 600, 0),
      // Each row just passes on its own (a real date, a name half sure), but the whole read is a guess.
      w('Yoaanoto,', 100, 80, 55),
      w('froest', 300, 80, 50),
      w('12/01/1957', 600, 80, 45),
      w('Brown,', 100, 140, 55),
      w('tugene', 280, 140, 50),
      w('06/01/1954', 600, 140, 50),
    ]);
    expect(read.rows).toEqual([]);
    expect(read.warning).toMatch(/could not be read well enough.*Take it again/);
  });

  it('says how many lines under the header were left out, but not for the page footer', () => {
    const read = rowsFromOcrWords([
      w('Resident', 100, 0),
      w('DOB', 600, 0),
      w('Walker,', 100, 80),
      w('Edith', 280, 80),
      w('06/19/1944', 600, 80),
      w('Brown,', 100, 140),
      w('Harold', 260, 140),
      w('12/31/1932', 600, 140),
      w('Okafor,', 100, 200, 20),
      w('Gr', 260, 200, 20),
      w('08/23/1938', 600, 200, 30),
      ...FOOTER,
    ]);
    expect(read.rows).toHaveLength(2);
    expect(read.warning).toBe(
      '1 line under the header could not be read as a resident and was left out: compare the list with the paper, or take a sharper photo.',
    );
  });

  it('matches header titles with one misread letter, but not a different word', () => {
    expect(['DOS', 'D0B', 'Roorn', 'Resldent', 'Narne'].map(fieldForOcrHeader)).toEqual([
      'dateOfBirth',
      'dateOfBirth',
      'roomNumber',
      'fullName',
      'fullName',
    ]);
    expect(['East', 'Page', 'Care', 'Unit', 'of'].map(fieldForOcrHeader)).toEqual([
      null,
      null,
      null,
      null,
      null,
    ]);
  });
});

const sheet = (width: number, height: number, fill: (x: number, y: number) => number): Grey => {
  const data = new Uint8ClampedArray(width * height);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) data[y * width + x] = fill(x, y);
  return { width, height, data };
};

describe('photo cleaning before OCR', () => {
  it('cuts the photo to the sheet of paper lying on a darker table', () => {
    const photo = sheet(400, 300, (x, y) => (x >= 50 && x < 350 && y >= 40 && y < 260 ? 235 : 90));
    const box = paperBounds(photo);
    expect(box.x0).toBeGreaterThanOrEqual(48);
    expect(box.x0).toBeLessThanOrEqual(52);
    expect(box.x1).toBeGreaterThanOrEqual(347);
    expect(box.y0).toBeGreaterThanOrEqual(38);
    expect(box.y1).toBeLessThanOrEqual(261);
  });

  it('removes a dotted table rule but keeps a line of bold text beside it', () => {
    // A 4 px rule broken every 12 px (a grainy photo), and 40 px tall "letters" 14 px wide with 8 px gaps.
    const ink = sheet(800, 200, (x, y) => {
      if (y >= 20 && y < 24 && x % 12 < 9) return 0;
      if (y >= 100 && y < 140 && x % 22 < 14) return 0;
      return 255;
    });
    const clean = withoutRules(ink, 200);
    const inkIn = (image: Grey, y0: number, y1: number) => {
      let n = 0;
      for (let y = y0; y < y1; y++) for (let x = 0; x < 800; x++) n += image.data[y * 800 + x] === 0 ? 1 : 0;
      return n;
    };
    expect(inkIn(ink, 18, 26)).toBeGreaterThan(0);
    expect(inkIn(clean, 18, 26)).toBe(0);
    expect(inkIn(clean, 100, 140)).toBe(inkIn(ink, 100, 140));
  });

  it('tells a grainy photo from clean paper', () => {
    expect(grain(sheet(100, 100, () => 240))).toBe(0);
    let s = 7;
    const noisy = sheet(100, 100, () => {
      s = (s * 1103515245 + 12345) % 2147483648;
      return 200 + (s % 50);
    });
    expect(grain(noisy)).toBeGreaterThan(2);
  });
});
