/**
 * Relationship strength of a referring provider, 0 to 100, rule-based like the
 * lead score: every point comes from a named rule, and every rule says what it
 * saw, so the provider page can show why the score is what it is.
 */
export type StrengthRules = {
  /** Points by days since the last referral: the first band that holds it counts. */
  recency: {
    recentDays: number;
    recent: number;
    warmDays: number;
    warm: number;
    coolDays: number;
    cool: number;
  };
  /** Points per referral in the last `windowDays`, up to `max`. */
  frequency: { windowDays: number; each: number; max: number };
  /** Conversion rate of the same window times `max`, once `minReferrals` referrals give it meaning. */
  conversion: { minReferrals: number; max: number };
  /** Share of letters owed to the provider that were sent within `onTimeDays` of their event, times `max`. */
  letters: { onTimeDays: number; max: number };
  /** The last `windowDays` against the `windowDays` before: more referrals earn `rising`, fewer `falling`. */
  trend: { windowDays: number; rising: number; falling: number };
};

export const DEFAULT_STRENGTH_RULES: StrengthRules = {
  recency: { recentDays: 30, recent: 25, warmDays: 90, warm: 15, coolDays: 180, cool: 5 },
  frequency: { windowDays: 365, each: 3, max: 25 },
  conversion: { minReferrals: 3, max: 25 },
  letters: { onTimeDays: 7, max: 15 },
  trend: { windowDays: 90, rising: 10, falling: -10 },
};

export type StrengthInput = {
  /** Days from the last incoming referral to today; null when there was none. */
  daysSinceLastReferral: number | null;
  /** Incoming referrals in the frequency window, and how many of them converted. */
  windowReferrals: number;
  windowConversions: number;
  /** Letters owed to the provider (queued ones once they are late) and those sent on time. */
  lettersDue: number;
  lettersOnTime: number;
  /** Referrals in the last trend window and in the one before it. */
  trendRecent: number;
  trendPrevious: number;
};

export type StrengthReason = { rule: string; points: number; explanation: string };

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function recency(input: StrengthInput, r: StrengthRules['recency']): StrengthReason {
  const days = input.daysSinceLastReferral;
  const bands: [number, number][] = [
    [r.recentDays, r.recent],
    [r.warmDays, r.warm],
    [r.coolDays, r.cool],
  ];
  const band = days === null ? undefined : bands.find(([limit]) => days <= limit);
  return {
    rule: 'Recency',
    points: band?.[1] ?? 0,
    explanation:
      days === null
        ? 'No referral yet'
        : band
          ? `Last referral ${plural(days, 'day')} ago (within ${band[0]} days)`
          : `Last referral ${plural(days, 'day')} ago (over ${r.coolDays} days)`,
  };
}

export function scoreStrength(input: StrengthInput, rules: StrengthRules) {
  const reasons: StrengthReason[] = [recency(input, rules.recency)];
  const f = rules.frequency;
  reasons.push({
    rule: 'Frequency',
    points: Math.min(f.max, input.windowReferrals * f.each),
    explanation: `${plural(input.windowReferrals, 'referral')} in the last ${f.windowDays} days (${f.each} each, at most ${f.max})`,
  });
  const c = rules.conversion;
  const rate = input.windowReferrals ? input.windowConversions / input.windowReferrals : 0;
  reasons.push(
    input.windowReferrals >= c.minReferrals
      ? {
          rule: 'Conversion',
          points: Math.round(rate * c.max),
          explanation: `${input.windowConversions} of ${input.windowReferrals} started treatment (${Math.round(rate * 100)}%)`,
        }
      : {
          rule: 'Conversion',
          points: 0,
          explanation: `Counted from ${plural(c.minReferrals, 'referral')} in the last ${f.windowDays} days; ${input.windowReferrals} so far`,
        },
  );
  const l = rules.letters;
  reasons.push(
    input.lettersDue
      ? {
          rule: 'Letters on time',
          points: Math.round((input.lettersOnTime / input.lettersDue) * l.max),
          explanation: `${input.lettersOnTime} of ${plural(input.lettersDue, 'letter')} sent within ${l.onTimeDays} days`,
        }
      : { rule: 'Letters on time', points: 0, explanation: 'No letters owed to this provider yet' },
  );
  const t = rules.trend;
  const delta = input.trendRecent - input.trendPrevious;
  reasons.push({
    rule: 'Trend',
    points: delta > 0 ? t.rising : delta < 0 ? t.falling : 0,
    explanation: `${input.trendRecent} in the last ${t.windowDays} days against ${input.trendPrevious} in the ${t.windowDays} before`,
  });
  const total = reasons.reduce((n, r) => n + r.points, 0);
  return { score: Math.max(0, Math.min(100, total)), reasons };
}
