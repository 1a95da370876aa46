/**
 * Recognising the columns of an imported table (a roster, a lead list) by
 * their titles: each kind of import names its fields and the header spellings
 * seen for each, and gets the same matching, mapping and header-row search.
 */

/** "Resident #" is the resident's number, not the resident: the sign is spelled out before punctuation goes. */
export const squashHeader = (header: string) =>
  header
    .toLowerCase()
    .replace(/#/g, 'number')
    .replace(/[^a-z0-9]/g, '');

/** Column index → field, each field at most once (the first column that names it wins). */
export type FieldMapping<F extends string> = (F | null)[];

export type HeaderMatcher<F extends string> = {
  fields: readonly F[];
  fieldForHeader: (header: string) => F | null;
  detectMapping: (headers: string[]) => FieldMapping<F>;
  /** The first of the first ten rows naming at least two fields, so a title line above it is skipped; -1 if none. */
  findHeaderRow: (rows: unknown[][]) => number;
};

/** Each field kept at its first column only; later columns naming it again are left unmapped. */
export function firstOfEach<F extends string>(fields: (F | null)[]): FieldMapping<F> {
  const used = new Set<F>();
  return fields.map((field) => {
    if (!field || used.has(field)) return null;
    used.add(field);
    return field;
  });
}

export function headerMatcher<F extends string>(
  fields: readonly F[],
  aliases: Record<F, readonly string[]>,
): HeaderMatcher<F> {
  const fieldForHeader = (header: string): F | null => {
    const key = squashHeader(header);
    if (!key) return null;
    for (const field of fields) if (aliases[field].includes(key)) return field;
    return null;
  };
  return {
    fields,
    fieldForHeader,
    detectMapping: (headers) => firstOfEach(headers.map(fieldForHeader)),
    findHeaderRow(rows) {
      for (let i = 0; i < Math.min(rows.length, 10); i++) {
        const named = rows[i]!.filter((cell) => typeof cell === 'string' && fieldForHeader(cell)).length;
        if (named >= 2) return i;
      }
      return -1;
    },
  };
}
