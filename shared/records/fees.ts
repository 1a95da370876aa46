import type { AccessKind, RequesterKind, RuleState } from './deadline-rules';

/**
 * Fee rules for outgoing records, each with its source. HIPAA limits what a
 * patient pays for their own copies (a cost-based fee, or a flat amount for
 * electronic copies of electronic records) and no fee holds their access back
 * here; third parties pay by the schedule of the organisation's state, or the
 * practice's stated charge where no schedule applies, and their release waits
 * for payment or a waiver.
 */
export const FEE_RULE_IDS = [
  'hipaa-flat-electronic',
  'hipaa-cost-based',
  'ca-third-party',
  'tx-third-party',
  'practice-charge',
] as const;
export type FeeRuleId = (typeof FEE_RULE_IDS)[number];

/** HHS's flat amount for electronic copies of records kept electronically, in cents. */
export const HIPAA_FLAT_ELECTRONIC_CENTS = 650;

export type FeeInput = {
  /** Pages copied (paper or scanned). */
  pages?: number;
  /** Minutes of staff time spent copying (HIPAA: not searching or retrieving). */
  laborMinutes?: number;
  hourlyRateCents?: number;
  /** Supplies per page (paper, toner) in cents. */
  perPageCents?: number;
  /** A CD or USB drive when the patient asks for one, in cents. */
  mediaCents?: number;
  postageCents?: number;
  /** California: clerical time locating and making records available, in quarter hours. */
  clericalQuarterHours?: number;
  /** Texas: paper copies or an electronic copy. */
  format?: 'paper' | 'electronic';
  /** The practice's charge, or a flat amount below HHS's, in cents. */
  amountCents?: number;
};

export type FeeRule = {
  id: FeeRuleId;
  name: string;
  requester: RequesterKind;
  /** A state whose schedule this is; the rule applies when the organisation chose that state. */
  state?: RuleState;
  /** Whether the release may wait for payment. */
  mayHoldForPayment: boolean;
  citation: string;
  inputs: (keyof FeeInput)[];
};

export const FEE_RULES: Record<FeeRuleId, FeeRule> = {
  'hipaa-flat-electronic': {
    id: 'hipaa-flat-electronic',
    name: 'HIPAA flat fee: electronic copy of electronic records',
    requester: 'patient',
    mayHoldForPayment: false,
    citation: '45 CFR 164.524(c)(4); HHS guidance on access fees (flat fee up to $6.50)',
    inputs: ['amountCents'],
  },
  'hipaa-cost-based': {
    id: 'hipaa-cost-based',
    name: "HIPAA cost-based fee: a patient's own copies",
    requester: 'patient',
    mayHoldForPayment: false,
    citation: '45 CFR 164.524(c)(4)(i)-(iii): labor for copying, supplies, postage; no search or retrieval',
    inputs: ['laborMinutes', 'hourlyRateCents', 'pages', 'perPageCents', 'mediaCents', 'postageCents'],
  },
  'ca-third-party': {
    id: 'ca-third-party',
    name: 'California schedule for third parties',
    requester: 'third_party',
    state: 'CA',
    mayHoldForPayment: true,
    citation: 'Cal. Evid. Code 1158: $0.10 per page, clerical time at $4 per quarter hour, actual postage',
    inputs: ['pages', 'clericalQuarterHours', 'postageCents'],
  },
  'tx-third-party': {
    id: 'tx-third-party',
    name: 'Texas physician records schedule',
    requester: 'third_party',
    state: 'TX',
    mayHoldForPayment: true,
    citation:
      '22 Tex. Admin. Code 165.2: paper $25 for the first 20 pages and $0.50 a page after; electronic $25 up to 500 pages, $50 over',
    inputs: ['format', 'pages', 'postageCents'],
  },
  'practice-charge': {
    id: 'practice-charge',
    name: "The practice's reasonable charge (no state schedule applies)",
    requester: 'third_party',
    mayHoldForPayment: true,
    citation: 'No federal or chosen state schedule limits this third-party fee',
    inputs: ['amountCents'],
  },
};

