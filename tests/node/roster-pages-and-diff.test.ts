import { describe, expect, it } from 'vitest';
import { addTablePage, pagesSummary } from '../../extension/features/patients/page-table-pages';
import {
  allOrNone,
  appliedMessage,
  applyRequest,
  confirmedCount,
  noChoices,
  offered,
  stillOffered,
  toggled,
  withoutRecognisedWarnings,
} from '../../extension/features/patients/roster-diff-choices';
import type { ReviewRow } from '../../extension/features/patients/roster-review-rows';
import type { RosterDiff } from '../../shared/schemas/roster-diff';

const HEADER = ['Resident', 'Room', 'DOB'];
const page1 = [
  ['Unit: East Wing'],
  HEADER,
  ['MARTINEZ, ELENA R', '214-B', '04/09/1937'],
  ['Okafor, Chinedu A.', '215-A', '7-Feb-1945'],
];
const page2 = [
  ['Unit: East Wing'],
  HEADER,
  // The last resident of page 1 shown again at the head of page 2, spaced differently.
  ['Okafor,  Chinedu A.', '215-A', '7-feb-1945'],
  ["O'BRIEN, MARGARET", '216', '1931-12-30'],
];

describe('a paginated table read page by page', () => {
  it('adds each page into one table, leaving out what earlier pages already gave', () => {
    const one = addTablePage(null, page1);
    expect(one).toMatchObject({ pages: 1, lastAdded: 4, lastRepeated: 0 });
    const two = addTablePage(one, page2);
    expect(two.rows).toEqual([...page1, ["O'BRIEN, MARGARET", '216', '1931-12-30']]);
    expect(two).toMatchObject({ pages: 2, lastAdded: 1, lastRepeated: 3 });
    expect(pagesSummary(two)).toBe('2 pages read: 1 new lines from this page, 3 already in left out.');
  });

  it('says so when the same page is added twice, and keeps repeats within one page for the preview to flag', () => {
    const one = addTablePage(null, [...page1, page1[2]!]);
    expect(one.rows).toHaveLength(5);
    const again = addTablePage(one, page1);
    expect(again.rows).toHaveLength(5);
    expect(pagesSummary(again)).toMatch(/added nothing new .* Move to the next page/);
  });
});

const row = (index: number, values: Record<string, string>, extra: Partial<ReviewRow> = {}): ReviewRow => ({
  index,
  values,
  errors: [],
  warnings: [],
  include: true,
  confirmDuplicate: false,
  ...extra,
});
const patient = (id: string, lastName: string) => ({
  patientId: id,
  firstName: 'A',
  lastName,
  dateOfBirth: '1940-01-01',
  roomNumber: null,
  mrn: null,
  email: null,
  phone: null,
});
const rows = [
  row(0, { firstName: 'Ann', lastName: 'Lee', dateOfBirth: '1931-05-05', roomNumber: '104' }),
  row(
    1,
    { firstName: 'Sam', lastName: 'White', dateOfBirth: '1944-04-04', mrn: 'X2' },
    {
      warnings: [{ field: 'lastName', issue: 'Likely already a patient at this facility' }],
    },
  ),
  row(
    2,
    { firstName: 'Bad', lastName: 'Date', dateOfBirth: '31/31/1931' },
    {
      errors: [{ field: 'dateOfBirth', issue: 'not a date' }],
    },
  ),
  row(3, { firstName: 'Chinedu', lastName: 'Okafur', dateOfBirth: '1945-02-07', roomNumber: '215-B' }),
  row(4, { firstName: 'A', lastName: 'Byron', dateOfBirth: '1940-01-01', roomNumber: '301' }),
];
const diff: RosterDiff = {
  current: 3,
  admissions: [{ row: 0 }, { row: 1 }, { row: 2 }],
  readmissions: [
    { row: 4, patient: { ...patient('pat_b', 'Byron'), dischargedAt: '2026-10-01T09:00:00.000Z' } },
  ],
  discharges: [patient('pat_g', 'Garcia'), patient('pat_x', 'Xu')],
  changes: [
    {
      row: 3,
      patient: patient('pat_o', 'Okafor'),
      matchedBy: 'similar_name',
      fields: [
        { field: 'lastName', from: 'Okafor', to: 'Okafur' },
        { field: 'roomNumber', from: '215-A', to: '215-B' },
      ],
    },
  ],
  unchanged: 0,
  couldNotCompare: [],
};

