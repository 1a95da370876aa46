import type { z } from 'zod';
import type { FieldMapping, HeaderMatcher } from '../../shared/import/header-matcher';
import { AppError } from './app-error';
import { zodDetails } from './error-handler';

/**
 * The part of an imported table under its header row, with the column
 * mapping: the person's own (the first row is then the header whatever it
 * says) or the one the headers suggest.
 */
export function underHeaderRow<F extends string>(
  table: unknown[][],
  matcher: HeaderMatcher<F>,
  mapping: FieldMapping<F> | undefined,
  noHeaderMessage: string,
) {
  const found = matcher.findHeaderRow(table);
  const headerAt = found < 0 && mapping ? 0 : found;
  if (headerAt < 0)
    throw new AppError('validation_failed', noHeaderMessage, [{ path: 'file', issue: 'no header row' }]);
  const headers = (table[headerAt] ?? []).map((c) => (c === null || c === undefined ? '' : String(c)));
  return {
    headers,
    mapping: mapping ?? matcher.detectMapping(headers),
    /** Line of the file of the first row under the header (lines counted from 1). */
    firstLine: headerAt + 2,
    body: table.slice(headerAt + 1),
  };
}

/** One row's cells as fields: blank cells and unmapped columns left out. */
export function cellsToFields<F extends string>(cells: unknown[], mapping: FieldMapping<F>) {
  const row: Partial<Record<F, unknown>> = {};
  mapping.forEach((field, c) => {
    const v = cells[c];
    if (field && v !== null && v !== undefined && String(v).trim() !== '') row[field] = v;
  });
  return row;
}

/** A `mapping` form field (JSON) checked against the import's mapping schema. */
export function parseMappingField<S extends z.ZodType>(text: string, schema: S): z.infer<S> {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new AppError('validation_failed', 'The column mapping is not valid JSON', [
      { path: 'mapping', issue: 'malformed JSON' },
    ]);
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success)
    throw new AppError('validation_failed', 'The column mapping is not valid', zodDetails(parsed.error));
  return parsed.data;
}
