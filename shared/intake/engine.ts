/**
 * The one validator of an intake form, compiled from its definition, used by
 * the worker on every save and submit and by the public page's script for
 * live logic (spec 001, 8.2: conditional logic for smart forms). No library:
 * the public page ships this file.
 *
 * How answers are represented (the worker and the page rely on this):
 * - no answer is an absent key: empty strings, empty lists, an unticked
 *   consent and an empty signature are dropped when cleaning;
 * - a hidden field has no answer: its answer is dropped, so conditions on it
 *   read "not answered" and chains of conditions hide together;
 * - visibility is decided in form order, each condition reading only the
 *   answers of fields shown before it. `validateDefinition` refuses conditions
 *   on later fields (and so cycles); on a definition that has them anyway, the
 *   later field reads "not answered" and nothing loops.
 */

import { isCalendarDate } from '../calendar-date';
import { responsiblePartyIssue } from '../guardian';
import { answerProblem, GUARDIAN_REQUIRED_MESSAGE, requiredMessage } from './answer-checks';
import { cleanAnswer, isAnswered, isRecord, parseNumber, parseYesNo } from './answer-values';
import type { Answers, AnswerValue, Condition, Field, FormDefinition, Section } from './definition';
import { isMinorOn } from './minor-age';

export { isCalendarDate } from '../calendar-date';
export { type DefinitionIssue, validateDefinition } from './definition-rules';
export { formAnswersFromEntries } from './form-entries';
export { isMinorOn } from './minor-age';

export type ValidateOptions = {
  /** A draft: answers are checked for type and limits, nothing is required yet. */
  draft?: boolean;
  /** Only this section (one step of the server-handled steps). */
  sectionId?: string;
  /** The day of signing, YYYY-MM-DD, for the minor rule. */
  today: string;
  /** The person's date of birth from their record, when no field in the form asks for it. */
  subjectDateOfBirth?: string;
};

export type ValidationResult =
  | { ok: true; answers: Answers }
  | { ok: false; answers: Answers; errors: Record<string, string> };

/** Reads an own key only, so a field id such as `constructor` never reaches the prototype. */
function answerOf(answers: Answers, id: string): AnswerValue | undefined {
  return isRecord(answers) && Object.hasOwn(answers, id) ? answers[id] : undefined;
}

/** Writes an own key even for `__proto__`, which plain assignment would treat as the prototype. */
function put<T>(record: Record<string, T>, key: string, value: T): void {
  Object.defineProperty(record, key, { value, enumerable: true, writable: true, configurable: true });
}

/** Text matches trimmed and case-insensitive, numbers by value, yes/no against yes/no words. */
function sameValue(answer: unknown, expected: unknown): boolean {
  if (typeof answer === 'boolean' || typeof expected === 'boolean') {
    const [a, e] = [parseYesNo(answer), parseYesNo(expected)];
    return a !== undefined && a === e;
  }
  if (typeof answer === 'number' || typeof expected === 'number') {
    const a = parseNumber(answer);
    return a !== undefined && a === parseNumber(expected);
  }
  return (
    typeof answer === 'string' &&
    typeof expected === 'string' &&
    answer.trim().toLowerCase() === expected.trim().toLowerCase()
  );
}

/** The sign of answer minus expected for two numbers or two dates, else undefined. */
function compare(answer: unknown, expected: unknown): number | undefined {
  if (typeof answer === 'boolean' || typeof expected === 'boolean') return undefined;
  const [a, e] = [parseNumber(answer), parseNumber(expected)];
  if (a !== undefined && e !== undefined) return Math.sign(a - e);
  if (isCalendarDate(answer) && isCalendarDate(expected))
    return answer < expected ? -1 : answer > expected ? 1 : 0;
  return undefined;
}

/**
 * Whether one condition holds on these answers. Pass answers with hidden
 * fields' answers dropped (`visibleAnswers`) for chains of conditions to hold.
 * A list answer (multiple choice) equals a value it includes, and is one of a
 * list when any of its values is.
 */
export function conditionHolds(condition: Condition, answers: Answers): boolean {
  const answer = answerOf(answers, condition.field);
  const expected = condition.value;
  if (condition.op === 'answered') return isAnswered(answer) === (expected !== false);
  if (!isAnswered(answer)) return false;
  const given = Array.isArray(answer) ? answer : [answer];
  switch (condition.op) {
    case 'equals':
      return !Array.isArray(expected) && given.some((a) => sameValue(a, expected));
    case 'one_of': {
      const list: unknown[] = Array.isArray(expected) ? expected : [expected];
      return given.some((a) => list.some((e) => sameValue(a, e)));
    }
    case 'greater_than':
      return compare(answer, expected) === 1;
    case 'less_than':
      return compare(answer, expected) === -1;
    default:
      return false;
  }
}

const allHold = (conditions: Condition[] | undefined, answers: Answers) =>
  (conditions ?? []).every((c) => conditionHolds(c, answers));

