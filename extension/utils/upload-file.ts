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

/** An import's file on its way to be checked: "Reading 40%", then "Checking rows…". */
export const checkingProgressText = (p: UploadPhase) =>
  p.phase === 'reading'
    ? `Reading ${Math.round(p.fraction * 100)}%`
    : p.phase === 'sending'
      ? 'Checking rows…'
      : 'Done';

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

/** What a run of uploads left behind: the files not sent (the failed one first) and why, or nothing. */
export type UploadOutcome<T> = { left: T[]; failure: string | null };

/** Rejects once `stop` fires, so waiting on a send that will not answer can end. */
const stopped = (stop: AbortSignal) =>
  new Promise<never>((_, reject) => {
    const fail = () => reject(new Error('Stopped before it finished'));
    if (stop.aborted) fail();
    else stop.addEventListener('abort', fail, { once: true });
  });

/**
 * Sends picked files one by one to `path`, showing each one's progress through
 * `onProgress`. The progress line always ends (null) — when all are sent, when
 * one fails (the rest are kept, nothing is skipped silently) or when `stop`
 * fires — and the outcome says what was not sent and why.
 */
export async function uploadInTurn<T extends { file: File }>(
  path: string,
  picked: readonly T[],
  fieldsOf: (p: T) => Record<string, string>,
  onProgress: (line: string | null) => void,
  stop: AbortSignal,
): Promise<UploadOutcome<T>> {
  try {
    for (const [i, p] of picked.entries()) {
      try {
        await Promise.race([
          uploadFile(path, p.file, fieldsOf(p), (phase) => {
            onProgress(uploadProgressText(p.file.name, i, picked.length, phase));
          }),
          stopped(stop),
        ]);
      } catch (e) {
        return { left: picked.slice(i), failure: `${p.file.name} was not uploaded: ${(e as Error).message}` };
      }
    }
    return { left: [], failure: null };
  } finally {
    onProgress(null);
  }
}

/** "x.pdf was not uploaded: reason. It is still chosen: try again, or remove it and choose another file." */
export const retryText = (failure: string) =>
  `${failure.replace(/\.$/, '')}. It is still chosen: try again, or remove it and choose another file.`;
