/**
 * Turning what arrives (a JSON body, an HTML form post, the page's script)
 * into the one stored shape per field type. Cleaning never rejects: a value it
 * cannot make sense of is kept as sent, so the page can show it again beside
 * its error, and cleaning a cleaned value changes nothing.
 */
import type { AnswerValue, Field, FileAnswer, SignatureAnswer } from './definition';

/** A plain number as people type it: digits, an optional sign and decimals. */
const NUMBER_TEXT = /^[-+]?(\d+\.?\d*|\.\d+)$/;

export function parseNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'string' && NUMBER_TEXT.test(value.trim())) return Number(value.trim());
  return undefined;
}

const YES = ['yes', 'true', 'on'];
const NO = ['no', 'false'];

export function parseYesNo(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (typeof value !== 'string') return undefined;
  const text = value.trim().toLowerCase();
  return YES.includes(text) ? true : NO.includes(text) ? false : undefined;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Whether a cleaned value counts as an answer; `false` is one (a yes/no answered "no"). */
export function isAnswered(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value === 'string') return value.trim() !== '';
  if (Array.isArray(value)) return value.length > 0;
  return true;
}

const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');

function cleanChoice(field: Field, value: string): string {
  const wanted = value.trim().toLowerCase();
  return field.options?.find((o) => o.value.toLowerCase() === wanted)?.value ?? value.trim();
}

function cleanSignature(value: Record<string, unknown>): SignatureAnswer | undefined {
  // The kind is kept as sent: the check names a wrong one rather than guessing.
  const signature = { kind: value.kind, value: text(value.value), signerName: text(value.signerName) };
  const guardian = isRecord(value.guardian) ? value.guardian : {};
  const [name, relationship] = [text(guardian.name), text(guardian.relationship)];
  if (!signature.value && !signature.signerName && !name && !relationship) return undefined;
  const cleaned = signature as SignatureAnswer;
  return name || relationship ? { ...cleaned, guardian: { name, relationship } } : cleaned;
}

/** Only the four keys of an uploaded file are kept; anything else the client sent is dropped. */
function cleanFile(value: Record<string, unknown>): FileAnswer | Record<string, unknown> {
  const { fileId, name, contentType, size } = value;
  const isFile =
    typeof fileId === 'string' &&
    typeof name === 'string' &&
    typeof contentType === 'string' &&
    typeof size === 'number';
  return isFile ? { fileId, name, contentType, size } : value;
}

/**
 * The stored form of one field's answer, or undefined for no answer (an empty
 * string or list, an unticked consent, an empty signature).
 */
export function cleanAnswer(field: Field, raw: unknown): AnswerValue | undefined {
  if (raw === undefined || raw === null) return undefined;
  if (typeof raw === 'string' && raw.trim() === '') return undefined;
  switch (field.type) {
    case 'short_text':
    case 'long_text':
    case 'phone':
    case 'date':
      if (typeof raw === 'number') return String(raw);
      // Browsers post a textarea's line breaks as CRLF; count and store them as one character.
      return typeof raw === 'string'
        ? raw.trim().normalize('NFC').replace(/\r\n?/g, '\n')
        : (raw as AnswerValue);
    case 'email':
      return typeof raw === 'string' ? raw.trim().toLowerCase() : (raw as AnswerValue);
    case 'number':
      return parseNumber(raw) ?? (raw as AnswerValue);
    case 'yes_no':
      return parseYesNo(raw) ?? (raw as AnswerValue);
    case 'consent':
      // Agreeing is the only answer: an unticked box is no answer.
      return parseYesNo(raw) === false ? undefined : (parseYesNo(raw) ?? (raw as AnswerValue));
    case 'single_choice':
      return typeof raw === 'string' ? cleanChoice(field, raw) : (raw as AnswerValue);
    case 'multiple_choice': {
      const list = typeof raw === 'string' ? [raw] : raw;
      if (!Array.isArray(list) || !list.every((v) => typeof v === 'string')) return raw as AnswerValue;
      const chosen = [...new Set(list.filter((v) => v.trim() !== '').map((v) => cleanChoice(field, v)))];
      return chosen.length > 0 ? chosen : undefined;
    }
    case 'signature':
      return isRecord(raw) ? cleanSignature(raw) : (raw as AnswerValue);
    case 'file':
      return (isRecord(raw) ? cleanFile(raw) : raw) as AnswerValue;
  }
}