export function sectionShown(section: Section, answers: Answers): boolean {
  return allHold(section.showWhen, answers);
}

/**
 * The field's own conditions; its section's are `sectionShown`'s, and
 * `visibleFields` and `validateAnswers` apply both.
 */
export function fieldShown(field: Field, answers: Answers): boolean {
  return allHold(field.showWhen, answers);
}

export function fieldRequired(field: Field, answers: Answers): boolean {
  const requiredNow =
    field.required === true || (!!field.requireWhen?.length && allHold(field.requireWhen, answers));
  return requiredNow && fieldShown(field, answers);
}

type ShownField = { field: Field; section: Section; required: boolean };
type FormState = { sections: Section[]; fields: ShownField[]; answers: Answers };

/** One pass in form order: what is shown, what is required, and the cleaned answers of shown fields. */
function evaluate(definition: FormDefinition, answers: Answers): FormState {
  const state: FormState = { sections: [], fields: [], answers: {} };
  for (const section of definition.sections ?? []) {
    if (!sectionShown(section, state.answers)) continue;
    state.sections.push(section);
    for (const field of section.fields ?? []) {
      if (!fieldShown(field, state.answers)) continue;
      state.fields.push({ field, section, required: fieldRequired(field, state.answers) });
      const value = cleanAnswer(field, answerOf(answers, field.id));
      if (value !== undefined) put(state.answers, field.id, value);
    }
  }
  return state;
}

export function visibleFields(definition: FormDefinition, answers: Answers): Field[] {
  return evaluate(definition, answers).fields.map((shown) => shown.field);
}

/** Sections whose conditions hold, in order: the steps of the form (a step may show no field). */
export function visibleSections(definition: FormDefinition, answers: Answers): Section[] {
  return evaluate(definition, answers).sections;
}

/** The cleaned answers of shown fields: what conditions and `fieldRequired` should read. */
export function visibleAnswers(definition: FormDefinition, answers: Answers): Answers {
  return evaluate(definition, answers).answers;
}

/** The date of birth the minor rule reads: the form's answer, else the record's. */
function subjectDateOfBirth(state: FormState, options: ValidateOptions): string | undefined {
  const asked = state.fields.find((shown) => shown.field.prefill === 'dateOfBirth');
  const answered = asked && answerOf(state.answers, asked.field.id);
  if (isCalendarDate(answered)) return answered;
  return isCalendarDate(options.subjectDateOfBirth) ? options.subjectDateOfBirth : undefined;
}

/** The person's name as the form answers it (empty when the form does not ask). */
function subjectName(state: FormState) {
  const answered = (key: 'firstName' | 'lastName') => {
    const shown = state.fields.find((f) => f.field.prefill === key);
    const value = shown && answerOf(state.answers, shown.field.id);
    return typeof value === 'string' ? value : '';
  };
  return { firstName: answered('firstName'), lastName: answered('lastName') };
}

/** For a minor, a guardian signs, and the guardian is someone other than the minor. */
function guardianProblem(
  field: Field,
  value: AnswerValue,
  dateOfBirth: string | undefined,
  state: FormState,
  today: string,
) {
  if (field.type !== 'signature' || !field.guardianIfMinor || !dateOfBirth) return undefined;
  if (!isMinorOn(dateOfBirth, today)) return undefined;
  const guardian = isRecord(value) && 'guardian' in value ? value.guardian : undefined;
  if (!isRecord(guardian) || typeof guardian.name !== 'string' || typeof guardian.relationship !== 'string')
    return GUARDIAN_REQUIRED_MESSAGE;
  return responsiblePartyIssue(subjectName(state), {
    name: guardian.name,
    relationship: guardian.relationship,
  })?.message;
}

/**
 * Cleans answers and names what is wrong with them, per field id. The cleaned
 * answers cover every shown field of the whole form, also with `sectionId`
 * (only that section's fields are checked; a hidden or unknown section checks
 * nothing, so step through `visibleSections`); an answer that cannot be
 * cleaned is kept as sent, beside its error, so the page can show it again.
 */
export function validateAnswers(
  definition: FormDefinition,
  answers: Answers,
  options: ValidateOptions,
): ValidationResult {
  const state = evaluate(definition, answers);
  const dateOfBirth = subjectDateOfBirth(state, options);
  const errors: Record<string, string> = {};
  for (const { field, section, required } of state.fields) {
    if (options.sectionId !== undefined && section.id !== options.sectionId) continue;
    const value = answerOf(state.answers, field.id);
    let problem: string | undefined;
    if (value === undefined) {
      problem = required && !options.draft ? requiredMessage(field) : undefined;
    } else {
      problem = answerProblem(field, value, options.today);
      if (!problem && !options.draft)
        problem = guardianProblem(field, value, dateOfBirth, state, options.today);
    }
    if (problem) put(errors, field.id, problem);
  }
  return Object.keys(errors).length > 0
    ? { ok: false, answers: state.answers, errors }
    : { ok: true, answers: state.answers };
}
