import { describe, expect, it } from 'vitest';
import {
  editDistance,
  likeness,
  parseNamedReferrer,
  practiceLikeness,
} from '../../worker/services/referrals/named-referrer';

const fox = {
  firstName: 'Lena',
  lastName: 'Fox',
  practiceName: 'Bright Smiles Dental',
  email: 'lena@bright.example',
};

describe('a referrer as a capture names them', () => {
  it('reads the person and the practice from the ways people write them', () => {
    expect(parseNamedReferrer('Dr. Lena Fox')).toEqual({ firstName: 'Lena', lastName: 'Fox' });
    expect(parseNamedReferrer('Dr Fox')).toEqual({ lastName: 'Fox' });
    expect(parseNamedReferrer('Dr. L. Fox, DDS')).toEqual({ firstName: 'L', lastName: 'Fox' });
    expect(parseNamedReferrer('Lena Fox DMD, MS')).toEqual({ firstName: 'Lena', lastName: 'Fox' });
    expect(parseNamedReferrer('Dr. Fox of Bright Smiles Dental')).toEqual({
      lastName: 'Fox',
      practice: 'Bright Smiles Dental',
    });
    expect(parseNamedReferrer('Dr. Lena Fox (Bright Smiles)')).toEqual({
      firstName: 'Lena',
      lastName: 'Fox',
      practice: 'Bright Smiles',
    });
    expect(parseNamedReferrer('Dr. Fox’s office')).toEqual({ lastName: 'Fox' });
    expect(parseNamedReferrer('Dr. Ana Marsh-Price')).toEqual({ firstName: 'Ana', lastName: 'Marsh-Price' });
    expect(parseNamedReferrer('Bright Smiles Dental')).toEqual({ practice: 'Bright Smiles Dental' });
    expect(parseNamedReferrer('Dr. Fox', 'Bright Smiles')).toEqual({
      lastName: 'Fox',
      practice: 'Bright Smiles',
    });
  });

  it('counts typing slips, a swap of neighbours as one', () => {
    expect(editDistance('fox', 'fox')).toBe(0);
    expect(editDistance('quillfeather', 'quilfeather')).toBe(1);
    expect(editDistance('okafor', 'okafro')).toBe(1);
    expect(editDistance('smith', 'smyth')).toBe(1);
    expect(editDistance('fox', 'fix')).toBe(1);
    expect(editDistance('marsh', 'walsh')).toBe(2);
  });

  it('compares practices by their telling words, not "dental" or "the"', () => {
    expect(practiceLikeness('Bright Smiles Dental', 'Bright Smiles Dental')).toBe(1);
    expect(practiceLikeness('Bright Smiles', 'The Bright Smiles Dental Group')).toBe(1);
    expect(practiceLikeness('Brite Smiles', 'Bright Smiles Dental')).toBe(0.5);
    expect(practiceLikeness('Lakeside Dental', 'Hillside Dental')).toBe(0);
  });
});

describe('how well a directory entry fits', () => {
  const score = (text: string, entry = fox, email?: string) =>
    likeness(parseNamedReferrer(text), entry, email);

  it('needs the last name, allowing a slip only in names long enough to tell apart', () => {
    expect(score('Dr. Lena Fox')).toEqual({ score: 0.9, reasons: ['same last name', 'same first name'] });
    expect(score('Dr. Fox').score).toBe(0.6);
    expect(score('Dr. Fix').score).toBe(0);
    const quill = { ...fox, firstName: 'Lena', lastName: 'Quillfeather' };
    expect(score('Dr. Lena Quilfeathr', quill).reasons).toEqual([
      'last name spelled a little differently',
      'same first name',
    ]);
  });

  it('lowers a different first name and practice, raises the same practice, and the same email settles it', () => {
    expect(score('Dr. Sam Fox').score).toBeCloseTo(0.2);
    expect(score('Dr. Fox at Bright Smiles').score).toBeCloseTo(0.85);
    expect(score('Dr. Fox at Lakeside Dental').score).toBeCloseTo(0.45);
    expect(score('Dr. Fox', fox, 'LENA@bright.example')).toEqual({
      score: 1,
      reasons: ['same email', 'same last name'],
    });
    expect(score('Bright Smiles Dental')).toEqual({ score: 0.7, reasons: ['same practice'] });
    expect(score('Lakeside Dental')).toEqual({ score: 0, reasons: [] });
  });
});