describe('confirming a roster diff', () => {
  it('offers admissions only on rows that read without errors, and confirms nothing by itself', () => {
    const offer = offered(diff, rows);
    expect(offer).toEqual({
      admissions: ['0', '1'],
      readmissions: ['pat_b'],
      discharges: ['pat_g', 'pat_x'],
      changes: ['pat_o'],
    });
    expect(confirmedCount(noChoices(), offer)).toBe(0);
  });

  it('confirms one by one or a whole group, and sends exactly what was confirmed', () => {
    const offer = offered(diff, rows);
    let choices = toggled(noChoices(), 'admissions', '1');
    choices = allOrNone(choices, 'discharges', offer.discharges);
    choices = toggled(choices, 'discharges', 'pat_x');
    choices = toggled(choices, 'changes', 'pat_o');
    choices = toggled(choices, 'readmissions', 'pat_b');
    expect(confirmedCount(choices, offer)).toBe(4);
    const body = applyRequest(
      { facilityId: 'fac_1', source: 'csv', fileName: 'census.csv' },
      diff,
      rows,
      choices,
    );
    expect(body).toEqual({
      facilityId: 'fac_1',
      source: 'csv',
      fileName: 'census.csv',
      // The admission flagged as a likely duplicate carries the person's confirmation of it.
      admissions: [
        { firstName: 'Sam', lastName: 'White', dateOfBirth: '1944-04-04', mrn: 'X2', confirmDuplicate: true },
      ],
      // A readmission returns the patient to the room the roster gives.
      readmissions: [{ patientId: 'pat_b', roomNumber: '301' }],
      discharges: [{ patientId: 'pat_g' }],
      changes: [{ patientId: 'pat_o', lastName: 'Okafur', roomNumber: '215-B' }],
    });
    // "Confirm all" on a group already all confirmed clears it.
    expect(
      allOrNone(allOrNone(choices, 'admissions', offer.admissions), 'admissions', offer.admissions).admissions
        .size,
    ).toBe(0);
  });

  it('drops confirmations of items the next check no longer offers', () => {
    const choices = toggled(toggled(noChoices(), 'admissions', '0'), 'discharges', 'pat_x');
    const excluded = rows.map((r, i) => (i === 0 ? { ...r, include: false } : r));
    const kept = stillOffered(
      choices,
      offered({ ...diff, discharges: [patient('pat_g', 'Garcia')] }, excluded),
    );
    expect([...kept.admissions, ...kept.discharges]).toEqual([]);
  });

  it('drops the "already a patient" warning of rows recognised as that patient, and only theirs', () => {
    const duplicate = {
      field: 'lastName',
      issue: 'Likely already a patient at this facility',
      existingPatientId: 'p',
    };
    const flagged = [row(0, {}, { warnings: [duplicate] }), row(1, {}, { warnings: [duplicate] })];
    const compared = { ...diff, admissions: [{ row: 1 }], changes: [] };
    expect(withoutRecognisedWarnings(flagged, compared).map((r) => r.warnings.length)).toEqual([0, 1]);
    expect(withoutRecognisedWarnings(flagged, null)).toBe(flagged);
  });

  it('tells what was done in one sentence', () => {
    expect(
      appliedMessage({
        importId: 'imp',
        admitted: ['a', 'b'],
        readmitted: [],
        discharged: ['c'],
        changed: [],
        tasksCreated: 11,
      }),
    ).toBe('2 patients admitted, 1 discharged; 11 checklist tasks added.');
    expect(
      appliedMessage({
        importId: null,
        admitted: [],
        readmitted: ['r'],
        discharged: [],
        changed: [],
        tasksCreated: 0,
      }),
    ).toBe('1 readmitted.');
  });
});
