import { readSheet } from 'read-excel-file/universal';
import { parseCsv } from '../../../shared/roster/csv';
import { AppError } from '../../lib/app-error';

export const MAX_ROSTER_FILE_BYTES = 10 * 1024 * 1024;

export type RosterTable = { source: 'csv' | 'xlsx'; rows: unknown[][] };

const isZip = (b: Uint8Array) => b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;

/**
 * A roster (or lead list) file to a table of cells. XLSX is recognised by its bytes (a ZIP),
 * anything else must decode as UTF-8 text and is read as CSV; limits and
 * unreadable files answer with errors a person can act on.
 */
export async function readRosterFile(
  file: Blob,
  limit = { bytes: MAX_ROSTER_FILE_BYTES, message: 'Roster files can be at most 10 MB' },
): Promise<RosterTable> {
  if (file.size === 0)
    throw new AppError('validation_failed', 'The file is empty', [{ path: 'file', issue: 'empty file' }]);
  if (file.size > limit.bytes) throw new AppError('payload_too_large', limit.message);
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (isZip(bytes)) {
    try {
      const rows = await readSheet(bytes.buffer as ArrayBuffer);
      return { source: 'xlsx', rows: rows as unknown[][] };
    } catch {
      throw new AppError(
        'unsupported_media_type',
        'This spreadsheet could not be read. Save it as .xlsx or .csv and try again.',
      );
    }
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new AppError(
      'unsupported_media_type',
      'This file is neither a CSV text file nor an .xlsx spreadsheet',
    );
  }
  if (text.includes('\u0000'))
    throw new AppError(
      'unsupported_media_type',
      'This file is neither a CSV text file nor an .xlsx spreadsheet',
    );
  return { source: 'csv', rows: parseCsv(text) };
}
