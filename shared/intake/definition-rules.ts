/**
 * The rules of a form definition that a shape check cannot express: ids,
 * references between fields, options, prefill keys and size. The API runs
 * them through zod (shared/schemas/intake.ts) so a bad definition answers
 * 400 with these paths; the engine does not need them to stay safe.
 */
import { isCalendarDate } from '../calendar-date';
import type { Condition, FieldType, FormDefinition, PrefillKey } from './definition';

export type DefinitionIssue = { path: string; issue: string };

export const INTAKE_ID_PATTERN = /^[a-z][a-z0-9_]{0,49}$/;
export const MAX_SECTIONS = 30;
export const MAX_FIELDS = 200;
export const MAX_OPTIONS = 50;

/** The field type each prefill key fills; the minor rule reads the date of birth as a date. */
const PREFILL_FIELD_TYPES: Record<PrefillKey, FieldType> = {
  firstName: 'short_text',
  lastName: 'short_text',
  dateOfBirth: 'date',
  email: 'email',
  phone: 'phone',
};

function conditionValueIssue(condition: Condition): string | undefined {
  const { op, value } = condition;
  if (op === 'one_of') {
    return Array.isArray(value) && value.length > 0 ? undefined : 'one_of needs a list of values';
  }
  if (op === 'answered') {
    return value === undefined || typeof value === 'boolean' ? undefined : 'answered takes true or false';
  }
  if (op === 'equals') {
    return value === undefined || Array.isArray(value) ? 'equals needs one value' : undefined;
  }
  const comparable = typeof value === 'number' || isCalendarDate(value);
  return comparable ? undefined : `${op} needs a number or a date as YYYY-MM-DD`;
}

export function validateDefinition(definition: FormDefinition): DefinitionIssue[] {
  const issues: DefinitionIssue[] = [];
  const add = (path: string, issue: string) => issues.push({ path, issue });
  const sections = definition.sections ?? [];
  const allFields = sections.flatMap((section) => section.fields ?? []);
  const allFieldIds = new Set(allFields.map((field) => field.id));
  if (sections.length > MAX_SECTIONS) add('sections', `at most ${MAX_SECTIONS} sections`);
  if (allFields.length > MAX_FIELDS) add('sections', `at most ${MAX_FIELDS} fields in all`);

  const sectionIds = new Set<string>();
  /** Fields placed before the one being checked: the only answers a condition may read. */
  const earlier = new Set<string>();
  const prefilled = new Set<PrefillKey>();

  const checkId = (id: string, path: string, seen: Set<string>) => {
    if (!INTAKE_ID_PATTERN.test(id)) {
      add(path, 'use a lowercase letter, then letters, digits or _ (at most 50)');
    } else if (seen.has(id)) add(path, `"${id}" is used twice`);
    seen.add(id);
  };
  const checkConditions = (conditions: Condition[] | undefined, path: string, self?: string) => {
    (conditions ?? []).forEach((condition, k) => {
      const at = `${path}.${k}`;
      if (condition.field === self) add(`${at}.field`, 'a field cannot depend on its own answer');
      else if (!allFieldIds.has(condition.field))
        add(`${at}.field`, `no field "${condition.field}" in this form`);
      else if (!earlier.has(condition.field)) {
        add(
          `${at}.field`,
          `"${condition.field}" comes later in the form: conditions read earlier answers only`,
        );
      }
      const valueIssue = conditionValueIssue(condition);
      if (valueIssue) add(`${at}.value`, valueIssue);
    });
  };

  const fieldIds = new Set<string>();
  sections.forEach((section, s) => {
    checkId(section.id, `sections.${s}.id`, sectionIds);
    checkConditions(section.showWhen, `sections.${s}.showWhen`);
    (section.fields ?? []).forEach((field, f) => {
      const at = `sections.${s}.fields.${f}`;
      checkId(field.id, `${at}.id`, fieldIds);
      checkConditions(field.showWhen, `${at}.showWhen`, field.id);
      checkConditions(field.requireWhen, `${at}.requireWhen`, field.id);
      if (field.type === 'single_choice' || field.type === 'multiple_choice') {
        const options = field.options ?? [];
        if (options.length < 1 || options.length > MAX_OPTIONS)
          add(`${at}.options`, `give 1 to ${MAX_OPTIONS} options`);
        // Answers match options regardless of case, so "A" and "a" would be one option.
        const values = new Set<string>();
        options.forEach((option, o) => {
          const value = option.value.toLowerCase();
          if (values.has(value)) add(`${at}.options.${o}.value`, `"${option.value}" is used twice`);
          values.add(value);
        });
      }
      if (field.type === 'consent' && !field.text?.trim())
        add(`${at}.text`, 'give the text the person agrees to');
      if (field.prefill) {
        if (prefilled.has(field.prefill)) add(`${at}.prefill`, `only one field can prefill ${field.prefill}`);
        else if (PREFILL_FIELD_TYPES[field.prefill] !== field.type) {
          add(`${at}.prefill`, `${field.prefill} fills a ${PREFILL_FIELD_TYPES[field.prefill]} field`);
        }
        prefilled.add(field.prefill);
      }
      if (field.min !== undefined && field.max !== undefined && field.min > field.max) {
        add(`${at}.max`, 'max is less than min');
      }
      earlier.add(field.id);
    });
  });
  return issues;
}
