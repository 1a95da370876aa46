// The review of a roster before import: its rows as the person decides them, and the column names shown.
import type { RosterField } from '../../../shared/roster/columns';
import type { RosterPreviewResult } from '../../../shared/schemas/patients';

export type Preview = RosterPreviewResult;
type PreviewRow = Preview['rows'][number];

/** Review rows: what the person sees, edits and decides per row. */
export type ReviewRow = PreviewRow & { include: boolean; confirmDuplicate: boolean };

export const FIELD_LABELS: Record<RosterField, string> = {
  firstName: 'First name',
  lastName: 'Last name',
  fullName: 'Name (Last, First)',
  dateOfBirth: 'Date of birth',
  roomNumber: 'Room',
  sex: 'Sex',
  mrn: 'MRN',
  emergencyContactName: 'Emergency contact',
  emergencyContactRelationship: 'Relationship',
  emergencyContactPhone: 'Contact phone',
  notes: 'Notes',
  admitDate: 'Admitted',
};
/** The columns shown for every row; the rest are carried to the import as read. */
export const COLUMNS = ['firstName', 'lastName', 'dateOfBirth', 'roomNumber'] as const;
export const CARRIED = [
  'roomNumber',
  'sex',
  'mrn',
  'emergencyContactName',
  'emergencyContactRelationship',
  'emergencyContactPhone',
  'notes',
] as const;

export const toReview = (p: Preview): ReviewRow[] =>
  p.rows.map((r) => ({ ...r, include: true, confirmDuplicate: false }));
