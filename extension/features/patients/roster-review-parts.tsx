import { ROSTER_FIELD_LABELS, ROSTER_FIELDS, type RosterField } from '../../../shared/roster/columns';
import { ImportColumns } from '../../ui/import-columns';
import type { ReviewRow } from './roster-review-rows';

/** The file's columns and the field each feeds; changing one reads the file again with the new mapping. */
export function ColumnMapping(props: {
  headers: string[];
  mapping: (RosterField | null)[];
  onChange: (next: (RosterField | null)[]) => void;
}) {
  return <ImportColumns {...props} fields={ROSTER_FIELDS} labels={ROSTER_FIELD_LABELS} />;
}

/** Each included row's errors, and its duplicate warnings with "import anyway". */
export function RowProblems(props: {
  rows: ReviewRow[];
  onConfirm: (row: number, confirmDuplicate: boolean) => void;
}) {
  return (
    <ul class="plain small" aria-label="Problems">
      {props.rows.flatMap((r, i) =>
        r.include
          ? [
              ...r.errors.map((e) => (
                <li key={`e${i}${e.field}`} class="field-error">
                  Row {i + 1}: {e.issue}
                </li>
              )),
              ...r.warnings.map((w) => (
                <li key={`w${i}${w.issue}`}>
                  Row {i + 1}: {w.issue}{' '}
                  <label class="inline">
                    <input
                      type="checkbox"
                      checked={r.confirmDuplicate}
                      onChange={(e) => props.onConfirm(i, e.currentTarget.checked)}
                    />{' '}
                    import anyway
                  </label>
                </li>
              )),
            ]
          : [],
      )}
    </ul>
  );
}

/** Lines of the file that are not residents (titles, stamps, repeated headers, totals), left out. */
export function SkippedLines(props: { lines: { line: number; text: string; reason: string }[] }) {
  const n = props.lines.length;
  return (
    <details data-testid="import-skipped">
      <summary>
        {n} {n === 1 ? 'line is' : 'lines are'} not residents and left out
      </summary>
      <ul class="plain small">
        {props.lines.map((l) => (
          <li key={l.line}>
            Row {l.line}: {l.text || '(blank)'}: {l.reason}
          </li>
        ))}
      </ul>
    </details>
  );
}
