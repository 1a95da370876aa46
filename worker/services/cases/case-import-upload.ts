import type { HonoRequest } from 'hono';
import { parseCsv } from '../../../shared/roster/csv';
import { caseImportSchema } from '../../../shared/schemas/cases';
import { AppError } from '../../lib/app-error';
import { zodDetails } from '../../lib/error-handler';
import { readRosterFile } from '../patients/read-roster-file';

/**
 * The table of a case import request: a multipart upload's `file` (CSV or
 * XLSX, read as the roster import reads it, with its size and type checks),
 * or a JSON body `{ csv }` (what an integration posts).
 */
export async function readCaseImportTable(req: HonoRequest): Promise<unknown[][]> {
  if (/^multipart\/form-data/i.test(req.header('Content-Type') ?? '')) {
    const form = await req.parseBody().catch(() => {
      throw new AppError('validation_failed', 'The upload could not be read; send it as multipart/form-data');
    });
    if (!(form.file instanceof File))
      throw new AppError('validation_failed', 'Choose a CSV or XLSX file', [
        { path: 'file', issue: 'required' },
      ]);
    return (await readRosterFile(form.file)).rows;
  }
  const body = caseImportSchema.safeParse(await req.json().catch(() => null));
  if (!body.success)
    throw new AppError(
      'validation_failed',
      body.error.issues[0]?.message ?? 'The import is not valid',
      zodDetails(body.error),
    );
  return parseCsv(body.data.csv);
}
