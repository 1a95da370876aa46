import { addCalendarDays } from '../calendar-date';
import { addBusinessDays } from './business-days';

export const REQUESTER_KINDS = ['patient', 'third_party'] as const;
export type RequesterKind = (typeof REQUESTER_KINDS)[number];
export const ACCESS_KINDS = ['copies', 'inspection'] as const;
export type AccessKind = (typeof ACCESS_KINDS)[number];
export const DAY_CLOCKS = ['calendar', 'business'] as const;
export type DayClock = (typeof DAY_CLOCKS)[number];

/** States with researched rules the organisation can choose. */
export const RULE_STATES = ['CA', 'TX'] as const;
export type RuleState = (typeof RULE_STATES)[number];

export type DeadlineRule = {
  id: string;
  /** `US` (federal), a state code, or `organisation` for the practice's own tighter rules. */
  jurisdiction: 'US' | RuleState | 'organisation';
  name: string;
  requesters: RequesterKind[];
  accessKinds: AccessKind[];
  /** Counted from the day after receipt. */
  days: number;
  clock: DayClock;
  extension: { days: number; clock: DayClock; how: string } | null;
  citation: string;
  lastReviewed: string;
};

/**
 * The rules the law sets, each with its source. HIPAA's right of access is the
 * floor every organisation keeps; state rules apply when the organisation
 * chooses that state. Reviewed against the cited texts on the date given.
 */
export const LEGAL_RULES: readonly DeadlineRule[] = [
  {
    id: 'us-hipaa-access',
    jurisdiction: 'US',
    name: 'HIPAA right of access',
    requesters: ['patient'],
    accessKinds: ['copies', 'inspection'],
    days: 30,
    clock: 'calendar',
    extension: {
      days: 30,
      clock: 'calendar',
      how: 'Once, within the first 30 days, by written notice to the individual of the reasons for the delay and the date the request will be completed',
    },
    citation: '45 CFR 164.524(b)(2)',
    lastReviewed: '2026-11-28',
  },
  {
    id: 'ca-inspection',
    jurisdiction: 'CA',
    name: 'California: inspection of records',
    requesters: ['patient'],
    accessKinds: ['inspection'],
    days: 5,
    clock: 'business',
    extension: null,
    citation: 'Cal. Health & Safety Code § 123110 (5 working days after receipt of the written request)',
    lastReviewed: '2026-11-28',
  },
  {
    id: 'ca-copies',
    jurisdiction: 'CA',
    name: 'California: copies of records',
    requesters: ['patient'],
    accessKinds: ['copies'],
    days: 15,
    clock: 'calendar',
    extension: null,
    citation:
      'Cal. Health & Safety Code § 123110 (copies within 15 days after receipt of the written request)',
    lastReviewed: '2026-11-28',
  },
  {
    id: 'tx-physician-records',
    jurisdiction: 'TX',
    name: "Texas: physician's records",
    requesters: ['patient', 'third_party'],
    accessKinds: ['copies'],
    days: 15,
    clock: 'business',
    extension: null,
    citation:
      'Tex. Occupations Code § 159.006; 22 Tex. Admin. Code § 165.2 (15 business days after the written request)',
    lastReviewed: '2026-11-28',
  },
];

/** The organisation's choices: its states, its own tighter rules, and its targets where no law sets one. */
export type DeadlineSettings = {
  states: RuleState[];
  customRules: DeadlineRule[];
  /** Practice target for third-party requests no rule covers. */
  thirdPartyDays: number;
  /** When to chase a previous provider for records the practice asked for. */
  followUpDays: number;
};

export const DEFAULT_DEADLINE_SETTINGS: DeadlineSettings = {
  states: [],
  customRules: [],
  thirdPartyDays: 30,
  followUpDays: 14,
};

export const addDaysBy = (date: string, days: number, clock: DayClock) =>
  clock === 'business' ? addBusinessDays(date, days) : addCalendarDays(date, days);

