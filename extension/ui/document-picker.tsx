import { useState } from 'preact/hooks';
import type { DocumentKind } from '../../shared/facility-terms';
import { MAX_UPLOAD_BYTES } from '../utils/upload-file';

export type PickedFile = { file: File; kind: DocumentKind };

const ACCEPT = '.pdf,.png,.jpg,.jpeg,.doc,.docx';

export const formatSize = (bytes: number) =>
  bytes >= 1024 * 1024
    ? `${(bytes / 1024 / 1024).toFixed(1)} MB`
    : `${Math.max(1, Math.round(bytes / 1024))} KB`;

/** Pick or drop files, each with its document type; the server checks the real type again. */
export function DocumentPicker(props: {
  files: PickedFile[];
  onChange: (files: PickedFile[]) => void;
  kinds: readonly DocumentKind[];
  kindLabels: Record<DocumentKind, string>;
}) {
  const [over, setOver] = useState(false);
  const [error, setError] = useState<string | null>(null);

  function add(list: FileList | null) {
    if (!list) return;
    const accepted: PickedFile[] = [];
    for (const file of Array.from(list)) {
      if (file.size > MAX_UPLOAD_BYTES) setError(`${file.name} is larger than 25 MB`);
      else accepted.push({ file, kind: 'facility_agreement' });
    }
    props.onChange([...props.files, ...accepted]);
  }

  return (
    <div>
      <label
        class={over ? 'drop over' : 'drop'}
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={(e) => {
          e.preventDefault();
          setOver(false);
          setError(null);
          add(e.dataTransfer?.files ?? null);
        }}
      >
        <span>Drop files here or choose them (PDF, image or Word, up to 25 MB each)</span>
        <input
          type="file"
          multiple
          accept={ACCEPT}
          aria-label="Choose documents"
          onChange={(e) => {
            setError(null);
            add(e.currentTarget.files);
            e.currentTarget.value = '';
          }}
        />
      </label>
      {error ? <p class="field-error">{error}</p> : null}
      <ul class="list" aria-label="Documents to upload">
        {props.files.map((p, i) => (
          <li key={`${p.file.name}-${i}`}>
            <div>
              {p.file.name} <span class="muted small">{formatSize(p.file.size)}</span>
            </div>
            <div class="row-actions">
              <select
                aria-label={`Type of ${p.file.name}`}
                value={p.kind}
                onChange={(e) =>
                  props.onChange(
                    props.files.map((f, j) =>
                      j === i ? { ...f, kind: e.currentTarget.value as DocumentKind } : f,
                    ),
                  )
                }
              >
                {props.kinds.map((k) => (
                  <option value={k} key={k}>
                    {props.kindLabels[k]}
                  </option>
                ))}
              </select>
              <button
                type="button"
                class="secondary"
                onClick={() => props.onChange(props.files.filter((_, j) => j !== i))}
              >
                Remove
              </button>
            </div>
          </li>
        ))}
      </ul>
    </div>
  );
}
