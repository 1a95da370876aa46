/**
 * Rule-based lead score, 0 to 100 (spec 001: "rule-based engine, AI later").
 * Every point comes from a named rule, so the lead shows why it scored as it did.
 */
export type ScoringRules = {
  source: Record<string, number>;
  contact: { email: number; phone: number; dateOfBirth: number; responsibleParty: number };
  age: { freshDays: number; fresh: number; recentDays: number; recent: number };
  activity: { each: number; max: number };
  stage: { perStep: number; max: number };
};

export const DEFAULT_SCORING_RULES: ScoringRules = {
  source: { referral: 25, walk_in: 20, web_form: 15, phone: 15, email: 10, web_page: 10, other: 5 },
  contact: { email: 10, phone: 10, dateOfBirth: 5, responsibleParty: 5 },
  age: { freshDays: 7, fresh: 15, recentDays: 30, recent: 5 },
  activity: { each: 5, max: 15 },
  stage: { perStep: 5, max: 20 },
};

export type ScoreInput = {
  sourceChannel: string | null;
  email: string | null;
  phone: string | null;
  dateOfBirth: string | null;
  hasResponsibleParty: boolean;
  createdAt: string;
  activities: number;
  stageIndex: number;
  stageOutcome: 'open' | 'won' | 'lost';
};

export type Contribution = { rule: string; points: number };

export function scoreLead(
  input: ScoreInput,
  rules: ScoringRules,
  now = Date.now(),
): { score: number; contributions: Contribution[] } {
  if (input.stageOutcome === 'won') return { score: 100, contributions: [{ rule: 'Won', points: 100 }] };
  if (input.stageOutcome === 'lost') return { score: 0, contributions: [{ rule: 'Lost', points: 0 }] };
  const out: Contribution[] = [];
  const add = (rule: string, points: number) => {
    if (points) out.push({ rule, points });
  };
  if (input.sourceChannel)
    add(`Source: ${input.sourceChannel.replace(/_/g, ' ')}`, rules.source[input.sourceChannel] ?? 0);
  if (input.email) add('Has an email address', rules.contact.email);
  if (input.phone) add('Has a phone number', rules.contact.phone);
  if (input.dateOfBirth) add('Date of birth known', rules.contact.dateOfBirth);
  if (input.hasResponsibleParty) add('Responsible party known', rules.contact.responsibleParty);
  const ageDays = (now - Date.parse(input.createdAt)) / 86_400_000;
  if (ageDays <= rules.age.freshDays) add(`New (under ${rules.age.freshDays} days)`, rules.age.fresh);
  else if (ageDays <= rules.age.recentDays)
    add(`Recent (under ${rules.age.recentDays} days)`, rules.age.recent);
  add(
    `${input.activities} contact${input.activities === 1 ? '' : 's'} logged`,
    Math.min(rules.activity.max, input.activities * rules.activity.each),
  );
  add(
    `Pipeline stage ${input.stageIndex + 1}`,
    Math.min(rules.stage.max, input.stageIndex * rules.stage.perStep),
  );
  const total = out.reduce((n, c) => n + c.points, 0);
  return { score: Math.max(0, Math.min(100, total)), contributions: out };
}
