/** "DOE, JANE A" → last "Doe", first "Jane A"; "Jane Doe" → first "Jane", last "Doe". */
export function splitFullName(full: string): { firstName: string; lastName: string } {
  const text = full.trim().replace(/\s+/g, ' ');
  if (text.includes(',')) {
    const [last, ...rest] = text.split(',');
    return { lastName: tidyName(last ?? ''), firstName: tidyName(rest.join(' ')) };
  }
  const parts = text.split(' ');
  if (parts.length === 1) return { firstName: '', lastName: tidyName(parts[0]!) };
  return { firstName: tidyName(parts.slice(0, -1).join(' ')), lastName: tidyName(parts.at(-1)!) };
}

/**
 * Rosters often shout (DOE) or whisper (doe); names that already mix cases
 * (McDonald, DeLuca) are kept as written.
 */
export function tidyName(name: string): string {
  const text = name.trim().replace(/\s+/g, ' ');
  if (text !== text.toUpperCase() && text !== text.toLowerCase()) return text;
  return text
    .toLowerCase()
    .replace(/(^|[\s'-])(\p{L})/gu, (_, sep: string, ch: string) => sep + ch.toUpperCase());
}

/** One part of a name key: case, accents, spacing and punctuation ignored. */
export function nameKeyPart(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/** What "the same name" means for duplicate checks: case, accents, spacing and punctuation ignored. */
export function nameKey(firstName: string, lastName: string): string {
  return `${nameKeyPart(lastName)}|${nameKeyPart(firstName)}`;
}
