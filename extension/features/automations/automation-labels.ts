import type { RuleDefinition, RuleOperator } from '../../../shared/schemas/automation-rules';
import type { UnsubscribeCategory } from '../../../shared/schemas/message-templates';

/**
 * What the Automations area calls things. Keyed by the shared constants, so a
 * category, type or operator the schema adds shows under its own name until a
 * label is written here (`labelOf`).
 */
export const CATEGORY_LABELS: Record<UnsubscribeCategory, string> = {
  appointment_reminders: 'Appointment reminders',
  case_updates: 'Case updates',
  nurture: 'Nurture',
  announcements: 'Announcements',
};

export const RULE_TYPE_LABELS: Record<RuleDefinition['type'], string> = {
  once: 'Once, when a subject first matches',
  recurring: 'Again every few days while it matches',
  relative: 'At a time before or after a date',
};

export const RULE_STATUS_LABELS = { draft: 'Draft', running: 'Running', paused: 'Paused' } as const;

export const POPULATION_LABELS: Record<string, string> = {
  cases: 'Patients with appointments, and their cases',
};

/** Field names of every population's conditions (case fields and the spec's case parameters so far). */
export const FIELD_LABELS: Record<string, string> = {
  status: 'Case status',
  name: 'Case name',
  issueDate: 'Issue date',
  expiryDate: 'Expiry date',
  maxSessions: 'Maximum sessions',
  invoiceableCents: 'Invoiceable amount',
  sessionsDone: 'Sessions done',
  sessionsLeft: 'Sessions left to go',
  sessionsBooked: 'Sessions booked',
  percentBooked: '% of maximum sessions booked',
  percentDone: '% of sessions done',
  totalInvoicedCents: 'Total invoiced',
  invoiceableLeftCents: 'Invoiceable amount left',
  percentInvoiced: '% of invoiceable amount invoiced',
};

export const OPERATOR_LABELS: Record<RuleOperator, string> = {
  eq: 'is',
  ne: 'is not',
  gt: 'is more than',
  gte: 'is at least',
  lt: 'is less than',
  lte: 'is at most',
  contains: 'contains',
  within_next_days: 'is within the next … days',
  within_past_days: 'was within the last … days',
  is_empty: 'is empty',
  is_not_empty: 'is not empty',
};

/** Dates read better as before/after than as less/more. */
export const DATE_OPERATOR_LABELS: Partial<Record<RuleOperator, string>> = {
  gt: 'is after',
  lt: 'is before',
  eq: 'is on',
};

export const ACTION_KIND_LABELS: Record<string, string> = {
  email: 'Send an email',
  sms: 'Send a text message',
  task: 'Create a task',
  webhook: 'Call a signed webhook',
};

export const RECIPIENT_LABELS: Record<string, string> = {
  staff: 'a staff member',
  patient: 'the patient',
  guardian: 'the guardian',
  lead: 'the lead',
  referrer: 'the referrer',
};

/** A label from a table, or the name itself made readable (`within_next_days` → "within next days"). */
export function labelOf(table: Record<string, string>, name: string) {
  return (
    table[name] ??
    name
      .replace(/_/g, ' ')
      .replace(/([a-z])([A-Z])/g, '$1 $2')
      .toLowerCase()
  );
}
