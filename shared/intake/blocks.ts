/**
 * Ready-made sections for an orthodontic or dental practice's intake form,
 * and a starter template built from them. Each block takes an id prefix so a
 * form can hold two of a kind (a second insurance, say): the section's id is
 * the prefix and every field's id starts with `<prefix>_`. Keep prefixes short
 * (about 15 characters): ids stop at 50.
 */
import type { ChoiceOption, Condition, FormDefinition, Section } from './definition';

export const INTAKE_BLOCK_KINDS = ['medical_history', 'dental_history', 'insurance', 'consent'] as const;
export type IntakeBlockKind = (typeof INTAKE_BLOCK_KINDS)[number];

const isYes = (field: string): Condition => ({ field, op: 'equals', value: true });
const choices = (pairs: [string, string][]): ChoiceOption[] =>
  pairs.map(([value, label]) => ({ value, label }));

// The spec (001, consent requirements) keeps treatment consent apart from general
// consent, asks for a separate photo/imaging consent for marketing, and for the
// financial agreement: four consents, each agreed to (or, for photos, not) on its own.
export const TREATMENT_CONSENT_TEXT = [
  'I consent to the examination, records (X-rays, photographs and scans or impressions) and orthodontic',
  'treatment recommended by this practice. I understand that treatment has benefits and risks, including',
  'tooth decay and gum disease if teeth are not kept clean, shortening of tooth roots, discomfort, and teeth',
  'moving back after treatment if retainers are not worn; that results depend on keeping appointments,',
  'cleaning well and wearing appliances as instructed; and that the estimated length of treatment may',
  'change. I have been able to ask questions and have them answered, and I may withdraw my consent at',
  'any time.',
].join(' ');

export const GENERAL_CONSENT_TEXT = [
  'I consent to the practice keeping my health information and records, using them to provide and',
  'coordinate my care, sharing them with other providers involved in my care, and contacting me by phone,',
  'text message or email about appointments and treatment. I have been offered the practice’s notice of',
  'privacy practices.',
].join(' ');

export const PHOTO_CONSENT_TEXT = [
  'I allow the practice to use photographs and images of my teeth and face taken during treatment in its',
  'marketing (its website, social media and printed material), without my name. This is optional: saying',
  'no does not affect my treatment, and I may withdraw it at any time.',
].join(' ');

export const FINANCIAL_AGREEMENT_TEXT = [
  'I authorize the practice to share the information needed to bill my insurance. I am responsible for',
  'the fees of the treatment I agree to and for any amount my insurance does not pay, on the payment terms',
  'presented to me; the estimated cost may change if the treatment changes.',
].join(' ');

function medicalHistory(p: string): Section {
  return {
    id: p,
    title: 'Medical history',
    description: 'This helps us treat you safely. Your answers are private.',
    fields: [
      {
        id: `${p}_conditions`,
        type: 'multiple_choice',
        label: 'Do you have, or have you had, any of these?',
        required: true,
        options: choices([
          ['asthma', 'Asthma'],
          ['diabetes', 'Diabetes'],
          ['heart', 'Heart condition or heart murmur'],
          ['heart_valve', 'Artificial heart valve or joint replacement'],
          ['blood_pressure', 'High blood pressure'],
          ['bleeding', 'Bleeding disorder or easy bruising'],
          ['seizures', 'Epilepsy or seizures'],
          ['hepatitis', 'Hepatitis or liver disease'],
          ['kidney', 'Kidney disease'],
          ['thyroid', 'Thyroid condition'],
          ['bone_medication', 'Osteoporosis or bone medication (such as bisphosphonates)'],
          ['cancer', 'Cancer, chemotherapy or radiation to the head or neck'],
          ['adhd', 'ADHD or a learning difference'],
          ['none', 'None of these'],
        ]),
      },
      { id: `${p}_conditions_other`, type: 'long_text', label: 'Any other condition we should know about' },
      {
        id: `${p}_takes_medications`,
        type: 'yes_no',
        label: 'Do you take any medicines, vitamins or supplements?',
        required: true,
      },
      {
        id: `${p}_medications`,
        type: 'long_text',
        label: 'List them, with the dose if you know it',
        required: true,
        showWhen: [isYes(`${p}_takes_medications`)],
      },
      {
        id: `${p}_has_allergies`,
        type: 'yes_no',
        label: 'Are you allergic to any medicine, latex, metal or food?',
        required: true,
      },
      {
        id: `${p}_allergies`,
        type: 'long_text',
        label: 'What are you allergic to, and what happens?',
        required: true,
        showWhen: [isYes(`${p}_has_allergies`)],
      },
      {
        id: `${p}_pregnant`,
        type: 'single_choice',
        label: 'Are you pregnant, or could you be?',
        options: choices([
          ['yes', 'Yes'],
          ['no', 'No'],
          ['not_sure', 'Not sure'],
          ['not_applicable', 'Does not apply'],
        ]),
      },
      {
        id: `${p}_physician`,
        type: 'short_text',
        label: 'Family doctor',
        help: 'Name and practice, if you have one',
      },
    ],
  };
}

