import type { Answers, AnswerValue, FormDefinition } from '../../../shared/intake/definition';
import { validateAnswers } from '../../../shared/intake/engine';
import type { RecordValues } from './subject';

/** Never carried over: a consent is given and a signature made anew each time, and files belong to their request. */
const NOT_CARRIED = new Set(['signature', 'consent', 'file']);

function put(record: Answers, key: string, value: AnswerValue) {
  Object.defineProperty(record, key, { value, enumerable: true, writable: true, configurable: true });
}

/**
 * What the form starts with, by field id, for the person to confirm: the
 * record's values on the fields mapped to them, and earlier answers (the
 * previous submission of this form, or the draft of a renewed link). Where
 * both have a value, `prefer` decides: a new request trusts the record staff
 * keep, a renewal the person's own corrections. Only answers the pinned
 * version accepts are kept.
 */
export function prefillAnswers(
  definition: FormDefinition,
  record: RecordValues,
  earlier: Answers | null,
  today: string,
  prefer: 'record' | 'earlier',
): Answers {
  const fields = definition.sections.flatMap((s) => s.fields);
  const candidate: Answers = {};
  for (const field of fields) {
    if (NOT_CARRIED.has(field.type)) continue;
    const fromRecord = field.prefill ? record[field.prefill] : undefined;
    const previous = earlier && Object.hasOwn(earlier, field.id) ? earlier[field.id] : undefined;
    const value = prefer === 'record' ? (fromRecord ?? previous) : (previous ?? fromRecord);
    if (value !== undefined) put(candidate, field.id, value);
  }
  const checked = validateAnswers(definition, candidate, { draft: true, today });
  const out: Answers = {};
  for (const [id, value] of Object.entries(checked.answers)) {
    if (!checked.ok && Object.hasOwn(checked.errors, id)) continue;
    put(out, id, value);
  }
  return out;
}
