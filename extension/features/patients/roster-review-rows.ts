// The review of a roster before import: its rows as the person decides them, and the column names shown.
import type { RosterCommit } from '../../../shared/schemas/patients';
import type { RosterPreviewWithDiff } from '../../../shared/schemas/roster-diff';

export type Preview = RosterPreviewWithDiff;
type PreviewRow = Preview['rows'][number];

/** Review rows: what the person sees, edits and decides per row. */
export type ReviewRow = PreviewRow & { include: boolean; confirmDuplicate: boolean };

/** The columns shown for every row; the rest are carried to the import as read. */
export const COLUMNS = ['firstName', 'lastName', 'dateOfBirth', 'roomNumber'] as const;
export const CARRIED = [
  'roomNumber',
  'sex',
  'mrn',
  'email',
  'phone',
  'emergencyContactName',
  'emergencyContactRelationship',
  'emergencyContactPhone',
  'payer',
  'physician',
  'notes',
] as const;

/** A reviewed row as the import (or an admission) sends it: the shown columns and the carried ones. */
export const commitRow = (r: ReviewRow): RosterCommit['rows'][number] => ({
  firstName: r.values.firstName ?? '',
  lastName: r.values.lastName ?? '',
  dateOfBirth: r.values.dateOfBirth ?? '',
  ...Object.fromEntries(CARRIED.filter((f) => r.values[f]).map((f) => [f, r.values[f]])),
  ...(r.confirmDuplicate ? { confirmDuplicate: true } : {}),
});

/** What the roster was read from, as an import records it (a page's table is read as CSV). */
export const commitSource = (p: Preview | null): RosterCommit['source'] =>
  p?.source === 'xlsx' ? 'xlsx' : p?.source === 'ocr' ? 'ocr' : 'csv';

export const toReview = (p: Preview): ReviewRow[] =>
  p.rows.map((r) => ({ ...r, include: true, confirmDuplicate: false }));

/** Rows left out in one click; each stays listed, unticked, so it can be fixed and ticked back. */
const leftOut = (rows: ReviewRow[], skip: (r: ReviewRow) => boolean) =>
  rows.map((r) => (r.include && skip(r) ? { ...r, include: false } : r));

/** Every row with an error left out of the import. */
export const skipRowsWithErrors = (rows: ReviewRow[]) => leftOut(rows, (r) => r.errors.length > 0);

/** Every possible duplicate (of a patient on file or of another row) not confirmed left out of the import. */
export const skipDuplicates = (rows: ReviewRow[]) =>
  leftOut(rows, (r) => r.warnings.length > 0 && !r.confirmDuplicate);

/** How many included rows each one-click skip would leave out: a button shows only when it would do something. */
export const skippable = (rows: ReviewRow[]) => ({
  withErrors: rows.filter((r) => r.include && r.errors.length > 0).length,
  duplicates: rows.filter((r) => r.include && r.warnings.length > 0 && !r.confirmDuplicate).length,
});
