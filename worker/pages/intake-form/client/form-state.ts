/**
 * The answers as the person sees them right now: the saved answers of every
 * step, with the current step's read from the form exactly as the server
 * reads a post (`formAnswersFromEntries`), so the engine decides the same in
 * both places.
 */
import type {
  Answers,
  AnswerValue,
  Field,
  FormDefinition,
  Section,
} from '../../../../shared/intake/definition';
import { formAnswersFromEntries } from '../../../../shared/intake/engine';
import { fileRemoveName } from '../page-contract';

function put(answers: Answers, id: string, value: AnswerValue) {
  Object.defineProperty(answers, id, { value, enumerable: true, writable: true, configurable: true });
}

/** The text entries of the form (files are not entries: the server stores them, then answers them). */
function textEntries(form: HTMLFormElement): [string, string][] {
  const entries: [string, string][] = [];
  new FormData(form).forEach((value, key) => {
    if (typeof value === 'string') entries.push([key, value]);
  });
  return entries;
}

/** A chosen file stands in for its upload until the server has checked it: kind and size from the browser. */
function chosenFile(
  form: HTMLFormElement,
  field: Field,
  saved: AnswerValue | undefined,
): AnswerValue | undefined {
  const input = form.elements.namedItem(field.id);
  const file = input instanceof HTMLInputElement ? input.files?.[0] : undefined;
  if (file) return { fileId: 'pending', name: file.name, contentType: file.type, size: file.size };
  const remove = form.elements.namedItem(fileRemoveName(field.id));
  if (remove instanceof HTMLInputElement && remove.checked) return undefined;
  return saved;
}

/** This step's answers only (what the draft endpoint takes): no files, which only a form post can carry. */
export function stepAnswers(form: HTMLFormElement, definition: FormDefinition, section: Section): Answers {
  const posted = formAnswersFromEntries(definition, textEntries(form));
  const answers: Answers = {};
  for (const field of section.fields) {
    if (field.type !== 'file' && Object.hasOwn(posted, field.id)) put(answers, field.id, posted[field.id]!);
  }
  return answers;
}

/** Every answer of the form: the saved ones, this step's replaced by what the form holds now. */
export function currentAnswers(
  form: HTMLFormElement,
  definition: FormDefinition,
  section: Section,
  saved: Answers,
): Answers {
  const answers: Answers = {};
  const ownIds = new Set(section.fields.map((f) => f.id));
  for (const [id, value] of Object.entries(saved)) if (!ownIds.has(id)) put(answers, id, value);
  const step = stepAnswers(form, definition, section);
  for (const field of section.fields) {
    const value =
      field.type === 'file'
        ? chosenFile(form, field, Object.hasOwn(saved, field.id) ? saved[field.id] : undefined)
        : Object.hasOwn(step, field.id)
          ? step[field.id]
          : undefined;
    if (value !== undefined) put(answers, field.id, value);
  }
  return answers;
}
