import { describe, expect, it } from 'vitest';
import { DEFAULT_SCORING_RULES, scoreLead } from '../../shared/lead-scoring';

const NOW = Date.parse('2026-11-23T12:00:00Z');
const base = {
  sourceChannel: 'referral',
  email: 'a@b.test',
  phone: '5125550100',
  dateOfBirth: '2014-01-01',
  hasResponsibleParty: true,
  createdAt: '2026-11-20T12:00:00Z',
  activities: 2,
  stageIndex: 2,
  stageOutcome: 'open' as const,
};

describe('lead score', () => {
  it('adds up named rules and explains every point', () => {
    const { score, contributions } = scoreLead(base, DEFAULT_SCORING_RULES, NOW);
    expect(contributions).toEqual([
      { rule: 'Source: referral', points: 25 },
      { rule: 'Has an email address', points: 10 },
      { rule: 'Has a phone number', points: 10 },
      { rule: 'Date of birth known', points: 5 },
      { rule: 'Responsible party known', points: 5 },
      { rule: 'New (under 7 days)', points: 15 },
      { rule: '2 contacts logged', points: 10 },
      { rule: 'Pipeline stage 3', points: 10 },
    ]);
    expect(score).toBe(90);
  });

  it('stays within 0 to 100, and follows edited rules', () => {
    const generous = { ...DEFAULT_SCORING_RULES, source: { referral: 90 } };
    expect(scoreLead(base, generous, NOW).score).toBe(100);
    const old = scoreLead(
      {
        ...base,
        createdAt: '2026-01-01T00:00:00Z',
        activities: 0,
        stageIndex: 0,
        email: null,
        phone: null,
        dateOfBirth: null,
        hasResponsibleParty: false,
        sourceChannel: null,
      },
      DEFAULT_SCORING_RULES,
      NOW,
    );
    expect(old).toEqual({ score: 0, contributions: [] });
  });

  it('is 100 when won and 0 when lost', () => {
    expect(scoreLead({ ...base, stageOutcome: 'won' }, DEFAULT_SCORING_RULES, NOW).score).toBe(100);
    expect(scoreLead({ ...base, stageOutcome: 'lost' }, DEFAULT_SCORING_RULES, NOW).score).toBe(0);
  });
});