function dentalHistory(p: string): Section {
  return {
    id: p,
    title: 'Dental history',
    fields: [
      {
        id: `${p}_last_visit`,
        type: 'date',
        label: 'Date of your last dental visit',
        help: 'An estimate is fine',
      },
      { id: `${p}_dentist`, type: 'short_text', label: 'Your dentist', help: 'Name and practice' },
      {
        id: `${p}_previous_orthodontics`,
        type: 'yes_no',
        label: 'Have you had orthodontic treatment before (braces, aligners or retainers)?',
        required: true,
      },
      {
        id: `${p}_previous_orthodontics_details`,
        type: 'long_text',
        label: 'Tell us about it: when, where and what kind',
        showWhen: [isYes(`${p}_previous_orthodontics`)],
      },
      {
        id: `${p}_concerns`,
        type: 'multiple_choice',
        label: 'What would you like to change?',
        options: choices([
          ['crowding', 'Crowded or crooked teeth'],
          ['spacing', 'Gaps between teeth'],
          ['overbite', 'Upper teeth stick out (overbite)'],
          ['underbite', 'Lower teeth in front of upper (underbite)'],
          ['crossbite', 'Crossbite'],
          ['open_bite', 'Front teeth do not meet (open bite)'],
          ['jaw', 'Jaw pain, clicking or popping'],
          ['appearance', 'The look of my smile'],
          ['referred', 'My dentist referred me'],
          ['other', 'Something else'],
        ]),
      },
      {
        id: `${p}_habits`,
        type: 'multiple_choice',
        label: 'Any of these habits?',
        options: choices([
          ['thumb_sucking', 'Thumb or finger sucking'],
          ['nail_biting', 'Nail biting'],
          ['grinding', 'Clenching or grinding teeth'],
          ['mouth_breathing', 'Breathing through the mouth'],
          ['snoring', 'Snoring'],
        ]),
      },
      {
        id: `${p}_concerns_details`,
        type: 'long_text',
        label: 'Anything else about your teeth or smile we should know',
      },
    ],
  };
}

