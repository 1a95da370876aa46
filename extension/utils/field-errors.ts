import { MessageError } from './send-message';

export type FieldErrors = Record<string, string>;

/**
 * A failed save as messages per field path (`address.postalCode`, ...), so each
 * shows next to its input; a name clash (409) belongs to the name, and anything
 * without a field goes to `form`.
 */
export function fieldErrorsFrom(e: unknown): FieldErrors {
  if (!(e instanceof MessageError)) return { form: (e as Error).message };
  const out: FieldErrors = {};
  for (const d of e.failure.details ?? []) out[d.path] ??= d.issue;
  if (e.failure.code === 'conflict') out.name = e.failure.message;
  if (!Object.keys(out).length) out.form = e.failure.message;
  return out;
}
