import type { HonoRequest } from 'hono';
import { z } from 'zod';
import { DOCUMENT_KINDS } from '../../../shared/schemas/facilities';
import { AppError } from '../../lib/app-error';

/** An upload's file and kind (`fallback` when none is named), from multipart/form-data. */
export async function readKindedUpload<K extends string>(
  req: HonoRequest,
  kinds: readonly [K, ...K[]],
  fallback?: K,
) {
  const form = await req.parseBody().catch(() => {
    throw new AppError('validation_failed', 'The upload could not be read; send it as multipart/form-data');
  });
  const file = form.file;
  if (!(file instanceof File))
    throw new AppError('validation_failed', 'Choose a file to upload', [{ path: 'file', issue: 'required' }]);
  const kind = z.enum(kinds).safeParse(form.kind ?? fallback);
  if (!kind.success) {
    throw new AppError('validation_failed', `Document type must be one of ${kinds.join(', ')}`, [
      { path: 'kind', issue: 'invalid' },
    ]);
  }
  return { file, kind: kind.data as K };
}

/** A facility document upload's file and kind (a facility agreement unless named). */
export const readDocumentUpload = (req: HonoRequest) =>
  readKindedUpload(req, DOCUMENT_KINDS, 'facility_agreement');
