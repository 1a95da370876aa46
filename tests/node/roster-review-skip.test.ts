import { describe, expect, it } from 'vitest';
import {
  type ReviewRow,
  skipDuplicates,
  skippable,
  skipRowsWithErrors,
} from '../../extension/features/patients/roster-review-rows';

const row = (
  index: number,
  problems: Partial<Pick<ReviewRow, 'errors' | 'warnings' | 'confirmDuplicate'>> = {},
): ReviewRow => ({
  index,
  values: { firstName: 'Edith', lastName: `Walker${index}`, dateOfBirth: '1944-06-19' },
  errors: [],
  warnings: [],
  include: true,
  confirmDuplicate: false,
  ...problems,
});

describe('census review: skip in one click', () => {
  const rows = [
    row(0),
    row(1, { errors: [{ field: 'dateOfBirth', issue: '"13/45/1944" is not a date' }] }),
    row(2, {
      warnings: [{ field: 'lastName', issue: 'Looks like a patient already here', existingPatientId: 'p1' }],
    }),
    row(3, {
      warnings: [{ field: 'lastName', issue: 'Same as row 3', sameAsRow: 2 }],
      confirmDuplicate: true,
    }),
    row(4, {
      errors: [{ field: 'firstName', issue: 'First name is missing' }],
      warnings: [{ field: 'lastName', issue: 'Same as row 1', sameAsRow: 0 }],
    }),
  ];

  it('leaves out every row with an error and nothing else, keeping them listed to fix and tick back', () => {
    const after = skipRowsWithErrors(rows);
    expect(after.map((r) => r.include)).toEqual([true, false, true, true, false]);
    expect(after).toHaveLength(rows.length);
    expect(after[1]!.values).toEqual(rows[1]!.values);
  });

  it('leaves out every possible duplicate not confirmed by the person', () => {
    expect(skipDuplicates(rows).map((r) => r.include)).toEqual([true, true, false, true, false]);
  });

  it('counts what each button would do, so a button that would do nothing is not shown', () => {
    expect(skippable(rows)).toEqual({ withErrors: 2, duplicates: 2 });
    expect(skippable(skipDuplicates(skipRowsWithErrors(rows)))).toEqual({ withErrors: 0, duplicates: 0 });
  });
});
