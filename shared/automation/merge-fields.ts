import { renderFieldsIn, unknownFieldsIn } from '../merge-text';

/**
 * The merge fields a message template may use, with what the picker shows.
 * Deliberately few about the person: a first name, never a date of birth,
 * diagnosis or full record (minimum necessary PHI in message bodies).
 */
export const MERGE_FIELDS = {
  'recipient.firstName': 'Recipient first name',
  'patient.firstName': 'Patient first name',
  'guardian.name': 'Guardian name',
  'lead.firstName': 'Lead first name',
  'case.name': 'Case name',
  'case.expiryDate': 'Case expiry date',
  'case.sessionsLeft': 'Sessions left',
  'case.sessionsDone': 'Sessions done',
  'case.maxSessions': 'Maximum sessions',
  'appointment.startsAt': 'Next appointment',
  'practice.name': 'Practice name',
  'location.name': 'Location name',
  'location.phone': 'Location phone',
  'links.intakeForm': 'Intake form link',
  'links.unsubscribe': 'Unsubscribe link',
} as const;
export type MergeField = keyof typeof MERGE_FIELDS;
export const MERGE_FIELD_NAMES = Object.keys(MERGE_FIELDS) as MergeField[];

export const isMergeField = (name: string): name is MergeField => name in MERGE_FIELDS;

/**
 * The fields a text message may carry. A text shows on a lock screen and sits
 * on a carrier's servers, so it names no case, session count or referral date
 * (what the care is about), only who, where and when (minimum necessary PHI).
 */
export const SMS_MERGE_FIELDS: ReadonlySet<string> = new Set<MergeField>([
  'recipient.firstName',
  'patient.firstName',
  'guardian.name',
  'lead.firstName',
  'appointment.startsAt',
  'practice.name',
  'location.name',
  'location.phone',
  'links.intakeForm',
  'links.unsubscribe',
]);

/** The fields `text` uses that a text message may not carry, each once, in order. */
export function fieldsNotForSms(text: string): string[] {
  return unknownFieldsIn(text, (name) => SMS_MERGE_FIELDS.has(name));
}

/** The `{{ field }}` names `text` uses that are not merge fields, each once, in order. */
export function unknownMergeFields(text: string): string[] {
  return unknownFieldsIn(text, isMergeField);
}

/**
 * `text` with every `{{ field }}` replaced by its value; a field without a
 * value for this record becomes empty (a message never shows braces).
 */
export function renderMergeFields(text: string, values: Partial<Record<MergeField, string | number | null>>) {
  return renderFieldsIn(text, (name) => (isMergeField(name) ? values[name] : undefined));
}
