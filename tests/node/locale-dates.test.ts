import { describe, expect, it } from 'vitest';
import { dateFieldMessage, datePattern, formatDate, formatDateTime } from '../../shared/locale-dates';

describe('dates in the reader’s locale', () => {
  it('writes a date field’s pattern the way the locale does', () => {
    expect(datePattern('en-US')).toBe('mm/dd/yyyy');
    expect(datePattern('en-GB')).toBe('dd/mm/yyyy');
    expect(datePattern('de-DE')).toBe('dd.mm.yyyy');
    expect(dateFieldMessage('en-US')).toBe('Enter the whole date, as mm/dd/yyyy');
    expect(dateFieldMessage('en-GB')).not.toContain('YYYY-MM-DD');
  });

  it('shows a calendar day as that day in every time zone, in the locale’s order', () => {
    expect(formatDate('1940-03-13', 'en-US')).toBe('Mar 13, 1940');
    expect(formatDate('1940-03-13', 'en-GB')).toBe('13 Mar 1940');
  });

  it('shows a moment with its time', () => {
    const moment = new Date(2026, 0, 5, 14, 5).toISOString();
    expect(formatDateTime(moment, 'en-US')).toMatch(/^Jan 5, 2026, 2:05\sPM$/);
  });
});
