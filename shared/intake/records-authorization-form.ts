/**
 * The built-in intake template a practice sends from a records request: a
 * HIPAA authorization to disclose a patient's records, with every core
 * element and required statement of 45 CFR 164.508(c). Staff never build it:
 * the first "Send authorization form" creates and publishes it under
 * `AUTHORIZATION_TEMPLATE_NAME`. Field ids are fixed, because the signed
 * answers tick the request's authorization checklist by them (a practice
 * that edits a field away finds that element missing, not assumed).
 */
import type { FormDefinition } from './definition';

export const AUTHORIZATION_TEMPLATE_NAME = 'Authorization to disclose health records';

export const REVOCATION_TEXT = [
  'I may revoke this authorization at any time by writing to the practice, except to the extent that the',
  'practice has already acted on it. Revoking it does not undo a disclosure already made.',
].join(' ');

export const CONDITIONING_TEXT = [
  'The practice will not condition my treatment, payment, enrollment or eligibility for benefits on whether',
  'I sign this authorization.',
].join(' ');

export const REDISCLOSURE_TEXT = [
  'Information disclosed under this authorization may be redisclosed by the recipient and may then no',
  'longer be protected by federal privacy law.',
].join(' ');

/** The fields whose answers stand for each element of the checklist. */
export const AUTHORIZATION_FIELDS = {
  discloser: 'auth_discloser',
  description: 'auth_description',
  recipient: 'auth_recipient',
  purpose: 'auth_purpose',
  expiryKind: 'auth_expiry_kind',
  expiresOn: 'auth_expires_on',
  expiryEvent: 'auth_expiry_event',
  revocation: 'auth_revocation',
  conditioning: 'auth_conditioning',
  redisclosure: 'auth_redisclosure',
  byRepresentative: 'auth_by_representative',
  representativeAuthority: 'auth_representative_authority',
  signature: 'auth_signature',
} as const;

const F = AUTHORIZATION_FIELDS;

export function recordsAuthorizationDefinition(): FormDefinition {
  return {
    title: 'Authorization to disclose health records',
    description:
      'Please check what will be disclosed, to whom and why, choose when this authorization ends, then read the statements and sign.',
    sections: [
      {
        id: 'auth_patient',
        title: 'Patient',
        description: 'About the patient, even if you are signing for them.',
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
        ],
      },
      {
        id: 'auth_release',
        title: 'What is disclosed, to whom and why',
        fields: [
          { id: F.discloser, type: 'short_text', label: 'Who may disclose the information', required: true },
          {
            id: F.description,
            type: 'long_text',
            label: 'The information to be disclosed',
            help: 'The kinds of records and the dates they cover',
            required: true,
            maxLength: 1000,
          },
          {
            id: F.recipient,
            type: 'long_text',
            label: 'Who may receive the information',
            help: 'Name, organisation and address',
            required: true,
            maxLength: 1000,
          },
          {
            id: F.purpose,
            type: 'long_text',
            label: 'The purpose of the disclosure',
            help: '"At my request" is enough when you ask for it yourself',
            required: true,
            maxLength: 500,
          },
          {
            id: F.expiryKind,
            type: 'single_choice',
            label: 'This authorization ends',
            required: true,
            options: [
              { value: 'date', label: 'On a date' },
              { value: 'event', label: 'When something happens' },
            ],
          },
          {
            id: F.expiresOn,
            type: 'date',
            label: 'It ends on',
            required: true,
            showWhen: [{ field: F.expiryKind, op: 'equals', value: 'date' }],
          },
          {
            id: F.expiryEvent,
            type: 'short_text',
            label: 'It ends when',
            help: 'For example: when my claim is settled',
            required: true,
            showWhen: [{ field: F.expiryKind, op: 'equals', value: 'event' }],
          },
        ],
      },
      {
        id: 'auth_sign',
        title: 'Statements and signature',
        description: 'Read each statement and tick it to show you have read it.',
        fields: [
          {
            id: F.revocation,
            type: 'consent',
            label: 'I have read the statement on revoking',
            text: REVOCATION_TEXT,
            required: true,
          },
          {
            id: F.conditioning,
            type: 'consent',
            label: 'I have read the statement on conditioning',
            text: CONDITIONING_TEXT,
            required: true,
          },
          {
            id: F.redisclosure,
            type: 'consent',
            label: 'I have read the statement on redisclosure',
            text: REDISCLOSURE_TEXT,
            required: true,
          },
          {
            id: F.byRepresentative,
            type: 'yes_no',
            label:
              "Are you signing for the patient as their personal representative (not the patient's parent)?",
            help: 'A parent or guardian of a patient under 18 signs below as such instead.',
            required: true,
          },
          {
            id: F.representativeAuthority,
            type: 'long_text',
            label: 'Your authority to act for the patient',
            help: 'For example: health care power of attorney, or guardian appointed by a court',
            required: true,
            maxLength: 500,
            showWhen: [{ field: F.byRepresentative, op: 'equals', value: true }],
          },
          {
            id: F.signature,
            type: 'signature',
            label: 'Signature',
            help: 'Draw your signature, or type your full name. It is dated when you send the form.',
            required: true,
            guardianIfMinor: true,
          },
        ],
      },
    ],
  };
}
