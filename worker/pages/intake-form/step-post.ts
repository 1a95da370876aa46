/**
 * A step's form post turned into answers: the section's text entries read by
 * the engine (`formAnswersFromEntries`), with its chosen files and removals.
 * The services merge it over the saved answers by section, so a post cannot
 * touch another step's answers.
 */
import type { Answers, AnswerValue, FormDefinition, Section } from '../../../shared/intake/definition';
import { formAnswersFromEntries } from '../../../shared/intake/engine';
import { ACTION_ENTRY, fileRemoveName, SECTION_ENTRY, type StepAction } from './page-contract';

export type StepPost = {
  action: StepAction;
  sectionId: string;
  /** Text entries of the posted section, as the engine reads them. */
  answers: Answers;
  /** Chosen files of the section's file fields (empty file inputs are left out). */
  files: Map<string, File>;
  /** File fields whose "remove this file" box was ticked. */
  removed: Set<string>;
};

export function setAnswer(answers: Answers, id: string, value: AnswerValue) {
  Object.defineProperty(answers, id, { value, enumerable: true, writable: true, configurable: true });
}

export const ownAnswer = (answers: Answers, id: string): AnswerValue | undefined =>
  Object.hasOwn(answers, id) ? answers[id] : undefined;

export function readStepPost(form: FormData, definition: FormDefinition, section: Section): StepPost {
  const entries: [string, string][] = [];
  const files = new Map<string, File>();
  const fileFields = new Set(section.fields.filter((f) => f.type === 'file').map((f) => f.id));
  for (const [key, entry] of form.entries()) {
    // The workers types name every entry a string; a file input's entry is a File.
    const value = entry as unknown as string | File;
    if (typeof value === 'string') entries.push([key, value]);
    else if (fileFields.has(key) && value.size > 0 && !files.has(key)) files.set(key, value);
  }
  const posted = formAnswersFromEntries(definition, entries);
  const answers: Answers = {};
  for (const field of section.fields) {
    const value = ownAnswer(posted, field.id);
    if (value !== undefined) setAnswer(answers, field.id, value);
  }
  const action = String(form.get(ACTION_ENTRY) ?? 'next');
  return {
    action: action === 'back' || action === 'submit' ? action : 'next',
    sectionId: String(form.get(SECTION_ENTRY) ?? ''),
    answers,
    files,
    removed: new Set([...fileFields].filter((id) => form.get(fileRemoveName(id)) === 'yes')),
  };
}
