import { describe, expect, it } from 'vitest';
import { count } from '../../shared/words';

describe('counts in sentences', () => {
  it('uses the singular for one and the plural otherwise', () => {
    expect(count(1, 'day')).toBe('1 day');
    expect(count(0, 'day')).toBe('0 days');
    expect(count(2, 'more patient')).toBe('2 more patients');
    expect(count(1_250, 'captured lead')).toBe('1,250 captured leads');
  });

  it('takes an irregular plural', () => {
    expect(count(3, 'person', 'people')).toBe('3 people');
    expect(count(1, 'person', 'people')).toBe('1 person');
  });
});
