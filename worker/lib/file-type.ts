import { AppError } from './app-error';

/**
 * What a file really is, from its first bytes: the declared content type and
 * the file name are the client's word, not evidence.
 */
export type SniffedType = { contentType: string; extensions: string[]; label: string };

const OOXML_WORD = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export function sniffFileType(head: Uint8Array, fileName: string): SniffedType | null {
  const starts = (...bytes: number[]) => bytes.every((b, i) => head[i] === b);
  if (starts(0x25, 0x50, 0x44, 0x46, 0x2d))
    return { contentType: 'application/pdf', extensions: ['pdf'], label: 'PDF' };
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a))
    return { contentType: 'image/png', extensions: ['png'], label: 'PNG image' };
  if (starts(0xff, 0xd8, 0xff))
    return { contentType: 'image/jpeg', extensions: ['jpg', 'jpeg'], label: 'JPEG image' };
  if (starts(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1))
    return { contentType: 'application/msword', extensions: ['doc'], label: 'Word document' };
  // A .docx is a ZIP; the name decides between Word and any other ZIP, and only Word is accepted.
  if (starts(0x50, 0x4b, 0x03, 0x04) && /\.docx$/i.test(fileName))
    return { contentType: OOXML_WORD, extensions: ['docx'], label: 'Word document' };
  return null;
}

export function extensionOf(fileName: string): string {
  const match = /\.([a-z0-9]+)$/i.exec(fileName);
  return match ? match[1]!.toLowerCase() : '';
}

export const MAX_DOCUMENT_BYTES = 25 * 1024 * 1024;

/**
 * An uploaded document's bytes and real type, or the 4xx that says what is
 * wrong: empty, over 25 MB, not a PDF, PNG, JPEG or Word file by its bytes, or
 * named as another type than it is.
 */
export async function readDocument(file: File) {
  if (file.size === 0)
    throw new AppError('validation_failed', 'The file is empty', [{ path: 'file', issue: 'empty file' }]);
  if (file.size > MAX_DOCUMENT_BYTES)
    throw new AppError('payload_too_large', 'Documents can be at most 25 MB');
  const bytes = new Uint8Array(await file.arrayBuffer());
  const type = sniffFileType(bytes.subarray(0, 16), file.name);
  if (!type)
    throw new AppError('unsupported_media_type', 'Upload a PDF, an image (PNG or JPEG) or a Word document');
  if (!type.extensions.includes(extensionOf(file.name))) {
    throw new AppError(
      'unsupported_media_type',
      `This file is a ${type.label}, but its name says .${extensionOf(file.name) || '(none)'}; rename it and try again`,
    );
  }
  return { bytes, type };
}
