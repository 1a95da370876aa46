import { describe, expect, it } from 'vitest';
import { DEFAULT_STRENGTH_RULES, type StrengthInput, scoreStrength } from '../../shared/referral-strength';

const strong: StrengthInput = {
  daysSinceLastReferral: 3,
  windowReferrals: 12,
  windowConversions: 9,
  lettersDue: 4,
  lettersOnTime: 4,
  trendRecent: 5,
  trendPrevious: 2,
};

const points = (input: StrengthInput) =>
  Object.fromEntries(scoreStrength(input, DEFAULT_STRENGTH_RULES).reasons.map((r) => [r.rule, r.points]));

describe('relationship strength rules', () => {
  it('gives each rule its points and sums them within 0 to 100', () => {
    expect(points(strong)).toEqual({
      Recency: 25,
      Frequency: 25,
      Conversion: 19,
      'Letters on time': 15,
      Trend: 10,
    });
    expect(scoreStrength(strong, DEFAULT_STRENGTH_RULES).score).toBe(94);
  });

  it('takes the first recency band that holds the last referral, and none past the last band', () => {
    const at = (days: number | null) => points({ ...strong, daysSinceLastReferral: days }).Recency;
    expect([at(30), at(31), at(90), at(91), at(180), at(181), at(null)]).toEqual([25, 15, 15, 5, 5, 0, 0]);
  });

  it('counts conversion only from the minimum number of referrals, and letters only when some are owed', () => {
    const few = scoreStrength(
      { ...strong, windowReferrals: 2, windowConversions: 2 },
      DEFAULT_STRENGTH_RULES,
    );
    expect(few.reasons.find((r) => r.rule === 'Conversion')).toEqual({
      rule: 'Conversion',
      points: 0,
      explanation: 'Counted from 3 referrals in the last 365 days; 2 so far',
    });
    expect(points({ ...strong, lettersDue: 0, lettersOnTime: 0 })['Letters on time']).toBe(0);
    expect(points({ ...strong, lettersDue: 4, lettersOnTime: 1 })['Letters on time']).toBe(4);
  });

  it('takes points off for a falling trend and never goes below 0', () => {
    const cold: StrengthInput = {
      daysSinceLastReferral: 400,
      windowReferrals: 0,
      windowConversions: 0,
      lettersDue: 0,
      lettersOnTime: 0,
      trendRecent: 0,
      trendPrevious: 3,
    };
    const result = scoreStrength(cold, DEFAULT_STRENGTH_RULES);
    expect(result.reasons.find((r) => r.rule === 'Trend')?.points).toBe(-10);
    expect(result.score).toBe(0);
    expect(
      scoreStrength(
        { ...strong },
        { ...DEFAULT_STRENGTH_RULES, frequency: { windowDays: 365, each: 50, max: 100 } },
      ).score,
    ).toBe(100);
  });
});
