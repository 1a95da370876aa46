import { describe, expect, it } from 'vitest';
import { renderMergeFields, unknownMergeFields } from '../../shared/automation/merge-fields';
import { smsLength } from '../../shared/automation/sms-segments';

describe('SMS segments', () => {
  it('counts GSM-7 by septets: 160 in one, 153 a segment once split', () => {
    expect(smsLength('')).toMatchObject({ segments: 0 });
    expect(smsLength('a'.repeat(160))).toEqual({
      encoding: 'GSM-7',
      units: 160,
      segments: 1,
      perSegment: 160,
    });
    expect(smsLength('a'.repeat(161))).toMatchObject({ segments: 2, perSegment: 153 });
    expect(smsLength('a'.repeat(306))).toMatchObject({ segments: 2 });
    expect(smsLength('a'.repeat(307))).toMatchObject({ segments: 3 });
  });

  it('counts extension characters (€, braces) as two septets', () => {
    expect(smsLength('€'.repeat(80))).toMatchObject({ encoding: 'GSM-7', units: 160, segments: 1 });
    expect(smsLength(`${'a'.repeat(159)}€`)).toMatchObject({ units: 161, segments: 2 });
  });

  it('sends the whole message as UCS-2 once one character is outside GSM-7: 70, then 67', () => {
    expect(smsLength(`${'a'.repeat(69)}ł`)).toEqual({
      encoding: 'UCS-2',
      units: 70,
      segments: 1,
      perSegment: 70,
    });
    expect(smsLength(`${'a'.repeat(70)}ł`)).toMatchObject({ segments: 2, perSegment: 67 });
    // An emoji is two UTF-16 code units.
    expect(smsLength('😀'.repeat(35))).toMatchObject({ units: 70, segments: 1 });
  });
});

describe('merge fields', () => {
  it('fills known fields, empties missing values, and names unknown fields', () => {
    const text =
      'Hi {{ patient.firstName }}, {{case.sessionsLeft}} left at {{location.name}}. {{patient.ssn}}';
    expect(unknownMergeFields(text)).toEqual(['patient.ssn']);
    expect(renderMergeFields(text, { 'patient.firstName': 'Ana', 'case.sessionsLeft': 3 })).toBe(
      'Hi Ana, 3 left at . ',
    );
  });
});
