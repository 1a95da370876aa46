/**
 * An intake form template's definition: what the builder saves, what a
 * published version freezes, and what the public form renders and validates.
 * Plain types with no library, because the public page's script imports the
 * engine built on them and must stay small (the API checks a definition's
 * shape with zod in shared/schemas/intake.ts).
 */

export const FIELD_TYPES = [
  'short_text',
  'long_text',
  'number',
  'date',
  'phone',
  'email',
  'single_choice',
  'multiple_choice',
  'yes_no',
  'file',
  'signature',
  'consent',
] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

export const CONDITION_OPS = ['equals', 'one_of', 'greater_than', 'less_than', 'answered'] as const;
export type ConditionOp = (typeof CONDITION_OPS)[number];

/**
 * One test of another field's answer. `equals` compares text, numbers or
 * yes/no (`true`/`false`); `one_of` takes a list; `greater_than` and
 * `less_than` compare numbers, or dates as YYYY-MM-DD; `answered` is true when
 * the field has any answer (`value: false` for "not answered").
 */
export type Condition = {
  field: string;
  op: ConditionOp;
  value?: string | number | boolean | string[];
};

/** Which recipient detail pre-fills a field, for the person to confirm. */
export const PREFILL_KEYS = ['firstName', 'lastName', 'dateOfBirth', 'email', 'phone'] as const;
export type PrefillKey = (typeof PREFILL_KEYS)[number];

export type ChoiceOption = { value: string; label: string };

export type Field = {
  /** Stable within a template across versions: answers are keyed by it. */
  id: string;
  type: FieldType;
  label: string;
  help?: string;
  required?: boolean;
  /** Shown only when every condition holds (hidden fields are not validated and their answers are dropped). */
  showWhen?: Condition[];
  /** Required only when every condition holds (in addition to `required`). */
  requireWhen?: Condition[];
  /** single_choice and multiple_choice. */
  options?: ChoiceOption[];
  /** number: bounds; short/long text: maxLength (defaults 200 and 4000). */
  min?: number;
  max?: number;
  maxLength?: number;
  prefill?: PrefillKey;
  /**
   * consent: the exact text shown; the submission records its SHA-256. A
   * consent field is answered by agreeing; a signature field follows it.
   */
  text?: string;
  /** file: accepted kinds (default images and PDF) and the size cap in bytes (default 10 MB). */
  accept?: ('image' | 'pdf')[];
  maxBytes?: number;
  /**
   * signature: when the person the form is about is under 18 on the day of
   * signing (their date of birth from the field with `prefill: 'dateOfBirth'`,
   * or the record's), a parent or guardian signs, with name and relationship.
   */
  guardianIfMinor?: boolean;
};

export type Section = {
  id: string;
  title: string;
  description?: string;
  showWhen?: Condition[];
  fields: Field[];
};

export type FormDefinition = { title: string; description?: string; sections: Section[] };

/** A drawn signature is a PNG data URL; a typed one is the name as typed. */
export type SignatureAnswer = {
  kind: 'drawn' | 'typed';
  value: string;
  signerName: string;
  guardian?: { name: string; relationship: string };
};

/** A file answer once uploaded: the stored object's key and what was checked of it. */
export type FileAnswer = { fileId: string; name: string; contentType: string; size: number };

export type AnswerValue = string | number | boolean | string[] | SignatureAnswer | FileAnswer;
/**
 * Keyed by field id. No answer is an absent key (never '' or []), and a hidden
 * field has none: `validateAnswers` returns answers in that cleaned form.
 */
export type Answers = Record<string, AnswerValue>;
