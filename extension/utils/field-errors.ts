import { dateFieldMessage } from '../../shared/locale-dates';
import { MessageError } from './send-message';

export type FieldErrors = Record<string, string>;

/**
 * A failed save as messages per field path (`address.postalCode`, ...), so each
 * shows next to its input; a name clash (409) belongs to the name, and anything
 * without a field goes to `form`.
 */
/**
 * The API describes dates as it stores them (YYYY-MM-DD); a date field shows
 * them in the reader's locale (mm/dd/yyyy in the US), so its message does too.
 */
const inReadersTerms = (issue: string) => (/YYYY-MM-DD/.test(issue) ? dateFieldMessage() : issue);

export function fieldErrorsFrom(e: unknown): FieldErrors {
  if (!(e instanceof MessageError)) return { form: (e as Error).message };
  const out: FieldErrors = {};
  for (const d of e.failure.details ?? []) out[d.path] ??= inReadersTerms(d.issue);
  if (e.failure.code === 'conflict') out.name = e.failure.message;
  if (!Object.keys(out).length) out.form = e.failure.message;
  return out;
}
