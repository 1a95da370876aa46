/**
 * What is wrong with one cleaned answer, in words for a patient filling the
 * form on a phone: say what to do, not what failed.
 */

import { isCalendarDate } from '../calendar-date';
import { CONTROL_MESSAGE, hasForbiddenCharacters } from '../schemas/text';
import { isRecord } from './answer-values';
import type { AnswerValue, Field, SignatureAnswer } from './definition';

export const DEFAULT_MAX_LENGTH = { short_text: 200, long_text: 4000 } as const;
export const DEFAULT_MAX_FILE_BYTES = 10 * 1024 * 1024;
export const DEFAULT_FILE_KINDS: ('image' | 'pdf')[] = ['image', 'pdf'];
export const DRAWN_SIGNATURE_PREFIX = 'data:image/png;base64,';
/** Generous for a signature pad's PNG, and small enough to keep a response row light. */
export const MAX_DRAWN_SIGNATURE_CHARS = 200 * 1024;
export const GUARDIAN_REQUIRED_MESSAGE =
  'A parent or guardian must sign for a patient under 18: enter their name and relationship';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE_CHARACTERS = /^\+?[\d\s().-]+$/;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/** "Enter your date of birth" from the label "Date of birth"; questions get a neutral prompt. */
function enterPrompt(label: string): string {
  const name = label.trim().replace(/[\s:*]+$/, '');
  if (!name || name.endsWith('?') || name.length > 60) return 'Answer this question';
  // Keep acronyms ("ZIP code") as written.
  const lowered = /^.[A-Z]/.test(name) ? name : name[0]!.toLowerCase() + name.slice(1);
  return /^(your|the|a|an|any|their)\b/i.test(lowered) ? `Enter ${lowered}` : `Enter your ${lowered}`;
}

function fileKindsMessage(kinds: ('image' | 'pdf')[]): string {
  if (!kinds.includes('pdf')) return 'Choose a photo';
  return kinds.includes('image') ? 'Choose a photo or a PDF' : 'Choose a PDF';
}

export function requiredMessage(field: Field): string {
  switch (field.type) {
    case 'single_choice':
      return 'Choose one';
    case 'multiple_choice':
      return 'Choose at least one';
    case 'yes_no':
      return 'Choose yes or no';
    case 'consent':
      return 'Tick the box to show you agree';
    case 'signature':
      return 'Sign here: draw your signature or type your full name';
    case 'file':
      return fileKindsMessage(field.accept ?? DEFAULT_FILE_KINDS).replace('Choose', 'Add');
    default:
      return enterPrompt(field.label);
  }
}

function numberRangeMessage(field: Field): string {
  const { min, max } = field;
  if (min !== undefined && max !== undefined) return `Enter a number between ${min} and ${max}`;
  if (min !== undefined) return `Enter a number of ${min} or more`;
  return max !== undefined ? `Enter a number of ${max} or less` : 'Enter a number';
}

function sizeText(bytes: number): string {
  return bytes >= 1024 * 1024
    ? `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`
    : `${Math.ceil(bytes / 1024)} KB`;
}

function fileProblem(field: Field, value: unknown): string | undefined {
  if (!isRecord(value)) return 'Upload the file again';
  const { fileId, name, contentType, size } = value;
  const isFile =
    typeof fileId === 'string' &&
    fileId !== '' &&
    typeof name === 'string' &&
    typeof contentType === 'string' &&
    Number.isInteger(size) &&
    (size as number) >= 0;
  if (!isFile) return 'Upload the file again';
  const kinds = field.accept ?? DEFAULT_FILE_KINDS;
  const kind = contentType.startsWith('image/')
    ? 'image'
    : contentType === 'application/pdf'
      ? 'pdf'
      : undefined;
  if (!kind || !kinds.includes(kind)) return fileKindsMessage(kinds);
  const maxBytes = field.maxBytes ?? DEFAULT_MAX_FILE_BYTES;
  return (size as number) > maxBytes ? `Choose a file under ${sizeText(maxBytes)}` : undefined;
}

