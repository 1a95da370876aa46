import { renderFieldsIn, unknownFieldsIn } from './merge-text';

/**
 * Letters to referring providers: the merge fields a letter template may use
 * (with what the editor's help shows), the letter kinds and their built-in
 * text. Minimum necessary PHI: the patient's name and date of birth identify
 * them to the referrer; contact details, insurance and history never appear.
 */
export const LETTER_FIELDS = {
  'referrer.name': 'Referrer full name ("Dr Jane Smith, DMD")',
  'referrer.salutation': 'Salutation ("Dear Dr Smith")',
  'referrer.practice': "Referrer's practice name",
  'patient.name': 'Patient name',
  'patient.firstName': 'Patient first name',
  'patient.dateOfBirth': 'Patient date of birth',
  'referral.date': 'Date of the referral',
  'referral.reason': 'Reason for referral, as the referrer wrote it',
  'consultation.date': 'Consultation date',
  'consultation.outcome': 'Consultation outcome',
  'consultation.findings': 'Findings and recommendation',
  'treatment.startDate': 'Treatment start date',
  'treatment.completedDate': 'Treatment completion date',
  'coordinator.name': 'Treatment coordinator',
  'practice.name': 'Our practice name',
  'practice.signature': 'Practice signature block',
  'letter.date': "Today's date",
} as const;
export type LetterField = keyof typeof LETTER_FIELDS;
export const LETTER_FIELD_NAMES = Object.keys(LETTER_FIELDS) as LetterField[];
export const isLetterField = (name: string): name is LetterField => name in LETTER_FIELDS;

export const unknownLetterFields = (text: string) => unknownFieldsIn(text, isLetterField);

export function renderLetterFields(text: string, values: Partial<Record<LetterField, string | null>>) {
  return renderFieldsIn(text, (name) => (isLetterField(name) ? values[name] : undefined));
}

export const CONSULTATION_OUTCOMES = ['treatment_recommended', 'observation_recall', 'declined'] as const;
export type ConsultationOutcome = (typeof CONSULTATION_OUTCOMES)[number];
export const CONSULTATION_OUTCOME_LABELS: Record<ConsultationOutcome, string> = {
  treatment_recommended: 'Treatment recommended',
  observation_recall: 'Observation and recall',
  declined: 'Patient declined treatment',
};

export const LETTER_KINDS = [
  'thank_you',
  'consultation_recommended',
  'consultation_observation',
  'consultation_declined',
  'treatment_started',
  'progress_report',
  'treatment_completed',
] as const;
export type LetterKind = (typeof LETTER_KINDS)[number];

export const LETTER_KIND_LABELS: Record<LetterKind, string> = {
  thank_you: 'Thank you for the referral',
  consultation_recommended: 'Consultation: treatment recommended',
  consultation_observation: 'Consultation: observation and recall',
  consultation_declined: 'Consultation: patient declined',
  treatment_started: 'Treatment started',
  progress_report: 'Progress report',
  treatment_completed: 'Treatment completed',
};

export const OUTCOME_LETTER: Record<ConsultationOutcome, LetterKind> = {
  treatment_recommended: 'consultation_recommended',
  observation_recall: 'consultation_observation',
  declined: 'consultation_declined',
};

export type LetterText = { subject: string; body: string };

const RE = 'Re: {{patient.name}}, date of birth {{patient.dateOfBirth}}';
const CLOSE = '\n\nPlease call us with any questions.\n\n{{practice.signature}}';

export const BUILT_IN_LETTERS: Record<LetterKind, LetterText> = {
  thank_you: {
    subject: RE,
    body: `{{referrer.salutation}},\n\nThank you for referring {{patient.name}} to {{practice.name}} on {{referral.date}}. We have received your referral and will arrange a consultation; we will write to you again with our findings.\n\nWe appreciate your trust in our care.${CLOSE}`,
  },
  consultation_recommended: {
    subject: RE,
    body: `{{referrer.salutation}},\n\nWe saw {{patient.name}} for an orthodontic consultation on {{consultation.date}}.\n\nFindings and recommendation: {{consultation.findings}}\n\nWe have recommended orthodontic treatment and will let you know when it starts. Please continue routine dental care and cleanings.${CLOSE}`,
  },
  consultation_observation: {
    subject: RE,
    body: `{{referrer.salutation}},\n\nWe saw {{patient.name}} for an orthodontic consultation on {{consultation.date}}.\n\nFindings: {{consultation.findings}}\n\nTreatment is not indicated yet. We will observe the development and recall the patient for a further assessment.${CLOSE}`,
  },
  consultation_declined: {
    subject: RE,
    body: `{{referrer.salutation}},\n\nWe saw {{patient.name}} for an orthodontic consultation on {{consultation.date}}.\n\nFindings and recommendation: {{consultation.findings}}\n\nThe patient has decided not to proceed with treatment at this time. We remain available should they reconsider.${CLOSE}`,
  },
  treatment_started: {
    subject: RE,
    body: `{{referrer.salutation}},\n\n{{patient.name}} began orthodontic treatment with us on {{treatment.startDate}}. {{coordinator.name}} coordinates the treatment; we will send you progress reports along the way.\n\nThank you again for the referral. Please continue routine dental care and cleanings during treatment.${CLOSE}`,
  },
  progress_report: {
    subject: RE,
    body: `{{referrer.salutation}},\n\nA progress report on {{patient.name}}, in treatment with us since {{treatment.startDate}}: treatment is progressing as planned.\n\nPlease continue routine dental care and cleanings.${CLOSE}`,
  },
  treatment_completed: {
    subject: RE,
    body: `{{referrer.salutation}},\n\n{{patient.name}} completed orthodontic treatment with us on {{treatment.completedDate}}, and we return the patient to your care for routine dental visits. Retainers have been provided.\n\nThank you for entrusting us with this patient.${CLOSE}`,
  },
};

/** Default months between progress reports while a referred patient is in treatment. */
export const DEFAULT_PROGRESS_MONTHS = 6;
