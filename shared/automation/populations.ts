import { CONTRACT_STATUSES } from '../contract-status';
import { ENROLLMENT_ORDER } from '../enrollment';
import { RECORDS_DIRECTIONS, RECORDS_STATUSES } from '../records/statuses';
import { CASE_PARAMETERS, CASE_STATUSES } from '../schemas/cases';
import { INTAKE_DELIVERIES, INTAKE_REQUEST_STATUSES } from '../schemas/intake-api';

/**
 * What a rule looks at (spec 002 and issue 17): cases (with their patients'
 * appointments at chosen locations), leads, intake requests, patients by
 * enrollment or checklist, facilities, records requests.
 */
export const RULE_POPULATIONS = [
  'cases',
  'leads',
  'intake_requests',
  'patients',
  'facilities',
  'records_requests',
] as const;
export type RulePopulation = (typeof RULE_POPULATIONS)[number];

/**
 * How a field is compared: `text` without case; `choice` with one of
 * RULE_FIELD_CHOICES (in any case: "OPEN" is `open`) or, for a lead's stage
 * and source, the id of one of the organisation's pipeline stages or lead
 * sources, exactly; `number`; `date` by calendar day (a time stamp counts on
 * its UTC day).
 */
export type RuleFieldKind = 'text' | 'choice' | 'number' | 'date';

export const CASE_RULE_FIELDS = {
  /** `open` or `closed`: a choice, so the `cases_org_status_expiry` index answers it. */
  status: 'choice',
  name: 'text',
  issueDate: 'date',
  expiryDate: 'date',
  maxSessions: 'number',
  invoiceableCents: 'number',
  ...(Object.fromEntries(CASE_PARAMETERS.map((p) => [p, 'number'])) as Record<
    (typeof CASE_PARAMETERS)[number],
    'number'
  >),
} as const satisfies Record<string, RuleFieldKind>;

export const LEAD_RULE_FIELDS = {
  /** A pipeline stage's id. */
  stage: 'choice',
  /** A lead source's id. */
  source: 'choice',
  /** The lead score of the organisation's scoring rules, 0 to 100. */
  score: 'number',
  /** The due time of the earliest open follow-up task. */
  nextFollowUp: 'date',
  createdAt: 'date',
  /** The day the lead entered its current stage. */
  stageEnteredAt: 'date',
} as const satisfies Record<string, RuleFieldKind>;

export const INTAKE_REQUEST_RULE_FIELDS = {
  status: 'choice',
  delivery: 'choice',
  sentAt: 'date',
  expiresAt: 'date',
  openedAt: 'date',
} as const satisfies Record<string, RuleFieldKind>;

/** Checklist items count as overdue when a required one is still open this many days after it was set. */
export const CHECKLIST_OVERDUE_DAYS = 14;

export const PATIENT_RULE_FIELDS = {
  enrollmentStatus: 'choice',
  /** Required checklist items not done yet. */
  openChecklistItems: 'number',
  /** Required checklist items still open CHECKLIST_OVERDUE_DAYS days after they were set. */
  overdueChecklistItems: 'number',
  createdAt: 'date',
} as const satisfies Record<string, RuleFieldKind>;

export const FACILITY_RULE_FIELDS = {
  contractStatus: 'choice',
  name: 'text',
  createdAt: 'date',
} as const satisfies Record<string, RuleFieldKind>;

export const RECORDS_REQUEST_RULE_FIELDS = {
  status: 'choice',
  direction: 'choice',
  dueDate: 'date',
  receivedDate: 'date',
} as const satisfies Record<string, RuleFieldKind>;

/** Every population's fields and how each is compared: what the rule builder offers. */
export const POPULATION_FIELDS: Record<RulePopulation, Record<string, RuleFieldKind>> = {
  cases: CASE_RULE_FIELDS,
  leads: LEAD_RULE_FIELDS,
  intake_requests: INTAKE_REQUEST_RULE_FIELDS,
  patients: PATIENT_RULE_FIELDS,
  facilities: FACILITY_RULE_FIELDS,
  records_requests: RECORDS_REQUEST_RULE_FIELDS,
};

/** The fixed values of `choice` fields (a lead's stage and source are the organisation's own ids). */
export const RULE_FIELD_CHOICES: Partial<Record<RulePopulation, Record<string, readonly string[]>>> = {
  cases: { status: CASE_STATUSES },
  intake_requests: { status: INTAKE_REQUEST_STATUSES, delivery: INTAKE_DELIVERIES },
  patients: { enrollmentStatus: ENROLLMENT_ORDER },
  facilities: { contractStatus: CONTRACT_STATUSES },
  records_requests: { status: RECORDS_STATUSES, direction: RECORDS_DIRECTIONS },
};

/** Populations a rule can narrow to chosen locations (facilities). */
export const POPULATIONS_WITH_LOCATIONS: readonly RulePopulation[] = ['cases', 'patients', 'facilities'];

/** Every field name of any population (a condition's field must also be one of its rule's population). */
export const ALL_RULE_FIELD_NAMES = [
  ...new Set(Object.values(POPULATION_FIELDS).flatMap((fields) => Object.keys(fields))),
] as [string, ...string[]];

/** The date fields of a population: what a relative rule can count days from. */
export const dateFieldsOf = (population: RulePopulation) =>
  Object.entries(POPULATION_FIELDS[population])
    .filter(([, kind]) => kind === 'date')
    .map(([name]) => name);