function insurance(p: string): Section {
  const hasInsurance = isYes(`${p}_has_insurance`);
  const someoneElse: Condition = {
    field: `${p}_subscriber_relationship`,
    op: 'one_of',
    value: ['spouse', 'parent', 'other'],
  };
  return {
    id: p,
    title: 'Dental insurance',
    fields: [
      { id: `${p}_has_insurance`, type: 'yes_no', label: 'Do you have dental insurance?', required: true },
      {
        id: `${p}_carrier`,
        type: 'short_text',
        label: 'Insurance company',
        required: true,
        showWhen: [hasInsurance],
      },
      {
        id: `${p}_member_id`,
        type: 'short_text',
        label: 'Member ID',
        required: true,
        showWhen: [hasInsurance],
      },
      { id: `${p}_group_number`, type: 'short_text', label: 'Group number', showWhen: [hasInsurance] },
      {
        id: `${p}_subscriber_relationship`,
        type: 'single_choice',
        label: 'Who holds the policy (the subscriber)?',
        required: true,
        showWhen: [hasInsurance],
        options: choices([
          ['self', 'The patient'],
          ['spouse', 'Spouse or partner'],
          ['parent', 'Parent or guardian'],
          ['other', 'Someone else'],
        ]),
      },
      // The patient's own details are asked elsewhere: the subscriber's are needed only when someone else holds the policy.
      {
        id: `${p}_subscriber_name`,
        type: 'short_text',
        label: "Subscriber's full name",
        showWhen: [hasInsurance],
        requireWhen: [someoneElse],
      },
      {
        id: `${p}_subscriber_dob`,
        type: 'date',
        label: "Subscriber's date of birth",
        showWhen: [hasInsurance],
        requireWhen: [someoneElse],
      },
      {
        id: `${p}_card_front`,
        type: 'file',
        label: 'Photo of the front of the card',
        accept: ['image'],
        showWhen: [hasInsurance],
      },
      {
        id: `${p}_card_back`,
        type: 'file',
        label: 'Photo of the back of the card',
        accept: ['image'],
        showWhen: [hasInsurance],
      },
    ],
  };
}

function consent(p: string): Section {
  return {
    id: p,
    title: 'Consent',
    description: 'Each consent is separate: read each one and tick the ones you agree to.',
    fields: [
      {
        id: `${p}_treatment`,
        type: 'consent',
        label: 'I agree to the treatment consent above',
        text: TREATMENT_CONSENT_TEXT,
        required: true,
      },
      {
        id: `${p}_general`,
        type: 'consent',
        label: 'I agree to the general consent above',
        text: GENERAL_CONSENT_TEXT,
        required: true,
      },
      {
        id: `${p}_photos`,
        type: 'consent',
        label: 'I allow photos and images to be used in marketing (optional)',
        text: PHOTO_CONSENT_TEXT,
      },
      {
        id: `${p}_financial`,
        type: 'consent',
        label: 'I agree to the financial agreement above',
        text: FINANCIAL_AGREEMENT_TEXT,
        required: true,
      },
      {
        id: `${p}_signature`,
        type: 'signature',
        label: 'Signature',
        help: 'Draw your signature, or type your full name. A parent or guardian signs for a patient under 18.',
        required: true,
        guardianIfMinor: true,
      },
    ],
  };
}

export const INTAKE_BLOCKS: Record<IntakeBlockKind, { label: string; build: (idPrefix: string) => Section }> =
  {
    medical_history: { label: 'Medical history', build: medicalHistory },
    dental_history: { label: 'Dental history', build: dentalHistory },
    insurance: { label: 'Insurance', build: insurance },
    consent: { label: 'Consent and signature', build: consent },
  };

/** The template a practice starts from: who the patient is, then the four blocks. */
export function starterDefinition(): FormDefinition {
  return {
    title: 'New patient forms',
    description: 'Please fill these in before your first visit. It takes about 10 minutes.',
    sections: [
      {
        id: 'patient',
        title: 'Patient details',
        description: 'About the patient, even if you are filling this in for them.',
        fields: [
          { id: 'first_name', type: 'short_text', label: 'First name', required: true, prefill: 'firstName' },
          { id: 'last_name', type: 'short_text', label: 'Last name', required: true, prefill: 'lastName' },
          {
            id: 'date_of_birth',
            type: 'date',
            label: 'Date of birth',
            required: true,
            prefill: 'dateOfBirth',
          },
          { id: 'email', type: 'email', label: 'Email address', required: true, prefill: 'email' },
          { id: 'phone', type: 'phone', label: 'Mobile phone number', required: true, prefill: 'phone' },
          { id: 'referred_by', type: 'short_text', label: 'Who referred you to us?' },
        ],
      },
      INTAKE_BLOCKS.medical_history.build('medical'),
      INTAKE_BLOCKS.dental_history.build('dental'),
      INTAKE_BLOCKS.insurance.build('insurance'),
      INTAKE_BLOCKS.consent.build('consent'),
    ],
  };
}