export type DueDecision = {
  dueOn: string;
  /** The rule that set the date (the strictest that applies), as it read when applied. */
  rule: Pick<DeadlineRule, 'id' | 'jurisdiction' | 'name' | 'days' | 'clock' | 'citation'>;
  /** Every rule that applies, for the clock to recompute an extension against. */
  ruleIds: string[];
};

export function applicableRules(
  settings: DeadlineSettings,
  request: { requesterKind: RequesterKind; accessKind: AccessKind },
): DeadlineRule[] {
  const chosen = LEGAL_RULES.filter(
    (r) => r.jurisdiction === 'US' || settings.states.includes(r.jurisdiction as RuleState),
  );
  // The federal floor is always among them, so the practice's own rules can only make a date earlier.
  return [...chosen, ...settings.customRules].filter(
    (r) => r.requesters.includes(request.requesterKind) && r.accessKinds.includes(request.accessKind),
  );
}

const ruleSummary = (r: DeadlineRule): DueDecision['rule'] => ({
  id: r.id,
  jurisdiction: r.jurisdiction,
  name: r.name,
  days: r.days,
  clock: r.clock,
  citation: r.citation,
});

/**
 * The due date of a request: the earliest date any applicable rule sets (the
 * first listed wins a tie, so the federal rule names a date it shares). An
 * incoming request's date is the practice's follow-up target; a third-party
 * request no rule covers gets the practice's target.
 */
export function decideDueDate(
  settings: DeadlineSettings,
  request: {
    direction: 'outgoing' | 'incoming';
    requesterKind: RequesterKind;
    accessKind: AccessKind;
    receivedOn: string;
  },
): DueDecision {
  if (request.direction === 'incoming')
    return {
      dueOn: addCalendarDays(request.receivedOn, settings.followUpDays),
      rule: {
        id: 'practice-follow-up',
        jurisdiction: 'organisation',
        name: 'Practice follow-up target',
        days: settings.followUpDays,
        clock: 'calendar',
        citation: 'Practice policy',
      },
      ruleIds: [],
    };
  const rules = applicableRules(settings, request);
  if (!rules.length)
    return {
      dueOn: addCalendarDays(request.receivedOn, settings.thirdPartyDays),
      rule: {
        id: 'practice-third-party',
        jurisdiction: 'organisation',
        name: 'Practice target (no legal deadline applies)',
        days: settings.thirdPartyDays,
        clock: 'calendar',
        citation: 'Practice policy',
      },
      ruleIds: [],
    };
  let best = rules[0]!;
  let bestDue = addDaysBy(request.receivedOn, best.days, best.clock);
  for (const rule of rules.slice(1)) {
    const due = addDaysBy(request.receivedOn, rule.days, rule.clock);
    if (due < bestDue) [best, bestDue] = [rule, due];
  }
  return { dueOn: bestDue, rule: ruleSummary(best), ruleIds: rules.map((r) => r.id) };
}

/**
 * The due date after the one extension: every applicable rule must still be
 * met, so each contributes its own date (extended only if it allows it) and
 * the earliest wins. Undefined when that does not move the date: no rule that
 * applies allows more time.
 */
export function extendedDueDate(
  settings: DeadlineSettings,
  request: { requesterKind: RequesterKind; accessKind: AccessKind; receivedOn: string },
  currentDueOn: string,
): { dueOn: string; rule: DeadlineRule } | undefined {
  const rules = applicableRules(settings, request);
  let best: { dueOn: string; rule: DeadlineRule } | undefined;
  for (const rule of rules) {
    const base = addDaysBy(request.receivedOn, rule.days, rule.clock);
    const due = rule.extension ? addDaysBy(base, rule.extension.days, rule.extension.clock) : base;
    if (!best || due < best.dueOn) best = { dueOn: due, rule };
  }
  return best && best.dueOn > currentDueOn ? best : undefined;
}
