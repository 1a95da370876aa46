import type { HonoRequest } from 'hono';
import { z } from 'zod';
import { DOCUMENT_KINDS } from '../../../shared/schemas/facilities';
import { AppError } from '../../lib/app-error';

const kindSchema = z.enum(DOCUMENT_KINDS);

/** A document upload's file and kind (a facility agreement unless named), from multipart/form-data. */
export async function readDocumentUpload(req: HonoRequest) {
  const form = await req.parseBody().catch(() => {
    throw new AppError('validation_failed', 'The upload could not be read; send it as multipart/form-data');
  });
  const file = form.file;
  if (!(file instanceof File))
    throw new AppError('validation_failed', 'Choose a file to upload', [{ path: 'file', issue: 'required' }]);
  const kind = kindSchema.safeParse(form.kind ?? 'facility_agreement');
  if (!kind.success) {
    throw new AppError('validation_failed', `Document type must be one of ${DOCUMENT_KINDS.join(', ')}`, [
      { path: 'kind', issue: 'invalid' },
    ]);
  }
  return { file, kind: kind.data };
}
