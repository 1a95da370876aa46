import { describe, expect, it } from 'vitest';
import { monthsEnding } from '../../worker/services/facilities/facility-demand-months';

describe('the months of the demand series', () => {
  it('ends with the current UTC month and crosses years oldest first', () => {
    expect(monthsEnding(new Date('2026-02-28T23:30:00Z'), 4)).toEqual([
      '2025-11',
      '2025-12',
      '2026-01',
      '2026-02',
    ]);
    expect(monthsEnding(new Date('2026-03-31T12:00:00Z'), 2)).toEqual(['2026-02', '2026-03']);
    expect(monthsEnding(new Date('2026-01-01T00:00:00Z'), 1)).toEqual(['2026-01']);
  });
});
