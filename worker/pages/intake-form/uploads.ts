/**
 * Files chosen on a step: what they are is read from their first bytes (the
 * browser's content type and the name are the client's word), the template's
 * own rules (kinds, size) are the engine's, and only a file that passes is
 * stored, in R2 under its organisation and request.
 */
import type { Field, FileAnswer, FormDefinition, Section } from '../../../shared/intake/definition';
import { validateAnswers } from '../../../shared/intake/engine';
import { newId } from '../../lib/crypto';
import { sniffFileType } from '../../lib/file-type';

export const uploadKey = (organizationId: string, requestId: string, fileId: string) =>
  `intake/${organizationId}/${requestId}/files/${fileId}`;

/** The engine's word on one file answer, for this field alone (its conditions are the page's business). */
function fileProblem(field: Field, answer: FileAnswer, today: string): string | undefined {
  const { showWhen: _s, requireWhen: _r, ...alone } = field;
  const form: FormDefinition = { title: '', sections: [{ id: 'upload', title: '', fields: [alone] }] };
  const result = validateAnswers(form, { [field.id]: answer }, { draft: true, today });
  return result.ok ? undefined : result.errors[field.id];
}

export async function storeUploads(
  bucket: R2Bucket,
  where: { organizationId: string; requestId: string },
  section: Section,
  files: Map<string, File>,
  today: string,
): Promise<{ uploads: Map<string, FileAnswer>; errors: Record<string, string> }> {
  const uploads = new Map<string, FileAnswer>();
  const errors: Record<string, string> = {};
  for (const field of section.fields) {
    const file = files.get(field.id);
    if (field.type !== 'file' || !file) continue;
    const head = new Uint8Array(await file.slice(0, 16).arrayBuffer());
    const sniffed = sniffFileType(head, file.name);
    const answer: FileAnswer = {
      fileId: newId('ifl'),
      name: file.name.slice(0, 255) || 'upload',
      contentType: sniffed?.contentType ?? 'application/octet-stream',
      size: file.size,
    };
    const problem = fileProblem(field, answer, today);
    if (problem) {
      errors[field.id] = problem;
      continue;
    }
    await bucket.put(uploadKey(where.organizationId, where.requestId, answer.fileId), file, {
      httpMetadata: { contentType: answer.contentType },
      customMetadata: { fieldId: field.id },
    });
    uploads.set(field.id, answer);
  }
  return { uploads, errors };
}
