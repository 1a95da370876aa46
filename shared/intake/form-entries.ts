/**
 * Answers from an HTML form post, for the page that works without
 * JavaScript. Files are not entries: the worker adds FileAnswer objects after
 * storing the uploads.
 */
import type { Answers, AnswerValue, FormDefinition } from './definition';

/**
 * Post shapes: a text or choice field is one `<fieldId>` entry, and the last
 * one wins, so a page can put `<input type=hidden name=x value=no>` before a
 * checkbox `x` (checked posts both, `yes` or `on` last). Multiple choice is
 * every `<fieldId>` entry. A typed signature is `<fieldId>.signerName`,
 * `.value`, `.kind` (typed unless sent), `.guardianName` and
 * `.guardianRelationship`. Empty values are no answer; unknown keys are ignored.
 */
export function formAnswersFromEntries(definition: FormDefinition, entries: [string, string][]): Answers {
  const posted = new Map<string, string[]>();
  for (const [key, value] of entries) {
    if (typeof value !== 'string' || value.trim() === '') continue;
    posted.set(key, [...(posted.get(key) ?? []), value]);
  }
  const last = (key: string) => posted.get(key)?.at(-1) ?? '';

  const answers: Answers = {};
  for (const field of (definition.sections ?? []).flatMap((section) => section.fields ?? [])) {
    let value: AnswerValue | undefined;
    if (field.type === 'file') continue;
    if (field.type === 'multiple_choice') {
      value = posted.get(field.id);
    } else if (field.type === 'signature') {
      const part = (name: string) => last(`${field.id}.${name}`);
      const [name, relationship] = [part('guardianName'), part('guardianRelationship')];
      if (part('value') || part('signerName') || name || relationship) {
        value = {
          kind: part('kind') === 'drawn' ? 'drawn' : 'typed',
          value: part('value'),
          signerName: part('signerName'),
          ...(name || relationship ? { guardian: { name, relationship } } : {}),
        };
      }
    } else {
      value = posted.get(field.id)?.at(-1);
    }
    if (value !== undefined)
      Object.defineProperty(answers, field.id, {
        value,
        enumerable: true,
        writable: true,
        configurable: true,
      });
  }
  return answers;
}
