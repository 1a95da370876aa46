/**
 * What the server-rendered intake page and its script agree on: element ids,
 * form entry names and the JSON data block. No DOM and no worker types here:
 * both sides import this file.
 */
import type { Answers, FormDefinition } from '../../../shared/intake/definition';

/** The id of a field's input (or of the first input of a group): `f-<fieldId>`. */
export const inputId = (fieldId: string) => `f-${fieldId}`;
export const errorId = (fieldId: string) => `f-${fieldId}-error`;
export const helpId = (fieldId: string) => `f-${fieldId}-help`;
/** The element that wraps one field (label, input, help, error); `data-field` carries the field id. */
export const wrapperId = (fieldId: string) => `f-${fieldId}-wrap`;

/** Signature entry names, as `formAnswersFromEntries` reads them. */
export const signaturePart = (
  fieldId: string,
  part: 'value' | 'kind' | 'signerName' | 'guardianName' | 'guardianRelationship',
) => `${fieldId}.${part}`;
/** A file field's "remove the uploaded file" checkbox. */
export const fileRemoveName = (fieldId: string) => `${fieldId}.remove`;

export const DATA_BLOCK_ID = 'intake-data';
export const ERROR_SUMMARY_ID = 'error-summary';
export const SAVE_STATUS_ID = 'save-status';
export const STEP_COUNT_ID = 'step-count';
export const FORM_ID = 'intake-form';
/** The hidden input naming the section a post answers. */
export const SECTION_ENTRY = '_section';
/** The submit buttons' name; their values are the actions. */
export const ACTION_ENTRY = 'action';
export type StepAction = 'next' | 'back' | 'submit';

/** The draft endpoint's body: the answers of one section, merged into the saved draft by the server. */
export type DraftBody = { sectionId: string; answers: Answers };
/** The draft endpoint's refusal: errors per field id. */
export type DraftErrors = { errors: Record<string, string> };

/**
 * The page's JSON data block for the script. `answers` are the saved answers
 * of the other sections (drawn signatures stripped: they are large and no
 * condition reads them), so conditions on earlier steps hold in the browser
 * as they did on the server.
 */
export type PageData = {
  definition: FormDefinition;
  sectionId: string;
  answers: Answers;
  today: string;
  subjectDateOfBirth?: string;
  draftUrl: string;
};
