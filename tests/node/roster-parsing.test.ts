import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { excelSerialToIso, parseHumanDate } from '../../shared/calendar-date';
import { detectMapping, findHeaderRow } from '../../shared/roster/columns';
import { parseCsv } from '../../shared/roster/csv';
import { nameKey, splitFullName, tidyName } from '../../shared/roster/names';
import { readRosterFile } from '../../worker/services/patients/read-roster-file';
import { tableToRows } from '../../worker/services/patients/roster-preview';

const fixture = (name: string) => new File([readFileSync(`tests/fixtures/rosters/${name}`)], name);
const TODAY = new Date('2026-11-23T12:00:00Z');

/** A small deterministic generator, so property tests are repeatable. */
function random(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    return s / 2 ** 31;
  };
}

describe('dates as people write them', () => {
  it.each([
    ['6/19/1944', '1944-06-19'],
    ['06/19/1944', '1944-06-19'],
    ['19-Jun-1944', '1944-06-19'],
    ['19 June 1944', '1944-06-19'],
    ['June 19, 1944', '1944-06-19'],
    ['1944-06-19', '1944-06-19'],
    ['19440619', '1944-06-19'],
    ['16242', '1944-06-19'],
    ['03/04/52', '1952-03-04'],
    ['1/2/26', '2026-01-02'],
    ['12/31/26', '1926-12-31'],
  ])('%s → %s', (text, expected) => {
    expect(parseHumanDate(text, TODAY)).toBe(expected);
  });

  it.each(['2/30/1944', '13/01/1944', 'not a date', '', '1944-02-30', '0/10/1950', '1944', '1944.5'])(
    'refuses %j',
    (text) => {
      expect(parseHumanDate(text, TODAY)).toBeNull();
    },
  );

  it('reads Excel serial numbers, including across the phantom 29 February 1900', () => {
    expect(excelSerialToIso(1)).toBe('1900-01-01');
    expect(excelSerialToIso(59)).toBe('1900-02-28');
    expect(excelSerialToIso(61)).toBe('1900-03-01');
    expect(excelSerialToIso(16242)).toBe('1944-06-19');
  });

  it('property: every real date survives each written form', () => {
    const next = random(42);
    for (let i = 0; i < 500; i++) {
      const t = Date.UTC(1900, 0, 1) + Math.floor(next() * (Date.UTC(2026, 10, 23) - Date.UTC(1900, 0, 1)));
      const d = new Date(t);
      const y = d.getUTCFullYear();
      const m = d.getUTCMonth() + 1;
      const day = d.getUTCDate();
      const iso = d.toISOString().slice(0, 10);
      const month = d.toLocaleString('en-US', { month: 'short', timeZone: 'UTC' });
      expect(parseHumanDate(`${m}/${day}/${y}`, TODAY)).toBe(iso);
      expect(parseHumanDate(`${day}-${month}-${y}`, TODAY)).toBe(iso);
      expect(parseHumanDate(iso, TODAY)).toBe(iso);
      expect(parseHumanDate(d, TODAY)).toBe(iso);
    }
  });

  it('property: a two-digit year never lands in the future, and is within the last 100 years', () => {
    for (let yy = 0; yy < 100; yy++) {
      const parsed = parseHumanDate(`1/1/${String(yy).padStart(2, '0')}`, TODAY)!;
      const year = Number(parsed.slice(0, 4));
      expect(year).toBeLessThanOrEqual(2026);
      expect(year).toBeGreaterThan(1926);
      expect(year % 100).toBe(yy);
    }
  });
});

describe('names', () => {
  it('splits "Last, First" and "First Last", and calms shouting', () => {
    expect(splitFullName('SMITH, JOHN A')).toEqual({ lastName: 'Smith', firstName: 'John A' });
    expect(splitFullName("o'brien, mary-kate")).toEqual({ lastName: "O'Brien", firstName: 'Mary-Kate' });
    expect(splitFullName('Ada Lovelace')).toEqual({ firstName: 'Ada', lastName: 'Lovelace' });
    expect(tidyName('McDonald')).toBe('McDonald');
  });

  it('property: the duplicate key ignores case, accents, spacing and punctuation', () => {
    const next = random(7);
    const names = ['José', 'Zoë', "O'Neil", 'Anne-Marie', 'Nguyen', 'Müller'];
    for (let i = 0; i < 200; i++) {
      const first = names[Math.floor(next() * names.length)]!;
      const last = names[Math.floor(next() * names.length)]!;
      const noisy = (s: string) => ` ${next() > 0.5 ? s.toUpperCase() : s.toLowerCase()} `;
      expect(nameKey(noisy(first), noisy(last))).toBe(nameKey(first, last));
    }
    expect(nameKey('José', 'Müller')).toBe(nameKey('jose', 'MULLER'));
  });
});

