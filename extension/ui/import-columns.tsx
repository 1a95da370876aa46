/**
 * The columns an import recognised, each re-mappable to a field or ignored:
 * a correction sends the file to be checked again with the person's mapping.
 */
export function ImportColumns<F extends string>(props: {
  headers: string[];
  mapping: (F | null)[];
  fields: readonly F[];
  labels: Record<F, string>;
  disabled?: boolean;
  onChange: (mapping: (F | null)[]) => void;
}) {
  return (
    <details>
      <summary>
        Columns ({props.mapping.filter(Boolean).length} of {props.headers.length} recognised)
      </summary>
      {props.headers.map((h, i) => (
        <div class="row-between" key={`${h}-${i}`}>
          <label for={`map-${i}`}>{h || `Column ${i + 1}`}</label>
          <select
            id={`map-${i}`}
            value={props.mapping[i] ?? ''}
            disabled={props.disabled}
            onChange={(e) => {
              const next = [...props.mapping];
              next[i] = (e.currentTarget.value || null) as F | null;
              props.onChange(next);
            }}
          >
            <option value="">Ignore</option>
            {props.fields.map((f) => (
              <option value={f} key={f}>
                {props.labels[f]}
              </option>
            ))}
          </select>
        </div>
      ))}
    </details>
  );
}
