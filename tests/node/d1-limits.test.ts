import { describe, expect, it } from 'vitest';
import {
  chunk,
  D1_MAX_BOUND_PARAMETERS,
  IN_LIST_MAX,
  inListChunks,
  rowsPerStatement,
} from '../../worker/lib/d1-limits';

describe('D1 chunking', () => {
  it('fits as many rows in a statement as 100 parameters allow for the columns', () => {
    expect(rowsPerStatement(4)).toBe(25);
    expect(rowsPerStatement(11)).toBe(9);
    expect(rowsPerStatement(27)).toBe(3);
    expect(rowsPerStatement(150)).toBe(1);
    for (const columns of [1, 3, 7, 8, 10, 13, 27]) {
      expect(rowsPerStatement(columns) * columns).toBeLessThanOrEqual(D1_MAX_BOUND_PARAMETERS);
      expect((rowsPerStatement(columns) + 1) * columns).toBeGreaterThan(D1_MAX_BOUND_PARAMETERS);
    }
  });

  it('splits lists without losing or reordering anything', () => {
    const ids = Array.from({ length: 205 }, (_, i) => `id${i}`);
    const parts = inListChunks(ids);
    expect(parts.map((p) => p.length)).toEqual([IN_LIST_MAX, IN_LIST_MAX, 205 - 2 * IN_LIST_MAX]);
    expect(parts.flat()).toEqual(ids);
    expect(chunk([], 10)).toEqual([]);
  });
});
