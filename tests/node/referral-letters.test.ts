import { describe, expect, it } from 'vitest';
import {
  BUILT_IN_LETTERS,
  LETTER_FIELD_NAMES,
  renderLetterFields,
  unknownLetterFields,
} from '../../shared/referral-letters';
import { wholeMonthsBetween } from '../../worker/services/referral-letters/progress-reports';

describe('letter merge fields', () => {
  it('finds each unknown field once, in order, and ignores known ones however spaced', () => {
    expect(unknownLetterFields('{{ patient.name }} {{patient.ssn}} {{x}} {{patient.ssn}}')).toEqual([
      'patient.ssn',
      'x',
    ]);
    expect(unknownLetterFields('{{referrer.salutation}},')).toEqual([]);
  });

  it('renders values, and a field without a value as nothing (never braces)', () => {
    expect(
      renderLetterFields('{{referrer.salutation}}, {{patient.name}} on {{consultation.date}}.', {
        'referrer.salutation': 'Dear Dr Bell',
        'patient.name': 'Lena Vance',
        'consultation.date': null,
      }),
    ).toBe('Dear Dr Bell, Lena Vance on .');
  });

  it('ships built-in letters that use only known fields, and every field is documented', () => {
    for (const { subject, body } of Object.values(BUILT_IN_LETTERS))
      expect(unknownLetterFields(`${subject}\n${body}`)).toEqual([]);
    expect(LETTER_FIELD_NAMES).toContain('practice.signature');
  });
});

describe('progress report months', () => {
  it('counts whole calendar months, a short month not yet a month', () => {
    expect(wholeMonthsBetween('2026-01-31', '2026-02-28')).toBe(0);
    expect(wholeMonthsBetween('2026-01-31', '2026-03-01')).toBe(1);
    expect(wholeMonthsBetween('2025-11-15', '2026-05-15')).toBe(6);
    expect(wholeMonthsBetween('2025-11-15', '2026-05-14')).toBe(5);
  });
});