describe('CSV dialects and spreadsheets', () => {
  it('reads comma CSV with a byte-order mark, CRLF, quotes and "Last, First" names', async () => {
    const table = await readRosterFile(fixture('bom-comma.csv'));
    expect(table.source).toBe('csv');
    const { mapping, rows } = tableToRows(table.rows);
    expect(mapping).toEqual([
      'fullName',
      'dateOfBirth',
      'roomNumber',
      'emergencyContactName',
      'emergencyContactRelationship',
      'emergencyContactPhone',
    ]);
    expect(rows).toHaveLength(3);
    expect(rows[1]).toMatchObject({
      fullName: "O'Brien, Mary Kate",
      dateOfBirth: '19-Jun-1938',
      emergencyContactName: "Tom O'Brien, Jr.",
    });
  });

  it('reads semicolon and tab separated files', async () => {
    const semi = tableToRows((await readRosterFile(fixture('semicolon.csv'))).rows);
    expect(semi.mapping).toEqual(['lastName', 'firstName', 'dateOfBirth', 'roomNumber', 'notes']);
    expect(semi.rows[0]).toMatchObject({ lastName: 'Nguyen', notes: 'Prefers mornings; hard of hearing' });
    expect(semi.rows[1]).toMatchObject({ lastName: 'Müller', firstName: 'Jürgen' });
    const tab = tableToRows((await readRosterFile(fixture('tab.csv'))).rows);
    expect(tab.rows.map((r) => r.lastName)).toEqual(['Lovelace', 'Turing']);
  });

  it('reads an XLSX with a title row above the headers and serial-number dates', async () => {
    const table = await readRosterFile(fixture('census-serial-dates.xlsx'));
    expect(table.source).toBe('xlsx');
    expect(findHeaderRow(table.rows)).toBe(2);
    const { rows } = tableToRows(table.rows);
    expect(rows.map((r) => r.fullName)).toEqual(['Walker, Edith', 'Brown, Harold', 'Chen, Li']);
    expect(rows.map((r) => parseHumanDate(r.dateOfBirth, TODAY))).toEqual([
      '1944-06-19',
      '1932-12-31',
      '1950-01-02',
    ]);
  });

  it('keeps quoted line breaks and doubled quotes', () => {
    expect(parseCsv('Name,Notes\n"Doe, Jane","said ""hi""\nthen left"\n')).toEqual([
      ['Name', 'Notes'],
      ['Doe, Jane', 'said "hi"\nthen left'],
    ]);
  });

  it('maps only the first column that names a field', () => {
    expect(detectMapping(['Phone', 'Mobile', 'Nickname'])).toEqual(['phone', null, null]);
  });

  it("tells the resident's own phone and email from the emergency contact's number", () => {
    expect(detectMapping(['Name', 'E-mail', 'Cell', 'Emergency Phone'])).toEqual([
      'fullName',
      'email',
      'phone',
      'emergencyContactPhone',
    ]);
    // A census's "Contact, Relationship, Phone": the phone after the contact is theirs.
    expect(detectMapping(['Name', 'Contact', 'Relationship', 'Phone'])).toEqual([
      'fullName',
      'emergencyContactName',
      'emergencyContactRelationship',
      'emergencyContactPhone',
    ]);
    expect(detectMapping(['Name', 'Phone', 'Contact', 'Contact Phone'])).toEqual([
      'fullName',
      'phone',
      'emergencyContactName',
      'emergencyContactPhone',
    ]);
  });

  it('refuses empty, binary and oversized files with clear errors', async () => {
    await expect(readRosterFile(new File([], 'empty.csv'))).rejects.toThrow('The file is empty');
    await expect(
      readRosterFile(new File([new Uint8Array([0xff, 0xfe, 0x00, 0x41])], 'x.csv')),
    ).rejects.toThrow('neither a CSV');
    await expect(readRosterFile(new File([new Uint8Array(10 * 1024 * 1024 + 1)], 'big.csv'))).rejects.toThrow(
      'at most 10 MB',
    );
  });
});
