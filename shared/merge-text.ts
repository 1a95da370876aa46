/**
 * `{{ field }}` merge fields in text a person wrote (message templates,
 * referral letters): which names a text uses that a set does not know, and
 * the text with each field replaced. Each feature keeps its own field set.
 */
const TOKEN = /\{\{\s*([^{}]*?)\s*\}\}/g;

/** The `{{ field }}` names `text` uses that `isKnown` refuses, each once, in order. */
export function unknownFieldsIn(text: string, isKnown: (name: string) => boolean): string[] {
  const out = new Set<string>();
  for (const m of text.matchAll(TOKEN)) if (!isKnown(m[1] ?? '')) out.add(m[1] ?? '');
  return [...out];
}

/**
 * `text` with every `{{ field }}` replaced by its value; a field without a
 * value for this record becomes empty (a reader never sees braces).
 */
export function renderFieldsIn(
  text: string,
  valueFor: (name: string) => string | number | null | undefined,
): string {
  return text.replace(TOKEN, (_, name: string) => {
    const value = valueFor(name);
    return value === undefined || value === null ? '' : String(value);
  });
}
