export type NameParts = { firstName?: string; lastName?: string };

const HONORIFIC = /^(?:dr|mr|mrs|ms|miss|mx|prof|rev)\.?$/i;
// Degrees and generational suffixes people put after their name in signatures.
const SUFFIX = /^(?:jr|sr|ii|iii|iv|md|dds|dmd|phd|rn|np|pa-c|esq)\.?$/i;
// Surname particles that belong with the last word ("Ana de la Cruz" → "de la Cruz").
const PARTICLES = new Set([
  'de',
  'del',
  'della',
  'der',
  'den',
  'di',
  'da',
  'das',
  'dos',
  'du',
  'la',
  'le',
  'van',
  'von',
  'st',
  'st.',
]);
const NAME_WORD = /^\p{L}[\p{L}\p{M}'’.-]*$/u;
const QUOTES = /^["'“”‘’]+|["'“”‘’]+$/g;

const MAX_NAME = 80;

function words(text: string): string[] {
  return text.split(' ').filter(Boolean);
}

function withoutTitles(tokens: string[]): string[] {
  let start = 0;
  let end = tokens.length;
  while (start < end && HONORIFIC.test(tokens[start] ?? '')) start++;
  while (end > start + 1 && SUFFIX.test((tokens[end - 1] ?? '').replace(/,$/, ''))) end--;
  return tokens.slice(start, end).map((t) => t.replace(/,$/, ''));
}

/**
 * A display name split into first and last, or nothing when it does not look
 * like a person's name (an address, digits, a sentence): a wrong name in the
 * form is worse than an empty one. Middle names and initials are dropped.
 */
export function splitName(raw: string): NameParts {
  let text = raw.replace(/\s+/g, ' ').trim().replace(QUOTES, '').trim();
  if (!text || text.length > 120 || /[@\d<>:/]/.test(text)) return {};
  // Nicknames and roles in parentheses: "Maria (Sofia's mom) Gonzalez".
  text = text.replace(/\s*\([^)]*\)\s*/g, ' ').trim();

  const parts = text.split(',').map((p) => p.trim());
  while (parts.length > 1 && words(parts.at(-1) ?? '').every((w) => SUFFIX.test(w))) parts.pop();
  if (parts.length > 2 || parts.some((p) => !p)) return {};

  let first: string[];
  let last: string[];
  if (parts.length === 2) {
    // "Last, First Middle": the part before the comma is the whole last name.
    last = withoutTitles(words(parts[0] ?? ''));
    first = withoutTitles(words(parts[1] ?? ''));
    if (!first.length || !last.length) return {};
    first = first.slice(0, 1);
  } else {
    const tokens = withoutTitles(words(parts[0] ?? ''));
    if (!tokens.length || tokens.length > 6) return {};
    let lastStart = tokens.length - 1;
    while (lastStart > 1 && PARTICLES.has((tokens[lastStart - 1] ?? '').toLowerCase())) lastStart--;
    first = tokens.slice(0, 1);
    last = tokens.length > 1 ? tokens.slice(lastStart) : [];
  }
  if (![...first, ...last].every((w) => NAME_WORD.test(w))) return {};

  const firstName = first.join(' ').slice(0, MAX_NAME);
  const lastName = last.join(' ').slice(0, MAX_NAME);
  return lastName ? { firstName, lastName } : { firstName };
}