export type FeeLine = { label: string; cents: number };
export type FeeComputation = { amountCents: number; lines: FeeLine[]; rule: FeeRule };

/** The fee rules a request may use, given who asks and the organisation's states. */
export function applicableFeeRules(requester: RequesterKind, states: readonly string[]): FeeRule[] {
  return Object.values(FEE_RULES).filter(
    (r) => r.requester === requester && (!r.state || states.includes(r.state)),
  );
}

export const dollars = (cents: number) => `$${(cents / 100).toFixed(2)}`;

const n = (v: number | undefined) => Math.max(0, Math.round(v ?? 0));

/** The fee and each step of it, or the reason the rule cannot be used for this request. */
export function computeFee(
  ruleId: FeeRuleId,
  input: FeeInput,
  request: { requesterKind: RequesterKind; accessKind: AccessKind; states: readonly string[] },
): FeeComputation | { refused: string } {
  const rule = FEE_RULES[ruleId];
  if (rule.requester !== request.requesterKind)
    return {
      refused:
        rule.requester === 'patient'
          ? "HIPAA's access fees are for a patient's own request"
          : "A state's third-party schedule does not apply to a patient's own request",
    };
  if (rule.state && !request.states.includes(rule.state))
    return {
      refused: `The organisation has not chosen ${rule.state}; choose it in the records settings first`,
    };
  if (request.requesterKind === 'patient' && request.accessKind === 'inspection')
    return { refused: 'Inspecting records is free: HIPAA allows a fee for copies only' };
  const lines: FeeLine[] = [];
  const add = (label: string, cents: number) => {
    if (cents > 0) lines.push({ label, cents });
  };
  switch (ruleId) {
    case 'hipaa-flat-electronic': {
      const amount = input.amountCents === undefined ? HIPAA_FLAT_ELECTRONIC_CENTS : n(input.amountCents);
      if (amount > HIPAA_FLAT_ELECTRONIC_CENTS)
        return { refused: `The flat fee can be at most ${dollars(HIPAA_FLAT_ELECTRONIC_CENTS)}` };
      add('Flat fee for an electronic copy', amount);
      break;
    }
    case 'hipaa-cost-based': {
      add(
        `Labor: ${n(input.laborMinutes)} min at ${dollars(n(input.hourlyRateCents))}/h`,
        Math.round((n(input.laborMinutes) * n(input.hourlyRateCents)) / 60),
      );
      add(
        `Supplies: ${n(input.pages)} pages at ${dollars(n(input.perPageCents))}`,
        n(input.pages) * n(input.perPageCents),
      );
      add('Electronic media', n(input.mediaCents));
      add('Postage', n(input.postageCents));
      break;
    }
    case 'ca-third-party': {
      add(`Copies: ${n(input.pages)} pages at $0.10`, n(input.pages) * 10);
      add(
        `Clerical time: ${n(input.clericalQuarterHours)} quarter hours at $4`,
        n(input.clericalQuarterHours) * 400,
      );
      add('Postage', n(input.postageCents));
      break;
    }
    case 'tx-third-party': {
      const pages = n(input.pages);
      if (input.format === 'electronic') add(`Electronic copy, ${pages} pages`, pages > 500 ? 5000 : 2500);
      else {
        add(`First ${Math.min(pages, 20)} pages`, pages > 0 ? 2500 : 0);
        add(`${Math.max(0, pages - 20)} more pages at $0.50`, Math.max(0, pages - 20) * 50);
      }
      add('Postage', n(input.postageCents));
      break;
    }
    case 'practice-charge':
      add("The practice's charge", n(input.amountCents));
      break;
  }
  return { amountCents: lines.reduce((sum, l) => sum + l.cents, 0), lines, rule };
}
