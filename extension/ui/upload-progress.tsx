/** The line shown while files go up, with a way to stop waiting; nothing once the upload has ended. */
export function UploadProgress({ line, onStop }: { line: string | null; onStop: () => void }) {
  if (!line) return null;
  return (
    <p class="row-between small">
      <span class="muted" role="status" data-testid="upload-progress">
        {line}
      </span>
      <button type="button" class="link" onClick={onStop}>
        Stop
      </button>
    </p>
  );
}