function signatureProblem(value: unknown): string | undefined {
  if (!isRecord(value) || (value.kind !== 'drawn' && value.kind !== 'typed')) {
    return 'Sign again: draw your signature or type your full name';
  }
  const signature = value as SignatureAnswer;
  if (typeof signature.signerName !== 'string' || signature.signerName === '') {
    return "Enter the signer's full name";
  }
  if (signature.signerName.length > 120) return 'Use 120 characters or fewer for the name';
  if (hasForbiddenCharacters(signature.signerName, false)) return CONTROL_MESSAGE;
  if (signature.kind === 'drawn') {
    const { value: url } = signature;
    if (typeof url !== 'string' || !url.startsWith(DRAWN_SIGNATURE_PREFIX))
      return 'Draw your signature again';
    if (url.length > MAX_DRAWN_SIGNATURE_CHARS)
      return 'Your drawn signature is too large: clear it and sign again';
    if (!BASE64.test(url.slice(DRAWN_SIGNATURE_PREFIX.length))) return 'Draw your signature again';
  } else if (
    typeof signature.value !== 'string' ||
    signature.value.length < 2 ||
    signature.value.length > 120
  ) {
    return 'Type your full name to sign (2 to 120 characters)';
  }
  const { guardian } = signature;
  if (guardian === undefined) return undefined;
  if (!isRecord(guardian) || !guardian.name || !guardian.relationship) {
    return "Enter the parent or guardian's name and their relationship to the patient";
  }
  if (hasForbiddenCharacters(`${guardian.name}${guardian.relationship}`, false)) return CONTROL_MESSAGE;
  return guardian.name.length > 120 || guardian.relationship.length > 60
    ? "Shorten the parent or guardian's name (120 characters) or relationship (60)"
    : undefined;
}

/** The problem with a cleaned, present answer, or undefined when it is fine. */
export function answerProblem(field: Field, value: AnswerValue, today: string): string | undefined {
  switch (field.type) {
    case 'short_text':
    case 'long_text': {
      if (typeof value !== 'string') return 'Enter text';
      if (hasForbiddenCharacters(value, field.type === 'long_text')) return CONTROL_MESSAGE;
      const maxLength = field.maxLength ?? DEFAULT_MAX_LENGTH[field.type];
      return value.length > maxLength ? `Use ${maxLength} characters or fewer` : undefined;
    }
    case 'number': {
      const inRange =
        typeof value === 'number' &&
        Number.isFinite(value) &&
        (field.min === undefined || value >= field.min) &&
        (field.max === undefined || value <= field.max);
      return inRange ? undefined : numberRangeMessage(field);
    }
    case 'date':
      if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) {
        return 'Enter the date as year-month-day, like 2015-04-23';
      }
      if (!isCalendarDate(value)) return 'This date is not valid';
      return field.prefill === 'dateOfBirth' && value > today
        ? 'A date of birth cannot be in the future'
        : undefined;
    case 'email':
      return typeof value === 'string' && value.length <= 254 && EMAIL.test(value)
        ? undefined
        : 'Enter a valid email address';
    case 'phone': {
      const digits = typeof value === 'string' ? value.replace(/\D/g, '').length : 0;
      if (typeof value !== 'string' || !PHONE_CHARACTERS.test(value) || digits < 10) {
        return 'Enter a phone number with at least 10 digits';
      }
      return digits > 15 ? 'Enter a phone number of at most 15 digits' : undefined;
    }
    case 'single_choice':
      return typeof value === 'string' && field.options?.some((o) => o.value === value)
        ? undefined
        : 'Choose one of the options';
    case 'multiple_choice':
      return Array.isArray(value) && value.every((v) => field.options?.some((o) => o.value === v))
        ? undefined
        : 'Choose from the options shown';
    case 'yes_no':
      return typeof value === 'boolean' ? undefined : 'Choose yes or no';
    case 'consent':
      return value === true ? undefined : 'Tick the box to show you agree';
    case 'file':
      return fileProblem(field, value);
    case 'signature':
      return signatureProblem(value);
  }
}
