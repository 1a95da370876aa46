import { sendMessage } from './send-message';

export const MAX_UPLOAD_BYTES = 25 * 1024 * 1024;

/** Reads a file to base64, reporting progress from 0 to 1. */
function readAsBase64(file: File, onProgress: (fraction: number) => void): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
    reader.onerror = () => reject(new Error(`Could not read ${file.name}`));
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.readAsDataURL(file);
  });
}

export type UploadPhase = { phase: 'reading'; fraction: number } | { phase: 'sending' } | { phase: 'done' };

/**
 * Sends a file through the background (the only network client). Reading is
 * measured; the send itself is one request, shown as in progress.
 */
export async function uploadFile(
  path: string,
  file: File,
  fields: Record<string, string>,
  onPhase: (p: UploadPhase) => void,
) {
  if (file.size > MAX_UPLOAD_BYTES) throw new Error(`${file.name} is larger than 25 MB`);
  onPhase({ phase: 'reading', fraction: 0 });
  const base64 = await readAsBase64(file, (fraction) => onPhase({ phase: 'reading', fraction }));
  onPhase({ phase: 'sending' });
  const result = await sendMessage('upload', {
    path,
    fileName: file.name,
    contentType: file.type,
    base64,
    fields,
  });
  onPhase({ phase: 'done' });
  return result.body;
}

/** "report.pdf (2 of 3): reading 40%", the line shown while several files go up one by one. */
export function uploadProgressText(fileName: string, index: number, count: number, p: UploadPhase) {
  const phase =
    p.phase === 'reading'
      ? `reading ${Math.round(p.fraction * 100)}%`
      : p.phase === 'sending'
        ? 'uploading…'
        : 'done';
  return `${fileName} (${index + 1} of ${count}): ${phase}`;
}
