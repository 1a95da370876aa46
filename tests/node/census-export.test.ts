import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../shared/roster/csv';
import { displayValues, tableToRows } from '../../worker/services/patients/roster-preview';
import { checkPatientRow } from '../../worker/services/patients/roster-rows';

const census = (name: string) =>
  tableToRows(parseCsv(readFileSync(`tests/fixtures/accuracy/census/${name}.csv`, 'utf8')));

describe('census exports as people make them', () => {
  it('leaves out totals, stamps, unit headings and repeated headers, and lists them with a reason', () => {
    const { rows, skipped } = census('ehr-repeated-headers');
    expect(rows).toHaveLength(15);
    expect(skipped.map((s) => s.reason)).toEqual([
      'title, page or print stamp',
      'column titles repeated',
      'title, page or print stamp',
      'column titles repeated',
      'title, page or print stamp',
      'column titles repeated',
      'totals line',
    ]);
    const units = census('unit-sections');
    expect(units.skipped.map((s) => s.text)).toEqual([
      'Unit: 1 West',
      'Unit total · 6',
      'Unit: 2 East',
      'Facility total · 12',
    ]);
  });

  it('maps resident number → MRN, admit date, sex, payer and attending physician (the patient has fields for all but the admit date, which is kept in the notes)', () => {
    const { mapping, rows } = census('ehr-census-title-total');
    expect(mapping).toEqual([
      'mrn',
      'fullName',
      'dateOfBirth',
      'roomNumber',
      'admitDate',
      'sex',
      'payer',
      'physician',
    ]);
    const first = checkPatientRow(rows[0] as Record<string, string>).value!;
    expect(first.mrn).toMatch(/^\d{5}$/);
    expect(first.admitDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(first.sex).toMatch(/^(female|male)$/);
    expect(first.payer).toBe('Medicare A');
    expect(first.attendingPhysician).toBe('Dr. Shah');
    expect(first.notes).toBe(`Admitted ${first.admitDate}`);
  });

  it('reads a semicolon export whose first line is a title without any separator', () => {
    expect(census('semicolon-stamped').rows).toHaveLength(14);
  });

  it('shows the names of a row with an error, so the person sees whose date to correct', () => {
    const raw = { fullName: 'WALKER, EDITH', dateOfBirth: '13/45/1944', roomNumber: '12' };
    const checked = checkPatientRow(raw);
    expect(checked.errors.map((e) => e.field)).toEqual(['dateOfBirth']);
    expect(displayValues(raw, checked.value)).toMatchObject({
      firstName: 'Edith',
      lastName: 'Walker',
      roomNumber: '12',
    });
  });

  it('keeps a resident whose only cells are a name and a room, to be corrected, not skipped', () => {
    const { rows, skipped } = tableToRows([
      ['Name', 'DOB', 'Room'],
      ['Doe, Jane', '', '7A'],
    ]);
    expect(skipped).toEqual([]);
    expect(rows).toEqual([{ fullName: 'Doe, Jane', roomNumber: '7A' }]);
  });
});
