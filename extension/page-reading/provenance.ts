/**
 * Where a value read from a page came from, in the words the panel shows
 * beside a prefilled field ("from the page’s “DOB” label"). The readers note
 * sources tersely (`“DOB” in the table`, `JSON-LD Organization`); this says
 * them for the person checking the form.
 */
const PLAIN: Record<string, string> = {
  'selected text': 'the text you selected',
  'JSON-LD Person': 'the page’s details of the person',
  'microdata Person': 'the page’s details of the person',
  'JSON-LD Organization': 'the details the page gives about the business',
  'microdata Organization': 'the details the page gives about the business',
  'address in the text': 'the address written on the page',
  'site name': 'the site’s name',
  'page address': 'the page’s address',
};
const LABELLED = /^(“[^”]+”) in the (selected text|list|table|page|text)$/;
/** Sources of a mapping taught for a site start with this (see `taughtAdapter`). */
export const TAUGHT_PREFIX = 'taught:';

export function plainSource(from: string): string {
  const labelled = LABELLED.exec(from);
  if (labelled)
    return labelled[2] === 'selected text'
      ? `the ${labelled[1]} label in the text you selected`
      : `the page’s ${labelled[1]} label`;
  if (from.startsWith(TAUGHT_PREFIX))
    return `the place you pointed at on ${from.slice(TAUGHT_PREFIX.length)} when teaching the site`;
  return PLAIN[from] ?? `Sidecar’s reader for ${from}`;
}

/** "From the page’s “DOB” label", while the field still holds the value read there. */
export function provenanceHint(
  prefill: { values: Record<string, string>; from: Record<string, string> } | null | undefined,
  key: string,
  value: string,
): string | undefined {
  const from = prefill?.from[key];
  return from && prefill.values[key] === value ? `From ${plainSource(from)}` : undefined;
}
